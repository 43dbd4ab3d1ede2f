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

TEST(XmlEscape, AppendsAfterWhatIsThere) {
  std::string out = "<p>";
  append_xml_escaped(out, "x<y");
  EXPECT_EQ(out, "<p>x&lt;y");
}

}  // namespace
}  // namespace vanban
