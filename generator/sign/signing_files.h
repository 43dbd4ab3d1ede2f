// The signing set-up (sign/signing_step.h) from the files that hold it: the person's and the
// organisation's PKCS#12 keys, checked valid at a moment, and their PNG images. The passwords are
// given by the caller (the command line reads them from a file, a variable or the terminal;
// vanban serve from the page, each time) and are never kept.
#pragma once

#include <ctime>
#include <string>

#include "model/diagnostic.h"
#include "sign/signing_step.h"

namespace vanban {

struct SigningFiles {
  std::string key;              // the person with authority's .p12; required
  std::string signature_image;  // empty: an invisible signature
  std::string seal_key;         // the organisation's .p12; empty: no seal
  std::string seal_image;
  double seal_diameter_mm = 0;  // 0: from the seal image's DPI
  std::string tsa_url;
};

Result<SigningSetup> load_signing_files(const SigningFiles& files, const std::string& password,
                                        const std::string& seal_password, std::time_t now);

}  // namespace vanban
