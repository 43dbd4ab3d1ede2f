// Page building on fragments of known heights: the keep rules decide where pages break.
#include "layout/paginator.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

FlowItem line(double h, bool keep = false, double space_before = 0, int table = -1) {
  FlowItem item;
  item.fragment.height = h;
  item.keep_with_next = keep;
  item.space_before = space_before;
  item.table = table;
  return item;
}

// Index of each placed fragment in `items` (-1 for a repeated header).
std::vector<std::vector<int>> indices(const std::vector<PageContent>& pages, const std::vector<FlowItem>& items) {
  std::vector<std::vector<int>> out;
  for (const PageContent& page : pages) {
    std::vector<int> ids;
    for (const PlacedFragment& p : page) {
      int id = -1;
      for (std::size_t i = 0; i < items.size(); ++i)
        if (&items[i].fragment == p.fragment) id = static_cast<int>(i);
      ids.push_back(id);
    }
    out.push_back(ids);
  }
  return out;
}

TEST(Paginator, FillsPagesInOrder) {
  std::vector<FlowItem> items(7, line(10));
  const auto pages = paginate(items, {}, 30);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1, 2}, {3, 4, 5}, {6}}));
}

TEST(Paginator, SpaceBeforeIsDroppedAtThePageTop) {
  std::vector<FlowItem> items = {line(10), line(10, false, 5), line(10, false, 5)};
  const auto pages = paginate(items, {}, 25);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_DOUBLE_EQ(pages[0][1].y, 15);
  EXPECT_DOUBLE_EQ(pages[1][0].y, 0);  // item 2 opens page 2 without its space
}

// A paragraph of 4 lines (items 2-5) whose first line would be alone at the foot of page 1:
// it moves to page 2, and its last line does not stand alone on page 3 either.
TEST(Paginator, NoOrphan) {
  std::vector<FlowItem> items = {line(10), line(10), line(10, true), line(10), line(10, true), line(10)};
  const auto pages = paginate(items, {}, 30);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1}, {2, 3}, {4, 5}}));
}

// Lines 1-4 of a paragraph with the next-to-last kept with the last: no widow at the top.
TEST(Paginator, NoWidow) {
  std::vector<FlowItem> items = {line(10, true), line(10), line(10, true), line(10)};
  const auto pages = paginate(items, {}, 30);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1}, {2, 3}}));
}

TEST(Paginator, HeadingNeverLastOnAPage) {
  std::vector<FlowItem> items = {line(10), line(10), line(10, true), line(10)};
  const auto pages = paginate(items, {}, 30);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1}, {2, 3}}));
}

TEST(Paginator, UnbreakableRunLongerThanAPageBreaksWhereItOverflows) {
  std::vector<FlowItem> items(5, line(10, true));
  const auto pages = paginate(items, {}, 30);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1, 2}, {3, 4}}));
}

TEST(Paginator, TableHeaderRowsRepeatOnEveryPage) {
  std::vector<std::vector<Fragment>> headers(1);
  headers[0].push_back(Fragment{5, {}, {}});
  std::vector<FlowItem> items = {line(5, true)};  // the header row itself, kept with row 1
  for (int i = 0; i < 6; ++i) items.push_back(line(10, false, 0, 0));
  const auto pages = paginate(items, headers, 30);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(indices(pages, items)[0], (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(indices(pages, items)[1], (std::vector<int>{-1, 3, 4}));
  EXPECT_EQ(pages[1][0].fragment, &headers[0][0]);
  EXPECT_DOUBLE_EQ(pages[1][1].y, 5);
  EXPECT_EQ(indices(pages, items)[2], (std::vector<int>{-1, 5, 6}));
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

TEST(Paginator, ExplicitPageBreakStartsANewPageEvenWithRoomLeft) {
  std::vector<FlowItem> items = {line(10), line(10), line(10), line(10)};
  items[2].page_break_before = true;
  const auto pages = paginate(items, {}, 100);
  EXPECT_EQ(indices(pages, items), (std::vector<std::vector<int>>{{0, 1}, {2, 3}}));
}

}  // namespace
}  // namespace vanban
