#include "text/utf8_check.h"

#include <algorithm>
#include <cstddef>

#include "text/unicode.h"

namespace vanban::text {

namespace {

// The bytes of the UTF-8 character a lead byte starts (4 for bytes that start none: they are
// refused whatever follows).
std::size_t sequence_length(unsigned char lead) { return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2; }

// Where the last character starts if its bytes do not all come before the end of `s`.
std::size_t incomplete_tail(std::string_view s) {
  for (std::size_t k = 1; k <= std::min<std::size_t>(3, s.size()); ++k) {
    const auto b = static_cast<unsigned char>(s[s.size() - k]);
    if (b < 0x80) break;
    if (b >= 0xC0) return sequence_length(b) > k ? s.size() - k : s.size();
  }
  return s.size();
}

}  // namespace

bool Utf8Check::add(std::string_view s) {
  if (!valid_) return false;
  if (!carry_.empty()) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(carry_[0]));
    const std::size_t taken = std::min(s.size(), length - carry_.size());
    carry_ += s.substr(0, taken);
    s.remove_prefix(taken);
    if (carry_.size() < length) return true;
    valid_ = is_valid_utf8(carry_);
    carry_.clear();
  }
  const std::size_t cut = incomplete_tail(s);
  valid_ = valid_ && is_valid_utf8(s.substr(0, cut));
  carry_.assign(s.substr(cut));
  return valid_;
}

}  // namespace vanban::text
