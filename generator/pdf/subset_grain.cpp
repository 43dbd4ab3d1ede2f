#include "pdf/subset_grain.h"

#include <algorithm>
#include <string_view>

namespace vanban {

namespace {

// Each family in one case: drawing any member embeds them all.
constexpr std::u16string_view kFamilies[] = {
    u"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    u"abcdefghijklmnopqrstuvwxyz",
    u"0123456789",
    u"AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
    u"aàáảãạăằắẳẵặâầấẩẫậ",
    u"EÈÉẺẼẸÊỀẾỂỄỆ",
    u"eèéẻẽẹêềếểễệ",
    u"IÌÍỈĨỊ",
    u"iìíỉĩị",
    u"OÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
    u"oòóỏõọôồốổỗộơờớởỡợ",
    u"UÙÚỦŨỤƯỪỨỬỮỰ",
    u"uùúủũụưừứửữự",
    u"YỲÝỶỸỴ",
    u"yỳýỷỹỵ",
    u"DĐ",
    u"dđ",
};

void add(CodePointSet& set, char32_t cp) { set[cp >> 6] |= std::uint64_t{1} << (cp & 63); }

// The words of a CodePointSet that hold the families' code points.
constexpr std::size_t kFamilyWords = [] {
  std::size_t words = 0;
  for (std::u16string_view family : kFamilies)
    for (char16_t cp : family) words = std::max(words, std::size_t{cp} / 64 + 1);
  return words;
}();

}  // namespace

// What was drawn decides, not what a family before added ("d" with the small letters is not a
// drawn "d" for "dđ"): those words as they were.
std::size_t widen_to_letter_families(CodePointSet& used, const FontFace& face) {
  std::array<std::uint64_t, kFamilyWords> drawn;
  std::copy_n(used.begin(), kFamilyWords, drawn.begin());
  std::size_t end = 0;
  for (std::u16string_view family : kFamilies) {
    bool any = false;
    for (char16_t cp : family) any = any || ((drawn[cp >> 6] >> (cp & 63)) & 1);
    if (!any) continue;
    for (char16_t cp : family) {
      if (!face.has_glyph(cp)) continue;
      add(used, cp);
      end = std::max(end, std::size_t{cp} / 64 + 1);
    }
  }
  return end;
}

}  // namespace vanban
