#include "model/document.h"

#include <algorithm>
#include <limits>

namespace vanban {

bool TableRow::is_header() const {
  return !cells.empty() &&
         std::all_of(cells.begin(), cells.end(), [](const TableCell& c) { return c.header; });
}

bool TableRow::heads_group(int column_count) const {
  if (cells.empty() || cells.back().column_span < 2) return false;
  int width = 0;
  for (const auto& c : cells) width += std::max(1, c.column_span);
  return width == column_count;
}

int Table::header_row_count() const {
  int n = 0;
  while (n < static_cast<int>(rows.size()) && rows[n].is_header()) ++n;
  return n;
}

int Table::column_count() const {
  // Summed wide: spans of a table built by hand are not bounded as the reader bounds them.
  long long n = 0;
  for (const auto& row : rows) {
    long long width = 0;
    for (const auto& c : row.cells) width += std::max(1, c.column_span);
    n = std::max(n, width);
  }
  return static_cast<int>(std::min<long long>(n, std::numeric_limits<int>::max()));
}

}  // namespace vanban
