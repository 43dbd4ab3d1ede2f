#include "model/document.h"

#include <gtest/gtest.h>

#include <climits>

namespace vanban {
namespace {

Table table_of_spans(std::initializer_list<std::initializer_list<int>> rows) {
  Table t;
  for (const auto& spans : rows) {
    TableRow row;
    for (int span : spans) {
      TableCell cell;
      cell.column_span = span;
      row.cells.push_back(cell);
    }
    t.rows.push_back(row);
  }
  return t;
}

TEST(Table, ColumnCountIsTheWidestRow) {
  EXPECT_EQ(table_of_spans({{1, 2}, {1, 1, 1, 1}, {0, -3}}).column_count(), 4);
  EXPECT_EQ(Table{}.column_count(), 0);
}

TEST(Table, ColumnCountNeverOverflows) {
  EXPECT_EQ(table_of_spans({{2000000000, 2000000000}}).column_count(), INT_MAX);
}

}  // namespace
}  // namespace vanban
