#include "pdf/pdf_file.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban {
namespace {

TEST(PdfFile, RealsHaveSixDecimalsWithoutTrailingZeros) {
  std::string out;
  for (const double v : {595.2755905511812, 0.0, 100.0, -16.25, 0.0000004}) append_real(out, v);
  EXPECT_EQ(out, " 595.275591 0 100 -16.25 0");
}

TEST(PdfFile, TextStringsAreUtf16WithTheirBytesEscaped) {
  std::string out;
  // "Ĩ" is U+0128: its low byte is "(", which must be escaped; U+1F600 takes a surrogate pair.
  append_text_string(out, "aĨ\U0001F600");
  EXPECT_EQ(out, std::string("(\xFE\xFF\0a\x01\\(\xD8\x3D\xDE\x00)", 13));
  std::string ascii;
  append_ascii_string(ascii, "D:2026(1)\\");
  EXPECT_EQ(ascii, "(D:2026\\(1\\)\\\\)");
}

TEST(PdfFile, TheCrossReferenceTablePointsAtEachObject) {
  PdfFile file;
  file.begin_object(1);
  file.bytes() += "<</Type/Catalog/Pages 2 0 R>>";
  file.end_object();
  file.begin_object(2);
  file.bytes() += "<</Length 3>>";
  file.end_stream_object("abc");
  EXPECT_THROW(file.begin_object(4), std::logic_error);
  const std::string pdf = file.finish();
  const std::size_t xref = pdf.find("xref\n0 3\n0000000000 65535 f \n");
  ASSERT_NE(xref, std::string::npos);
  const std::size_t first = std::stoul(pdf.substr(xref + 29, 10));
  const std::size_t second = std::stoul(pdf.substr(xref + 49, 10));
  EXPECT_EQ(pdf.compare(first, 7, "1 0 obj"), 0);
  EXPECT_EQ(pdf.compare(second, 7, "2 0 obj"), 0);
  EXPECT_NE(pdf.find("stream\nabc\nendstream\nendobj\n"), std::string::npos);
  EXPECT_EQ(pdf.substr(pdf.size() - 6), "%%EOF\n");
  EXPECT_EQ(std::stoul(pdf.substr(pdf.find("startxref\n") + 10)), xref);
}

}  // namespace
}  // namespace vanban
