#include "site/listing.h"

#include <gtest/gtest.h>

namespace vanban::site {
namespace {

// "1 2 [3] 4 5 … 9" as text: [n] the current page, … a gap.
std::string shown(std::size_t current, std::size_t pages) {
  std::string out;
  for (const PageLink& l : pagination(current, pages)) {
    if (!out.empty()) out += ' ';
    out += l.page == 0 ? "…" : l.current ? "[" + std::to_string(l.page) + "]" : std::to_string(l.page);
  }
  return out;
}

TEST(ListingPages, FileNames) {
  EXPECT_EQ(listing_page_file("thang/2026-10", 1), "thang/2026-10.html");
  EXPECT_EQ(listing_page_file("thang/2026-10", 2), "thang/2026-10-p2.html");
  EXPECT_EQ(page_count(0, 20), 1u);
  EXPECT_EQ(page_count(20, 20), 1u);
  EXPECT_EQ(page_count(21, 20), 2u);
  EXPECT_EQ(page_count(10'000, 20), 500u);
}

TEST(ListingPages, NavigationShowsEndsNeighboursAndGaps) {
  EXPECT_EQ(shown(1, 1), "[1]");
  EXPECT_EQ(shown(1, 3), "[1] 2 3");
  EXPECT_EQ(shown(1, 9), "[1] 2 3 … 9");
  EXPECT_EQ(shown(5, 9), "1 2 3 4 [5] 6 7 8 9");
  EXPECT_EQ(shown(9, 500), "1 … 7 8 [9] 10 11 … 500");
  // A gap of one page shows the page: never "1 … 3".
  EXPECT_EQ(shown(5, 20), "1 2 3 4 [5] 6 7 … 20");
  EXPECT_EQ(shown(500, 500), "1 … 498 499 [500]");
}

}  // namespace
}  // namespace vanban::site
