// The folding that makes search ignore Vietnamese marks and case: NFD, the combining marks
// dropped, đ/Đ -> d, lower case ("Đảng ủy" -> "dang uy"). The site's search index is written
// with it and templates/site/assets/search.js folds the reader's query the same way (a test
// runs both on one word list).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// Folds well-formed UTF-8. Characters that are neither letters nor marks pass through
// (lower-cased where they have case).
std::string fold_for_search(std::string_view utf8);

// The search terms of a text: its folded runs of letters and digits, in order ("Số 18-CT/TU"
// -> "so", "18", "ct", "tu").
std::vector<std::string> search_terms(std::string_view utf8);

}  // namespace vanban::text
