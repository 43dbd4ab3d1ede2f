#include "site/signed_pdf.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::site {
namespace {

// A PDF as vanban writes it: one body, one trailer.
const std::string kWritten =
    "%PDF-1.7\n1 0 obj\n<</Type/Catalog>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
    "trailer\n<</Root 1 0 R/Size 2>>\nstartxref\n42\n%%EOF\n";

// kWritten with a signature appended as an incremental update; `after` is appended at the end.
std::string signed_update(const std::string& after = "") {
  std::string pdf = kWritten + "2 0 obj\n<</Type/Sig/ByteRange[ 0 AAAAA BBBBB CCCCC ]/Contents <00>>>\nendobj\n";
  const std::size_t contents = pdf.find('<', pdf.find("/Contents"));
  pdf += "xref\n0 1\n0000000000 65535 f \ntrailer\n<</Prev 42/Root 1 0 R/Size 3>>\nstartxref\n140\n%%EOF\n";
  const std::size_t gap_end = contents + 4;  // after "<00>"
  const auto field = [&](const char* mark, std::size_t value) {
    std::string digits = std::to_string(value);
    digits.resize(5, ' ');
    pdf.replace(pdf.find(mark), 5, digits);
  };
  field("AAAAA", contents);
  field("BBBBB", gap_end);
  field("CCCCC", pdf.size() - gap_end);
  return pdf + after;
}

TEST(SignedPdf, AnUpdateWhoseSignatureCoversTheWholeFile) {
  EXPECT_FALSE(signed_to_the_end(kWritten));
  EXPECT_TRUE(signed_to_the_end(signed_update()));
  // Bytes appended after the signature: no longer signed to the end.
  EXPECT_FALSE(signed_to_the_end(signed_update("% edited\n")));
  // An update that is not a signature.
  EXPECT_FALSE(signed_to_the_end(kWritten + "xref\n0 1\ntrailer\n<</Prev 42/Size 2>>\nstartxref\n99\n%%EOF\n"));
  // "/ByteRange" in the text of a document that was never updated.
  EXPECT_FALSE(signed_to_the_end("%PDF-1.7\n(/ByteRange[0 1 2 3])\n" + kWritten));
}

}  // namespace
}  // namespace vanban::site
