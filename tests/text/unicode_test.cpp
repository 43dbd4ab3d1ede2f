#include "text/unicode.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text {
namespace {

TEST(IsValidUtf8, AcceptsAsciiAndVietnamese) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Ban Chấp hành Trung ương"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600, four bytes
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
}

TEST(IsValidUtf8, ReportsOffsetOfFirstBadByte) {
  struct Case {
    std::string text;
    std::size_t offset;
  };
  const Case cases[] = {
      {"ab\x80", 2},              // stray continuation byte
      {"Tỉnh\xC0\xAF", 6},        // overlong "/" (two bytes)
      {"\xE0\x80\xAF", 0},        // overlong "/" (three bytes)
      {"\xF0\x80\x80\xAF", 0},    // overlong "/" (four bytes)
      {"x\xED\xA0\x80", 1},       // U+D800, a surrogate
      {"\xF4\x90\x80\x80", 0},    // U+110000, above the range
      {"\xF5\x80\x80\x80", 0},    // lead byte that can never occur
      {"đ\xE1\xBB", 2},           // truncated three-byte sequence at the end
      {"\xE1\xBB" "a", 0},        // continuation replaced by ASCII
      {"\xFF", 0},
  };
  for (const Case& c : cases) {
    std::size_t offset = 999;
    EXPECT_FALSE(is_valid_utf8(c.text, &offset)) << c.text;
    EXPECT_EQ(offset, c.offset) << c.text;
  }
  EXPECT_FALSE(is_valid_utf8("\x80"));  // the offset is optional
}

// Whether `b` is one well-formed UTF-8 character, by the table of RFC 3629 (section 4).
bool one_character_by_rfc3629(const std::string& b) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(b[k]); };
  const auto in = [&](std::size_t k, unsigned lo, unsigned hi) { return at(k) >= lo && at(k) <= hi; };
  switch (b.size()) {
    case 1: return at(0) <= 0x7F;
    case 2: return in(0, 0xC2, 0xDF) && in(1, 0x80, 0xBF);
    case 3:
      if (!in(2, 0x80, 0xBF)) return false;
      if (at(0) == 0xE0) return in(1, 0xA0, 0xBF);
      if (at(0) == 0xED) return in(1, 0x80, 0x9F);
      return (in(0, 0xE1, 0xEC) || in(0, 0xEE, 0xEF)) && in(1, 0x80, 0xBF);
    default: return false;
  }
}

// Whether `b` (up to three bytes) is a sequence of well-formed characters: UTF-8 is prefix-free,
// so the first character that fits is the only one.
bool characters_by_rfc3629(const std::string& b) {
  for (std::size_t i = 0, n = 0; i < b.size(); i += n) {
    for (n = 1; n <= b.size() - i && !one_character_by_rfc3629(b.substr(i, n)); ++n) {
    }
    if (n > b.size() - i) return false;
  }
  return true;
}

// Every sequence of two bytes and every three-byte one with a three-byte lead, alone and after
// a letter, against the RFC's table; a cut-off sequence is never valid.
TEST(IsValidUtf8, AgreesWithTheRfcOnEveryTwoAndThreeByteSequence) {
  int disagreements = 0;
  auto check = [&](const std::string& bytes) {
    const bool expected = characters_by_rfc3629(bytes);
    if (is_valid_utf8(bytes) != expected || is_valid_utf8("đ" + bytes) != expected) ++disagreements;
  };
  for (unsigned a = 0; a < 256; ++a)
    for (unsigned b = 0; b < 256; ++b) check({static_cast<char>(a), static_cast<char>(b)});
  for (unsigned a = 0xE0; a <= 0xEF; ++a)
    for (unsigned b = 0; b < 256; ++b) {
      const std::string two{static_cast<char>(a), static_cast<char>(b)};
      EXPECT_FALSE(is_valid_utf8(two + "a"));
      for (unsigned c = 0; c < 256; ++c) check(two + static_cast<char>(c));
    }
  EXPECT_EQ(disagreements, 0);
}

TEST(ToNfc, ComposesDecomposedVietnamese) {
  // "Tỉnh ủy" with NFD marks: i + hook above (U+0309), u + hook above.
  EXPECT_EQ(to_nfc("Ti\xCC\x89nh u\xCC\x89y"), "Tỉnh ủy");
  // ệ as e + dot below (U+0323) + circumflex (U+0302): canonical reordering, then composition.
  EXPECT_EQ(to_nfc("Vi\x65\xCC\xA3\xCC\x82t"), "Việt");
}

TEST(ToNfc, ReturnsNfcAndAsciiUnchanged) {
  EXPECT_EQ(to_nfc(""), "");
  EXPECT_EQ(to_nfc("Ban Dan van"), "Ban Dan van");
  EXPECT_EQ(to_nfc("Đảng Cộng sản Việt Nam"), "Đảng Cộng sản Việt Nam");
}

TEST(ToU32, DecodesAndRoundTrips) {
  EXPECT_EQ(to_u32("Đả"), (std::u32string{U'\u0110', U'\u1EA3'}));
  EXPECT_EQ(to_u32("a\xF0\x9F\x98\x80"), (std::u32string{U'a', U'\U0001F600'}));
  const std::string text = "Tỉnh ủy Trà Vinh “dân vận khéo” \xF0\x9F\x98\x80";
  EXPECT_EQ(to_utf8(to_u32(text)), text);
}

TEST(ToU32, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(to_u32("a\xFF" "b"), (std::u32string{U'a', U'\uFFFD', U'b'}));
}

TEST(ToUtf8, EncodesEveryLengthAndReplacesInvalidCodePoints) {
  EXPECT_EQ(to_utf8(U"A\u00C2\u1EC7\U0010FFFF"), "A\xC3\x82\xE1\xBB\x87\xF4\x8F\xBF\xBF");
  const char32_t bad[] = {0xD800, 0x110000};
  EXPECT_EQ(to_utf8(std::u32string_view(bad, 2)), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(CollapseWhitespace, CollapsesRunsWithoutTrimming) {
  EXPECT_EQ(collapse_whitespace("Ban Thường  \t trực\r\nUBMTTQ"), "Ban Thường trực UBMTTQ");
  EXPECT_EQ(collapse_whitespace("\n  a b  \n"), " a b ");
  EXPECT_EQ(collapse_whitespace(""), "");
  // A no-break space is not XML white space and stays.
  EXPECT_EQ(collapse_whitespace("a\xC2\xA0\xC2\xA0" "b"), "a\xC2\xA0\xC2\xA0" "b");
}

}  // namespace
}  // namespace vanban::text
