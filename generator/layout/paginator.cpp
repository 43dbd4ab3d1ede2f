#include "layout/paginator.h"

namespace vanban {

namespace {

double repeated_header_height(const FlowItem& item, const std::vector<std::vector<Fragment>>& headers) {
  if (item.table < 0) return 0;
  double h = 0;
  for (const Fragment& f : headers[item.table]) h += f.height;
  return h;
}

}  // namespace

std::vector<PageContent> paginate(const std::vector<FlowItem>& items,
                                  const std::vector<std::vector<Fragment>>& table_headers,
                                  double body_height) {
  std::vector<PageContent> pages;
  const std::size_t n = items.size();
  std::size_t start = 0;
  while (start < n) {
    // How far does the page reach?
    const double header = repeated_header_height(items[start], table_headers);
    double y = header;
    std::size_t end = start;
    for (; end < n; ++end) {
      if (end > start && items[end].page_break_before) break;
      const double need = (end == start ? 0 : items[end].space_before) + items[end].fragment.height;
      if (end > start && y + need > body_height) break;
      y += need;
    }
    if (end < n && !items[end].page_break_before) {
      // Back up to the last break the keep flags allow; a page never breaks before its first item.
      std::size_t b = end;
      while (b > start + 1 && items[b - 1].keep_with_next) --b;
      if (b > start + 1 || !items[start].keep_with_next) end = b;
    }

    PageContent page;
    y = 0;
    if (items[start].table >= 0) {
      for (const Fragment& f : table_headers[items[start].table]) {
        page.push_back({&f, y});
        y += f.height;
      }
    }
    for (std::size_t i = start; i < end; ++i) {
      if (i > start) y += items[i].space_before;
      page.push_back({&items[i].fragment, y});
      y += items[i].fragment.height;
    }
    pages.push_back(std::move(page));
    start = end;
  }
  return pages;
}

}  // namespace vanban
