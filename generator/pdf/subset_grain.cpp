#include "pdf/subset_grain.h"

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

bool has(const CodePointSet& set, char32_t cp) { return (set[cp >> 6] >> (cp & 63)) & 1; }
void add(CodePointSet& set, char32_t cp) { set[cp >> 6] |= std::uint64_t{1} << (cp & 63); }

}  // namespace

void widen_to_letter_families(CodePointSet& used, const FontFace& face) {
  const CodePointSet drawn = used;
  for (std::u16string_view family : kFamilies) {
    bool any = false;
    for (char16_t cp : family) any = any || has(drawn, cp);
    if (!any) continue;
    for (char16_t cp : family)
      if (face.has_glyph(cp)) add(used, cp);
  }
}

}  // namespace vanban
