// Vietnamese collation (ICU "vi"), for sorted lists of names, units and places.
#pragma once

#include <string>
#include <vector>

namespace vanban::text {

// Sorts UTF-8 strings in Vietnamese dictionary order ("Ân" after "An", "Đ" after "D").
void sort_vietnamese(std::vector<std::string>& items);
// Negative, zero, positive as a < b, a == b, a > b in Vietnamese order.
int compare_vietnamese(const std::string& a, const std::string& b);

}  // namespace vanban::text
