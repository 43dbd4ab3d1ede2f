// Page building: stacks fragments into pages of a given body height. A separate pass after
// line breaking (as in SILE and TeX); decisions come only from the flags set on the items.
#pragma once

#include <vector>

#include "layout/fragment.h"

namespace vanban {

struct FlowItem {
  Fragment fragment;
  double space_before = 0;      // dropped at the top of a page
  bool keep_with_next = false;  // never break the page between this item and the next
  int table = -1;               // table body row: index of the table whose header rows repeat
  bool page_break_before = false;  // starts a new page (cover, notes, an explicit break)
};

struct PlacedFragment {
  const Fragment* fragment;
  double y;  // top, from the top of the body area
};

using PageContent = std::vector<PlacedFragment>;

// Fills pages greedily and, when an item does not fit, breaks at the last place the keep flags
// allow on that page; if they allow none, the page breaks where it overflows. A page that starts
// with a table body row first repeats that table's header rows (`table_headers[table]`).
// Pointers in the result point into `items` and `table_headers`.
std::vector<PageContent> paginate(const std::vector<FlowItem>& items,
                                  const std::vector<std::vector<Fragment>>& table_headers,
                                  double body_height);

}  // namespace vanban
