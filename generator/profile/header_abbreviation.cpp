#include "profile/header_abbreviation.h"

#include <algorithm>

#include "profile/letter_case.h"
#include "text/unicode.h"

namespace vanban {

namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  const std::string collapsed = text::collapse_whitespace(text);
  std::size_t start = 0;
  while (start < collapsed.size()) {
    std::size_t end = collapsed.find(' ', start);
    if (end == std::string::npos) end = collapsed.size();
    if (end > start) out.push_back(collapsed.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string abbreviated_name(std::string_view name, const std::vector<HeaderAbbreviation>& abbreviations) {
  std::vector<std::string> written = words(name);
  std::vector<std::string> upper;
  for (const std::string& w : written) upper.push_back(apply_case(w, LetterCase::Upper));
  bool changed = false;
  for (const HeaderAbbreviation& a : abbreviations) {
    std::vector<std::string> phrase;
    for (const std::string& w : words(a.full)) phrase.push_back(apply_case(w, LetterCase::Upper));
    if (phrase.empty()) continue;
    for (std::size_t i = 0; i + phrase.size() <= upper.size(); ++i) {
      if (!std::equal(phrase.begin(), phrase.end(), upper.begin() + static_cast<std::ptrdiff_t>(i))) continue;
      const auto first = static_cast<std::ptrdiff_t>(i);
      const auto last = first + static_cast<std::ptrdiff_t>(phrase.size());
      written.erase(written.begin() + first + 1, written.begin() + last);
      upper.erase(upper.begin() + first + 1, upper.begin() + last);
      written[i] = a.short_form;
      upper[i] = apply_case(a.short_form, LetterCase::Upper);
      changed = true;
    }
  }
  if (!changed) return {};
  std::string out;
  for (const std::string& w : written) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace vanban
