// The signatures `vanban issue` and `vanban build` add to each PDF they write, in the order NĐ 30
// Phụ lục I gives: the person with authority (the signature image in box 7c), then, when a seal
// key is given, the organisation (the seal image over the left third of the person's). Each is
// time-stamped (PAdES B-T) when an authority is given.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "sign/png_image.h"
#include "sign/signing_key.h"

namespace vanban {

struct SigningSetup {
  SigningKey signer;
  std::optional<PngImage> signature_image;  // none: an invisible signature
  std::optional<SigningKey> seal;           // the organisation's key; none: the person alone
  std::optional<PngImage> seal_image;
  double seal_diameter_mm = 0;              // 0: from the seal image's DPI
  std::string tsa_url;                      // empty: PAdES B-B
};

// The signed file: `pdf` with one incremental update per signature. Safe to call from several
// threads at once with the same setup.
Result<std::string> sign_issued_pdf(const std::string& pdf, const SigningSetup& setup, std::time_t now);

}  // namespace vanban
