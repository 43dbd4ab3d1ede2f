#include "layout/booklet.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace vanban {
namespace {

TEST(Booklet, OrderOfSmallBooklets) {
  EXPECT_EQ(booklet_order(1), (std::vector<int>{-1, 0, -1, -1}));
  EXPECT_EQ(booklet_order(3), (std::vector<int>{-1, 0, 1, 2}));
  // 4 pages would put page 4 (the notes) on the outside back cover: a second sheet of blanks.
  EXPECT_EQ(booklet_order(4), (std::vector<int>{-1, 0, 1, -1, -1, 2, 3, -1}));
  EXPECT_EQ(booklet_order(7), (std::vector<int>{-1, 0, 1, 6, 5, 2, 3, 4}));
  // 5 pages: padded to 8; the three blanks are the last pages of the booklet.
  EXPECT_EQ(booklet_order(5), (std::vector<int>{-1, 0, 1, -1, -1, 2, 3, 4}));
}

// The outside back cover (front left of the outermost sheet) is blank for every length, so the
// last page of a guide, its ruled notes page, is always inside; never more than 4 blanks.
TEST(Booklet, TheOutsideBackCoverIsAlwaysBlank) {
  for (int n = 1; n <= 17; ++n) {
    const std::vector<int> order = booklet_order(n);
    EXPECT_EQ(order[0], -1) << n;
    const auto last = std::find(order.begin(), order.end(), n - 1);
    ASSERT_NE(last, order.end()) << n;
    EXPECT_NE(last - order.begin(), 0) << n;
    EXPECT_LE(static_cast<int>(order.size()) - n, 4) << n;
    EXPECT_GE(static_cast<int>(order.size()) - n, 1) << n;
  }
}

// For every length from 1 to 17: each page appears once; each side of a sheet holds a pair
// whose booklet positions add up to the padded count minus one (they face each other across
// the fold); odd pages (1, 3, ...) are on the right of a front side and the left of a back side;
// and folding the stack (sheet 1 outermost) reads the pages in order.
TEST(Booklet, OrderIsRightForOneToSeventeenPages) {
  for (int n = 1; n <= 17; ++n) {
    const std::vector<int> order = booklet_order(n);
    const int padded = static_cast<int>(order.size());
    ASSERT_EQ(padded % 4, 0) << n;
    ASSERT_EQ(padded, (n + 4) / 4 * 4) << n;
    std::vector<int> seen;
    for (int p : order)
      if (p >= 0) seen.push_back(p);
    std::sort(seen.begin(), seen.end());
    std::vector<int> all(n);
    for (int i = 0; i < n; ++i) all[i] = i;
    EXPECT_EQ(seen, all) << n;

    // Read the folded booklet: sheet s contributes, in reading order, front-right (2s),
    // back-left (2s+1) in the first half, and back-right, front-left in the second half.
    std::vector<int> reading(padded);
    for (int s = 0; s < padded / 4; ++s) {
      const int* side = &order[4 * s];
      const int front_left = side[0], front_right = side[1], back_left = side[2], back_right = side[3];
      const auto position = [&](int p, int fallback) { return p >= 0 ? p : fallback; };
      reading[2 * s] = position(front_right, 2 * s);
      reading[2 * s + 1] = position(back_left, 2 * s + 1);
      reading[padded - 2 - 2 * s] = position(back_right, padded - 2 - 2 * s);
      reading[padded - 1 - 2 * s] = position(front_left, padded - 1 - 2 * s);
      if (front_left >= 0 && front_right >= 0) {
        EXPECT_EQ(front_left + front_right, padded - 1) << n;
      }
      if (back_left >= 0 && back_right >= 0) {
        EXPECT_EQ(back_left + back_right, padded - 1) << n;
      }
    }
    for (int i = 0; i < padded; ++i) EXPECT_EQ(reading[i], i) << "n=" << n << " position " << i;
  }
}

TEST(Booklet, ImposesTwoPagesPerSide) {
  Pages a5;
  for (int i = 0; i < 3; ++i) {
    Page p;
    p.width = 419.53;
    p.height = 595.28;
    p.texts.push_back({10, 20, FontStyle::Regular, 12, "trang " + std::to_string(i + 1)});
    p.paths.push_back(make_rule(0, 0, 100, 0));
    a5.pages.push_back(p);
  }
  const Pages sheets = impose_booklet(a5, 841.89, 595.28);  // A4 landscape
  ASSERT_EQ(sheets.pages.size(), 2u);  // 4 booklet pages on the two sides of one sheet
  EXPECT_DOUBLE_EQ(sheets.pages[0].width, 841.89);
  EXPECT_DOUBLE_EQ(sheets.pages[0].height, 595.28);
  const double left = (841.89 - 2 * 419.53) / 2;  // the pair is centred: 1.4 pt each side
  // Front: blank (page 4) on the left, page 1 on the right.
  ASSERT_EQ(sheets.pages[0].texts.size(), 1u);
  EXPECT_EQ(sheets.pages[0].texts[0].text, "trang 1");
  EXPECT_DOUBLE_EQ(sheets.pages[0].texts[0].x, left + 10 + 419.53);
  EXPECT_DOUBLE_EQ(sheets.pages[0].paths[0].ops[1].x, left + 100 + 419.53);
  // Back: page 2 on the left, page 3 on the right.
  ASSERT_EQ(sheets.pages[1].texts.size(), 2u);
  EXPECT_EQ(sheets.pages[1].texts[0].text, "trang 2");
  EXPECT_DOUBLE_EQ(sheets.pages[1].texts[0].x, left + 10);
  EXPECT_EQ(sheets.pages[1].texts[1].text, "trang 3");
}

}  // namespace
}  // namespace vanban
