// Vietnamese collation (ICU "vi"), for sorted lists of names, units and places.
#pragma once

#include <string>
#include <vector>

namespace vanban::text {

// Sorts UTF-8 strings in Vietnamese dictionary order ("Ân" after "An", "Đ" after "D").
void sort_vietnamese(std::vector<std::string>& items);
// Negative, zero, positive as a < b, a == b, a > b in Vietnamese order.
int compare_vietnamese(const std::string& a, const std::string& b);
// The bytes whose memcmp order is compare_vietnamese's order, equal where it gives 0 (ICU's sort
// key, its final NUL left out): for sorting where the strings are not at hand, an index on disk.
std::string vietnamese_sort_key(const std::string& s);

}  // namespace vanban::text
