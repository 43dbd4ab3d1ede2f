#include "pdf/subset_grain.h"

#include <gtest/gtest.h>

#include <string_view>

#include "shipped_data.h"

namespace vanban {
namespace {

const FontFace& regular() { return testing::shipped_fonts().face(FontStyle::Regular); }

CodePointSet set_of(std::u16string_view text) {
  CodePointSet set{};
  for (char16_t cp : text) set[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  return set;
}

bool has(const CodePointSet& set, char32_t cp) { return (set[cp >> 6] >> (cp & 63)) & 1; }

TEST(SubsetGrain, AnAccentedLetterBringsItsWholeFamilyInItsCase) {
  CodePointSet used = set_of(u"ạ");
  widen_to_letter_families(used, regular());
  for (char16_t cp : std::u16string_view(u"aàáảãạăằắẳẵặâầấẩẫậ")) EXPECT_TRUE(has(used, cp)) << int(cp);
  EXPECT_FALSE(has(used, U'A'));
  EXPECT_FALSE(has(used, U'Ạ'));
  EXPECT_FALSE(has(used, U'e'));
  EXPECT_FALSE(has(used, U'b'));  // "ạ" is not a letter of the plain Latin family
}

TEST(SubsetGrain, DocumentsThatDifferInTheirNamesLettersShareOneSet) {
  // Two names in capitals with different marks, in the same running text.
  CodePointSet first = set_of(u"Số 12 ỦY BAN NHÂN DÂN XÃ HÒA THẠNH, ngày 5");
  CodePointSet second = set_of(u"Số 47 ỦY BAN NHÂN DÂN XÃ ẤN LỘC, ngày 9");
  EXPECT_NE(first, second);
  widen_to_letter_families(first, regular());
  widen_to_letter_families(second, regular());
  EXPECT_EQ(first, second);
}

// A family is brought by a letter drawn, not by one an earlier family brought: the small Latin
// letters hold "d", which does not bring "đ" unless a "d" or "đ" was drawn.
TEST(SubsetGrain, OnlyLettersDrawnBringTheirFamilies) {
  CodePointSet used = set_of(u"a");
  EXPECT_EQ(widen_to_letter_families(used, regular()), (std::size_t{u'ặ'} / 64) + 1);
  EXPECT_TRUE(has(used, U'd'));
  EXPECT_FALSE(has(used, U'đ'));
  CodePointSet nothing = set_of(u"“–”%");
  EXPECT_EQ(widen_to_letter_families(nothing, regular()), 0u);
}

TEST(SubsetGrain, PunctuationAndSymbolsStayAsDrawn) {
  CodePointSet used = set_of(u"“–”%");
  const CodePointSet drawn = used;
  widen_to_letter_families(used, regular());
  EXPECT_EQ(used, drawn);
}

}  // namespace
}  // namespace vanban
