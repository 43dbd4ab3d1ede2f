#include "templating/slug.h"

#include "text/unicode.h"

namespace vanban {

namespace {

// Every precomposed Vietnamese letter, by the ASCII letter it is written on.
struct Fold {
  char ascii;
  std::u32string_view letters;
};
constexpr Fold kFolds[] = {
    {'a', U"àáảãạăằắẳẵặâầấẩẫậ"}, {'A', U"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"}, {'d', U"đ"}, {'D', U"Đ"},
    {'e', U"èéẻẽẹêềếểễệ"},       {'E', U"ÈÉẺẼẸÊỀẾỂỄỆ"},       {'i', U"ìíỉĩị"}, {'I', U"ÌÍỈĨỊ"},
    {'o', U"òóỏõọôồốổỗộơờớởỡợ"}, {'O', U"ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"}, {'u', U"ùúủũụưừứửữự"},
    {'U', U"ÙÚỦŨỤƯỪỨỬỮỰ"},       {'y', U"ỳýỷỹỵ"},             {'Y', U"ỲÝỶỸỴ"},
};

char fold(char32_t c) {
  if (c < 0x80) return static_cast<char>(c);
  for (const Fold& f : kFolds)
    if (f.letters.find(c) != std::u32string_view::npos) return f.ascii;
  return '-';
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string ascii_slug(std::string_view utf8, bool lower) {
  std::string out;
  for (char32_t c : text::to_u32(text::to_nfc(utf8))) {
    char a = fold(c);
    if (!is_alnum(a)) a = '-';
    if (lower && a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a == '-' && (out.empty() || out.back() == '-')) continue;
    out += a;
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

UniqueNames::UniqueNames() : take_([this](const std::string& slug) { return taken_.insert(slug).second; }) {}

std::string UniqueNames::claim(const std::string& wanted) {
  const std::string base = ascii_slug(wanted, true);
  ++probes_;
  if (take_(base)) return wanted;
  // The slug of wanted + "-N" is the slug of wanted + "-N": no need to compute it again.
  int& n = next_suffix_.try_emplace(base, 2).first->second;
  for (;; ++n) {
    const std::string suffix = std::to_string(n);
    ++probes_;
    if (take_(base.empty() ? suffix : base + "-" + suffix)) return wanted + "-" + std::to_string(n++);
  }
}

}  // namespace vanban
