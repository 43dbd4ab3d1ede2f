#include "model/xml_escape.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(XmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(xml_escaped("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &apos; f");
}

TEST(XmlEscape, LeavesVietnameseTextAlone) {
  EXPECT_EQ(xml_escaped("Đảng ủy xã Tam Hải"), "Đảng ủy xã Tam Hải");
}

// XML 1.0 cannot carry C0 controls other than tab, LF and CR, not even as references.
TEST(XmlEscape, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(xml_escaped(std::string("a\x01" "b\tc\x1f" "d\ne\r")), "a b\tc d\ne\r");
}

// Byte by byte: the five markup characters as entities, the controls XML cannot hold as spaces,
// every other byte (the bytes of UTF-8 sequences among them) as it is.
TEST(XmlEscape, EveryByteIsCopiedOrReplacedAsTheRulesSay) {
  for (int b = 0; b < 256; ++b) {
    const std::string byte(1, static_cast<char>(b));
    std::string expected = byte;
    if (b == '&') expected = "&amp;";
    if (b == '<') expected = "&lt;";
    if (b == '>') expected = "&gt;";
    if (b == '"') expected = "&quot;";
    if (b == '\'') expected = "&apos;";
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') expected = " ";
    EXPECT_EQ(xml_escaped("x" + byte + "y"), "x" + expected + "y") << b;
  }
}

TEST(XmlEscape, AppendsAfterWhatIsThere) {
  std::string out = "<p>";
  append_xml_escaped(out, "x<y");
  EXPECT_EQ(out, "<p>x&lt;y");
}

}  // namespace
}  // namespace vanban
