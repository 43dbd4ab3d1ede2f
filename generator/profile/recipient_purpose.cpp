#include "profile/recipient_purpose.h"

#include "text/vietnamese_case.h"

namespace vanban {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return !suffix.empty() && s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The first letter in lower case, the rest as written (names keep their capitals).
std::string lower_first(const std::string& s) {
  if (s.empty()) return s;
  std::size_t n = 1;  // bytes of the first UTF-8 code point
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return text::to_lower(std::string_view(s).substr(0, n)) + s.substr(n);
}

}  // namespace

std::string purpose_in_parentheses(const std::string& purpose) {
  if (starts_with(purpose, "(")) return purpose;
  const std::string lower = lower_first(purpose);
  return starts_with(lower, "để ") ? "(" + lower + ")" : "(để " + lower + ")";
}

void inline_single_purposes(std::vector<ResolvedRecipient>& recipients, const RecipientSetup& setup) {
  for (ResolvedRecipient& entry : recipients) {
    if (entry.purpose.empty() || entry.lines.size() != 1) continue;
    std::string& line = entry.lines.front();
    std::size_t end = line.size();
    for (const std::string* mark : {&setup.last_end, &setup.item_end})
      if (ends_with(line, *mark)) {
        end -= mark->size();
        break;
      }
    line.insert(end, " " + purpose_in_parentheses(entry.purpose));
    entry.purpose.clear();
  }
}

}  // namespace vanban
