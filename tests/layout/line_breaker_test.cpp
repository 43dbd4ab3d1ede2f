// The breaker on hand-made box/glue/penalty lists: no fonts involved.
#include "layout/line_breaker.h"

#include <gtest/gtest.h>

#include <cmath>

namespace vanban {
namespace {

// Words of the given widths separated by glue 1 (stretch 0.5, shrink 0.33), ending like a
// paragraph: finishing glue and a forced break.
std::vector<LineItem> paragraph(const std::vector<double>& words) {
  std::vector<LineItem> items;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) items.push_back(LineItem::glue(1, 0.5, 1.0 / 3));
    items.push_back(LineItem::box(words[i], static_cast<int>(i)));
  }
  items.push_back(LineItem::glue(0, 1e5, 0));
  items.push_back(LineItem::penalty_item(0, -kInfinitePenalty));
  return items;
}

// Natural width of the line that ends at items[end], starting after the previous break.
double natural_width(const std::vector<LineItem>& items, std::size_t begin, std::size_t end) {
  while (begin < end && items[begin].kind != LineItem::Kind::Box) ++begin;
  double w = 0;
  for (std::size_t i = begin; i < end; ++i)
    if (items[i].kind != LineItem::Kind::Penalty) w += items[i].width;
  return w;
}

TEST(LineBreaker, OneLineWhenEverythingFits) {
  const auto items = paragraph({3, 3, 3});
  const LineBreaks b = break_lines(items, 20, 20);
  ASSERT_EQ(b.ends.size(), 1u);
  EXPECT_EQ(b.ends[0], items.size() - 1);
}

TEST(LineBreaker, EveryLineFitsWithinShrinkAndStretch) {
  const auto items = paragraph({4, 2, 5, 3, 6, 2, 4, 4, 3, 5, 2, 6, 3, 4, 2, 5});
  const double width = 16;
  const LineBreaks b = break_lines(items, width, width);
  ASSERT_GE(b.ends.size(), 3u);
  for (std::size_t k = 0; k < b.ends.size(); ++k) {
    EXPECT_GE(b.ratios[k], -1.0) << "line " << k << " overfull";
    if (k + 1 < b.ends.size()) {
      // A justified line ends at a glue (a space), never inside a word.
      EXPECT_EQ(items[b.ends[k]].kind, LineItem::Kind::Glue);
      EXPECT_LE(b.ratios[k], 2.0) << "line " << k << " too loose";
    }
  }
  EXPECT_EQ(b.ends.back(), items.size() - 1);
}

// Where first fit is worse than total fit: first fit would fill line 1 exactly ("5 5 1") and
// strand "8" alone on a line that has no space to stretch (it cannot be justified); total fit
// moves "1" down so that every line but the last has a finite adjustment ratio.
TEST(LineBreaker, TotalFitAvoidsALineThatCannotBeJustified) {
  const auto items = paragraph({5, 5, 1, 8, 8});
  const double width = 13;
  const LineBreaks best = break_lines(items, width, width);
  ASSERT_EQ(best.ends.size(), 3u);
  EXPECT_DOUBLE_EQ(natural_width(items, 0, best.ends[0]), 11);  // "5 5"
  EXPECT_DOUBLE_EQ(natural_width(items, best.ends[0] + 1, best.ends[1]), 10);  // "1 8"
  EXPECT_DOUBLE_EQ(best.ratios[0], 4);  // (13 - 11) / 0.5
  EXPECT_DOUBLE_EQ(best.ratios[1], 6);  // (13 - 10) / 0.5
}

TEST(LineBreaker, WordWiderThanTheLineGetsAnOverfullLineOfItsOwn) {
  const auto items = paragraph({3, 40, 3});
  const LineBreaks b = break_lines(items, 10, 10);
  ASSERT_EQ(b.ends.size(), 3u);
  EXPECT_EQ(items[b.ends[0]].kind, LineItem::Kind::Glue);
  EXPECT_EQ(b.ends.back(), items.size() - 1);
}

TEST(LineBreaker, FirstLineWidthDiffers) {
  // An indented first line (width 8) holds two words of 3, the others three.
  const auto items = paragraph({3, 3, 3, 3, 3, 3, 3, 3});
  const LineBreaks b = break_ragged_lines(items, 8, 11);
  ASSERT_EQ(b.ends.size(), 3u);
  EXPECT_DOUBLE_EQ(natural_width(items, 0, b.ends[0]), 7);
  EXPECT_DOUBLE_EQ(natural_width(items, b.ends[0] + 1, b.ends[1]), 11);
}

TEST(LineBreaker, ForcedBreakEndsALine) {
  std::vector<LineItem> items = {LineItem::box(2, 0), LineItem::penalty_item(0, -kInfinitePenalty),
                                 LineItem::box(2, 1), LineItem::glue(0, 1e5, 0),
                                 LineItem::penalty_item(0, -kInfinitePenalty)};
  const LineBreaks b = break_lines(items, 50, 50);
  ASSERT_EQ(b.ends.size(), 2u);
  EXPECT_EQ(b.ends[0], 1u);
}

// The same words separated by glue that neither stretches nor shrinks (ragged text), with a
// penalty before the glue after word i when penalties[i] is set.
std::vector<LineItem> ragged(const std::vector<double>& words, const std::vector<double>& penalties = {}) {
  std::vector<LineItem> items;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) {
      if (i - 1 < penalties.size() && penalties[i - 1] != 0) items.push_back(LineItem::penalty_item(0, penalties[i - 1]));
      items.push_back(LineItem::glue(1, 0, 0));
    }
    items.push_back(LineItem::box(words[i], static_cast<int>(i)));
  }
  items.push_back(LineItem::glue(0, 1e5, 0));
  items.push_back(LineItem::penalty_item(0, -kInfinitePenalty));
  return items;
}

std::vector<double> line_widths(const std::vector<LineItem>& items, const LineBreaks& b) {
  std::vector<double> out;
  std::size_t begin = 0;
  for (std::size_t end : b.ends) {
    std::size_t last = end;
    while (last > begin && items[last - 1].kind == LineItem::Kind::Glue) --last;
    out.push_back(natural_width(items, begin, last));
    begin = end + 1;
  }
  return out;
}

TEST(RaggedLines, FewestLinesThenEvenOnesNoLoneLastWord) {
  // First fit would take four words (23) and leave the fifth alone.
  const auto items = ragged({5, 5, 5, 5, 5});
  const double width = 23;
  const LineBreaks b = break_ragged_lines(items, width, width);
  const auto widths = line_widths(items, b);
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_EQ(b.overflow, 0);
  for (double w : widths) EXPECT_LE(w, width);
  // Balanced: the two lines differ by one word at most.
  EXPECT_LE(std::abs(widths[0] - widths[1]), 5 + 1);
  EXPECT_GT(std::min(widths[0], widths[1]), 5);
}

// A line exactly as wide as its measure fits, though the sums differ in the last bit: a table
// column is made as wide as the phrase it keeps, and the phrase must then stay on its line.
TEST(RaggedLines, ALineAsWideAsTheMeasureFitsWhateverTheRounding) {
  const auto items = ragged({1.1, 2.2}, {kInfinitePenalty});
  ASSERT_GT(1.1 + 1.0 + 2.2, 4.3);  // the prefix sum is one bit wider than the measure
  const LineBreaks b = break_ragged_lines(items, 4.3, 4.3);
  EXPECT_EQ(b.overflow, 0);
  EXPECT_EQ(line_widths(items, b).size(), 1u);
}

TEST(RaggedLines, FilledToTheLastTheLinesBeforeItAreFull) {
  // The same five words: filled, the first line takes the four that fit, the last the rest.
  const auto items = ragged({5, 5, 5, 5, 5});
  const double width = 23;
  const LineBreaks b = break_ragged_lines(items, width, width, RaggedLines::Filled);
  const auto widths = line_widths(items, b);
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_EQ(widths[0], 23);
  EXPECT_EQ(widths[1], 5);
}

TEST(RaggedLines, FilledLinesStillNeverBreakAtAForbiddenPenalty) {
  // The last two words kept together, where the first line would end: they go down whole.
  const auto items = ragged({5, 5, 5, 5, 5}, {0, 0, 0, kInfinitePenalty});
  const LineBreaks b = break_ragged_lines(items, 23, 23, RaggedLines::Filled);
  const auto widths = line_widths(items, b);
  ASSERT_EQ(widths.size(), 2u);
  EXPECT_EQ(widths[0], 17);
  EXPECT_EQ(widths[1], 11);
}

TEST(RaggedLines, NeverBreaksAtAForbiddenPenalty) {
  // A kept phrase ("4 4") right where the even break would be.
  const auto items = ragged({4, 4, 4, 4}, {0, kInfinitePenalty, 0});
  const LineBreaks b = break_ragged_lines(items, 10, 10);
  for (std::size_t k = 0; k + 1 < b.ends.size(); ++k) {
    const std::size_t end = b.ends[k];
    EXPECT_FALSE(items[end].kind == LineItem::Kind::Penalty && items[end].penalty >= kInfinitePenalty);
    // The glue after the forbidden penalty is no break either.
    EXPECT_FALSE(end > 0 && items[end - 1].kind == LineItem::Kind::Penalty && items[end - 1].penalty >= kInfinitePenalty);
  }
  const auto widths = line_widths(items, b);
  for (double w : widths) EXPECT_LE(w, 10);
}

TEST(RaggedLines, APenaltyMovesTheBreakWhenTheLineCountStays) {
  const std::vector<double> words = {6, 6, 6, 6};
  const LineBreaks free = break_ragged_lines(ragged(words), 20, 20);
  ASSERT_EQ(free.ends.size(), 2u);
  // The even break is after the second word; make it costly.
  const auto items = ragged(words, {0, 50, 0});
  const LineBreaks b = break_ragged_lines(items, 20, 20);
  ASSERT_EQ(b.ends.size(), 2u);
  EXPECT_NE(items[b.ends[0]].kind, LineItem::Kind::Penalty);
  const auto widths = line_widths(items, b);
  EXPECT_NE(widths[0], widths[1]);
}

TEST(RaggedLines, AnUnbreakablePieceWiderThanTheLineIsReported) {
  const auto items = ragged({3, 40, 3});
  const LineBreaks b = break_ragged_lines(items, 10, 10);
  ASSERT_EQ(b.ends.size(), 3u);
  const auto widths = line_widths(items, b);
  EXPECT_DOUBLE_EQ(b.overflow, widths[1] - 10);
}

}  // namespace
}  // namespace vanban
