#include "text/vietnamese_case.h"

#include <gtest/gtest.h>

namespace vanban::text {
namespace {

TEST(ToUpper, MapsVietnameseLetters) {
  EXPECT_EQ(to_upper("Tỉnh ủy Trà Vinh"), "TỈNH ỦY TRÀ VINH");
  EXPECT_EQ(to_upper("đảng bộ"), "ĐẢNG BỘ");
  EXPECT_EQ(to_upper("ban chấp hành trung ương"), "BAN CHẤP HÀNH TRUNG ƯƠNG");
  EXPECT_EQ(to_upper("ơ ư ă â ê ô ỹ ặ"), "Ơ Ư Ă Â Ê Ô Ỹ Ặ");
  EXPECT_EQ(to_upper("số 431-cv/tu"), "SỐ 431-CV/TU");
  EXPECT_EQ(to_upper(""), "");
}

TEST(ToUpper, OutputIsNfcEvenForNfdInput) {
  // "ủy" as u + U+0309 HOOK ABOVE.
  EXPECT_EQ(to_upper("u\xCC\x89y"), "ỦY");
  // U+01F0 (ǰ) has no precomposed capital: ICU gives J + U+030C, which is already NFC.
  EXPECT_EQ(to_upper("\xC7\xB0"), "J\xCC\x8C");
}

TEST(ToLower, MapsVietnameseLetters) {
  EXPECT_EQ(to_lower("TỈNH ỦY TRÀ VINH"), "tỉnh ủy trà vinh");
  EXPECT_EQ(to_lower("ĐẢNG BỘ"), "đảng bộ");
  // Vietnamese has no dotted/dotless I distinction: "I" lowers to a plain "i".
  EXPECT_EQ(to_lower("CHỈ THỊ"), "chỉ thị");
}

TEST(CapitalizeFirst, UpperCasesOnlyTheFirstLetter) {
  EXPECT_EQ(capitalize_first("về công tác dân vận"), "Về công tác dân vận");
  EXPECT_EQ(capitalize_first("đẩy mạnh"), "Đẩy mạnh");
  EXPECT_EQ(capitalize_first("ủy ban nhân dân"), "Ủy ban nhân dân");
  EXPECT_EQ(capitalize_first("Về công tác"), "Về công tác");
}

TEST(CapitalizeFirst, SkipsLeadingPunctuationAndSpaces) {
  EXPECT_EQ(capitalize_first("“dân vận khéo”"), "“Dân vận khéo”");
  EXPECT_EQ(capitalize_first("  (ấn định)"), "  (Ấn định)");
  EXPECT_EQ(capitalize_first("2 đồng chí"), "2 Đồng chí");
}

TEST(CapitalizeFirst, HandlesNfdAndTextWithoutLetters) {
  EXPECT_EQ(capitalize_first("e\xCC\xA3\xCC\x82n"), "Ện");
  EXPECT_EQ(capitalize_first("123 ./."), "123 ./.");
  EXPECT_EQ(capitalize_first(""), "");
}

}  // namespace
}  // namespace vanban::text
