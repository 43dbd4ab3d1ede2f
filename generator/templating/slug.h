// Output names of generated documents: flat, ASCII, safe on every file system.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// Vietnamese letters lose their marks ("Đ" -> "D", "ệ" -> "e"), runs of anything but ASCII
// letters and digits become one "-", and no "-" is left at either end: "Ban Dân vận Huyện ủy
// Càng Long" -> "Ban-Dan-van-Huyen-uy-Cang-Long" ("ban-dan-van-..." with `lower`).
std::string ascii_slug(std::string_view utf8, bool lower);

}  // namespace vanban
