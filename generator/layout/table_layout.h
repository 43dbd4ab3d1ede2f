// Tables: column widths from content (as HTML's automatic table layout), one fragment per row
// with its borders, so that the paginator can move whole rows and repeat the header rows.
#pragma once

#include <vector>

#include "font/font_set.h"
#include "layout/fragment.h"
#include "model/document.h"
#include "profile/profile.h"
#include "profile/resolved_document.h"
#include "text/keep_together.h"

namespace vanban {

struct LaidOutTable {
  std::vector<Fragment> rows;
  double size = 0;      // pt the cells are set in: the style's, or smaller so that the table fits
  double overflow = 0;  // pt by which the columns' narrowest widths exceed the width even then
  int header_rows = 0;  // the first rows, repeated at the top of each page the table spans
  // Per row: never break the page after it. Header rows stay with the first body row, and a
  // row that heads a group (TableRow::heads_group) with the group's first member.
  std::vector<bool> keep_with_next;
};

// Column widths that fill `width`: every column gets at least its widest unbreakable piece (a
// word, or a phrase kept on one line); the space left goes to the columns in proportion to how
// much more they need to fit on one line or, when the author gave <col width> weights, in
// proportion to those. Only when the minimums alone are wider than `width` does a column get
// less (all scaled down alike).
std::vector<double> column_widths(const std::vector<double>& min_widths,
                                  const std::vector<double>& max_widths,
                                  const std::vector<double>& weights, double width);

// The ways of raising the columns' minimum widths to keep their soft phrases whole ("phường Tân
// Định Thượng", which may break but reads better on one line) that `width` leaves room for. The
// first raises the columns that need least, as many as fit; then every other choice of columns
// that fits (with more than four columns in need, only the other counts of those that need
// least). layout_table lays the rows out at each and keeps the one that splits fewest phrases,
// then gives the lowest rows: raising one column narrows its neighbours, whose cells may then
// take more lines.
std::vector<std::vector<double>> soft_phrase_width_choices(const std::vector<double>& min_widths,
                                                           const std::vector<double>& kept_widths, double width);

// Cells break in balanced lines and never split a phrase of `keep_together` unless it alone is
// wider than the cell. A table whose columns cannot fit `width` at `style.size` is set smaller,
// in half points down to `style.min_size`: at the largest size where its kept phrases fit, else
// where its words fit (phrases may then split); when even the words do not fit at the smallest
// size, `overflow` says by how much (the caller rejects the table).
TableMeasure measure_table(const Table& table, const TextStyle& style, double width, const FontSet& fonts,
                           const text::KeepTogether* keep_together = nullptr);
// The rows at `measured` (measure_table's, for the same table, style and width), or at what
// measure_table gives when null.
LaidOutTable layout_table(const Table& table, const TextStyle& style, double width, const FontSet& fonts,
                          const text::KeepTogether* keep_together = nullptr, const TableMeasure* measured = nullptr);

}  // namespace vanban
