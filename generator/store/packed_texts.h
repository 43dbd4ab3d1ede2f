// A list of texts packed into one column of a meeting's row ("5:hello3:abc"), so that its lists
// (topics, opinions, proposals) are written and read back with the meeting itself instead of a
// row each in three tables, written one by one and looked up again per meeting.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// Each text as its length in decimal, ':' and its bytes (any bytes, ':' included).
std::string pack_texts(const std::vector<std::string_view>& texts);
// The texts of pack_texts' result, in order; nothing when `packed` is not such a result.
std::optional<std::vector<std::string>> unpack_texts(std::string_view packed);

}  // namespace vanban
