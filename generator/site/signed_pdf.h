// Whether a PDF the build wrote is signed. `vanban build --key` and `vanban sign` sign by an
// incremental update appended to the file (sign/pdf_signer.h), so a signed file ends in an
// update whose last signature's /ByteRange [0 a b c] covers every byte but its own /Contents
// (b + c is the file's size): anything appended after the signature would leave it uncovered.
// A structural test for labelling the site's links, not a verification of the signature.
#pragma once

#include <string>
#include <string_view>

namespace vanban::site {

// `pdf`: the whole file.
bool signed_to_the_end(std::string_view pdf);

// Reads the file's last trailer first, and the whole file only when it ends in an update.
bool pdf_file_signed(const std::string& path);

}  // namespace vanban::site
