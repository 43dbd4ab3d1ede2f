#include "store/packed_texts.h"

#include <charconv>

namespace vanban {

std::string pack_texts(const std::vector<std::string_view>& texts) {
  std::string out;
  for (const std::string_view t : texts) {
    out += std::to_string(t.size());
    out += ':';
    out += t;
  }
  return out;
}

std::optional<std::vector<std::string>> unpack_texts(std::string_view packed) {
  std::vector<std::string> out;
  const char* at = packed.data();
  const char* const end = at + packed.size();
  while (at != end) {
    std::size_t size = 0;
    const auto [colon, ec] = std::from_chars(at, end, size);
    if (ec != std::errc() || colon == end || *colon != ':' || size > static_cast<std::size_t>(end - colon - 1))
      return std::nullopt;
    out.emplace_back(colon + 1, size);
    at = colon + 1 + size;
  }
  return out;
}

}  // namespace vanban
