#include "site/listing.h"

namespace vanban::site {

std::string listing_page_file(const std::string& base, std::size_t page) {
  return page <= 1 ? base + ".html" : base + "-p" + std::to_string(page) + ".html";
}

std::size_t page_count(std::size_t count, std::size_t per_page) {
  if (per_page == 0 || count == 0) return 1;
  return (count + per_page - 1) / per_page;
}

std::vector<PageLink> pagination(std::size_t current, std::size_t pages) {
  constexpr std::size_t kAround = 2;
  std::vector<PageLink> out;
  std::size_t last_shown = 0;
  for (std::size_t p = 1; p <= pages; ++p) {
    const bool near = p + kAround >= current && p <= current + kAround;
    if (p != 1 && p != pages && !near) continue;
    if (last_shown != 0 && p - last_shown == 2) out.push_back({p - 1, false});
    else if (last_shown != 0 && p - last_shown > 2) out.push_back({0, false});
    out.push_back({p, p == current});
    last_shown = p;
  }
  return out;
}

}  // namespace vanban::site
