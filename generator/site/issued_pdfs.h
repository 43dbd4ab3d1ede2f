// The signed PDFs an office issued through its register into OUT/issued/ (`vanban issue -o
// OUT/issued --key`, vanban serve's Issue and Sign): a later `vanban build` renders the published
// markup again, unsigned, so the site links these instead. A file counts only as the register
// records it: OUT/issued/NAME.pdf whose SHA-256 is the one recorded for NAME.pdf, signed to its
// end (site/signed_pdf.h), of an entry whose key is NAME.
#pragma once

#include <map>
#include <string>

#include "model/diagnostic.h"

namespace vanban::site {

struct IssuedPdf {
  std::string path;    // OUT/issued/NAME.pdf
  std::string number;  // as the register records it: "12-CV/TU"
};

// By document name. No register file (it is never created here): none. A register that cannot
// be read: none, and a warning.
std::map<std::string, IssuedPdf> issued_signed_pdfs(const std::string& register_file, const std::string& issued_dir,
                                                    Diagnostics& warnings);

}  // namespace vanban::site
