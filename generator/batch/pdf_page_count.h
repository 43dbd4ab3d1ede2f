// The number of pages of a PDF, for the run report, read from its page tree: the largest /Count
// of a /Type /Pages dictionary (the root's). 0 when the tree is not visible in plain text (in a
// compressed object stream, say): the report then leaves the count out.
#pragma once

#include <string_view>

namespace vanban {

int pdf_page_count(std::string_view pdf);

}  // namespace vanban
