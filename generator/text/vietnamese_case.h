// Vietnamese-aware case mapping (ICU, locale "vi"): "Tỉnh ủy Trà Vinh" -> "TỈNH ỦY TRÀ VINH".
#pragma once

#include <string>
#include <string_view>

namespace vanban::text {

std::string to_upper(std::string_view utf8);
std::string to_lower(std::string_view utf8);
// First letter upper-cased, the rest untouched ("về công tác" -> "Về công tác").
std::string capitalize_first(std::string_view utf8);

}  // namespace vanban::text
