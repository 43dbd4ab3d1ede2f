// Listings split into pages: which documents each page shows, its file name, and the links of
// its "Trang 1 2 3 … 9" navigation. Pure functions: the site writer renders what they decide.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vanban::site {

// The file of page `page` (1-based) of a listing: "thang/2026-10.html", "thang/2026-10-p2.html".
std::string listing_page_file(const std::string& base, std::size_t page);

// Pages needed for `count` documents, `per_page` on each; at least one (an empty listing).
std::size_t page_count(std::size_t count, std::size_t per_page);

// One entry of the navigation: a page number, or a gap ("…") between far-apart numbers.
struct PageLink {
  std::size_t page = 0;  // 0: a gap
  bool current = false;
};

// The first and last pages, and the pages within two of `current`; gaps between them. A gap of
// exactly one page shows that page instead ("1 2 3", never "1 … 3").
std::vector<PageLink> pagination(std::size_t current, std::size_t pages);

}  // namespace vanban::site
