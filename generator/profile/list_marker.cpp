#include <string>

#include "profile/resolved_document.h"

namespace vanban {

namespace {

// Điểm are lettered with the Vietnamese alphabet, which has đ and no f, j, w, z (NĐ 30/2020).
constexpr const char* kVietnameseLetters[] = {"a", "b", "c", "d", "đ", "e", "g", "h",
                                              "i", "k", "l", "m", "n", "o", "p", "q",
                                              "r", "s", "t", "u", "v", "x", "y"};
constexpr int kLetterCount = sizeof(kVietnameseLetters) / sizeof(kVietnameseLetters[0]);

std::string roman(int n) {
  static constexpr struct { int value; const char* digits; } kRoman[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
      {50, "L"},   {40, "XL"},  {10, "X"},  {9, "IX"},   {5, "V"},   {4, "IV"}, {1, "I"}};
  std::string out;
  for (const auto& r : kRoman)
    for (; n >= r.value; n -= r.value) out += r.digits;
  return out;
}

}  // namespace

// A marker template's first character says how to count: "1" Arabic, "a" Vietnamese letters,
// "I" Roman; what follows it is kept ("1." -> "3.", "a)" -> "c)"). Any other template is
// printed as it is ("-", "+").
std::string list_marker(const Profile& profile, bool ordered, int depth, int index) {
  const auto& markers = profile.body.list_markers;
  if (markers.size() < 2) return ordered ? std::to_string(index + 1) + "." : "-";
  const int levels = static_cast<int>(markers.size()) / 2;
  const int level = depth < levels ? depth : levels - 1;
  const std::string& tmpl = markers[2 * level + (ordered ? 0 : 1)];
  if (tmpl.empty()) return tmpl;
  const std::string suffix = tmpl.substr(1);
  switch (tmpl[0]) {
    case '1': return std::to_string(index + 1) + suffix;
    case 'a': {
      std::string letters;
      for (int n = index / kLetterCount; n >= 0; --n) letters += kVietnameseLetters[index % kLetterCount];
      return letters + suffix;
    }
    case 'I': return roman(index + 1) + suffix;
    default: return tmpl;
  }
}

void mark_list_items(std::vector<Block>& blocks, const Profile& profile, int depth) {
  for (Block& b : blocks) {
    const bool list = b.kind == Block::Kind::OrderedList || b.kind == Block::Kind::DashList;
    for (std::size_t i = 0; i < b.items.size(); ++i) {
      ListItem& item = b.items[i];
      item.marker = list_marker(profile, b.kind == Block::Kind::OrderedList, depth, static_cast<int>(i));
      mark_list_items(item.blocks, profile, depth + 1);
    }
    // A box keeps the nesting of the list it stands in.
    if (!list) mark_list_items(b.blocks, profile, depth);
  }
}

}  // namespace vanban
