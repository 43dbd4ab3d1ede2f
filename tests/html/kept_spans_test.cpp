#include "html/kept_spans.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::html {
namespace {

using text::Bond;
using text::KeptSpan;

// "[a[b]]c" notation: the spans as brackets around the text they hold, so a test reads as the
// nesting the page gets.
std::string bracketed(const std::string& s, const std::vector<KeptSpan>& spans) {
  std::string out;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
      if (it->end == i && it->begin < i) out += ']';
    }
    for (const auto& span : spans) {
      if (span.begin == i && span.end > i) out += '[';
    }
    if (i < s.size()) out += s[i];
  }
  return out;
}

TEST(NestedKeptSpans, SoftNameHoldsItsHardParts) {
  //                    0123456789012345678901
  const std::string s = "DANG BO TINH TRUONG GIANG";
  const std::vector<KeptSpan> spans = {{0, 25, Bond::Soft}, {0, 7, Bond::Hard},
                                       {8, 25, Bond::Soft}, {13, 25, Bond::Hard}};
  EXPECT_EQ(bracketed(s, nested_kept_spans(spans)), "[[DANG BO] [TINH [TRUONG GIANG]]]");
}

TEST(NestedKeptSpans, OverlappingHardSpansHoldAsOne) {
  const std::string s = "Ban Thuong vu Tinh";
  const std::vector<KeptSpan> spans = {{0, 13, Bond::Hard}, {4, 18, Bond::Hard}};
  EXPECT_EQ(bracketed(s, nested_kept_spans(spans)), "[Ban Thuong vu Tinh]");
}

TEST(NestedKeptSpans, SoftSpanReachingIntoAHardOneTakesAllOfIt) {
  const std::string s = "aa bb cc dd";
  const std::vector<KeptSpan> spans = {{0, 5, Bond::Soft}, {3, 8, Bond::Hard}};
  EXPECT_EQ(bracketed(s, nested_kept_spans(spans)), "[aa [bb cc]] dd");
}

TEST(NestedKeptSpans, CrossingSoftSpansAreJoined) {
  const std::string s = "aa bb cc dd";
  const std::vector<KeptSpan> spans = {{0, 5, Bond::Soft}, {3, 8, Bond::Soft}, {9, 11, Bond::Hard}};
  EXPECT_EQ(bracketed(s, nested_kept_spans(spans)), "[aa bb cc] [dd]");
}

TEST(NestedKeptSpans, SoftSpanInsideOrEqualToAHardOneIsDropped) {
  const std::string s = "aa bb cc";
  const std::vector<KeptSpan> spans = {{0, 8, Bond::Hard}, {0, 5, Bond::Soft}, {0, 8, Bond::Soft}};
  const auto nested = nested_kept_spans(spans);
  ASSERT_EQ(nested.size(), 1u);
  EXPECT_EQ(nested[0].bond, Bond::Hard);
  EXPECT_EQ(bracketed(s, nested), "[aa bb cc]");
}

TEST(NestedKeptSpans, ResultNeverCrosses) {
  const std::string s = "a b c d e f g h";
  const std::vector<KeptSpan> spans = {{0, 5, Bond::Soft}, {2, 9, Bond::Hard}, {6, 13, Bond::Soft},
                                       {10, 15, Bond::Hard}, {4, 7, Bond::Soft}};
  const auto nested = nested_kept_spans(spans);
  for (const auto& a : nested) {
    for (const auto& b : nested) {
      const bool apart = a.end <= b.begin || b.end <= a.begin;
      const bool a_in_b = b.begin <= a.begin && a.end <= b.end;
      const bool b_in_a = a.begin <= b.begin && b.end <= a.end;
      EXPECT_TRUE(apart || a_in_b || b_in_a) << a.begin << '-' << a.end << " and " << b.begin << '-' << b.end;
    }
  }
}

}  // namespace
}  // namespace vanban::html
