// The short form of a header name: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang" with the
// profile's abbreviation "Mặt trận Tổ quốc" -> "MTTQ" is "Ủy ban MTTQ Việt Nam tỉnh Trường Giang".
// Layout prints it only where the full name takes more lines (header_layout.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "profile/profile.h"

namespace vanban {

// `name` with every whole-word occurrence of an abbreviation's full phrase, in any case,
// replaced by its short form; empty when no phrase occurs.
std::string abbreviated_name(std::string_view name, const std::vector<HeaderAbbreviation>& abbreviations);

}  // namespace vanban
