#include "text/line_breaks.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace vanban::text {
namespace {

// The text before each opportunity, which reads better in failures than byte offsets.
std::vector<std::string> lines_ending_at_breaks(const std::string& text) {
  std::vector<std::string> out;
  for (const BreakOpportunity& b : line_break_opportunities(text))
    out.push_back(text.substr(0, b.offset) + (b.mandatory ? "<hard>" : ""));
  return out;
}

using Lines = std::vector<std::string>;

TEST(LineBreaks, OffsetsAreUtf8BytesAfterEachSpace) {
  const std::string text = "Tỉnh ủy Trà Vinh";
  const auto breaks = line_break_opportunities(text);
  ASSERT_EQ(breaks.size(), 4u);
  // "Tỉnh " is 7 bytes (ỉ takes 3), "ủy " 4 more, "Trà " 5 more, "Vinh" ends at 21.
  EXPECT_EQ(breaks[0].offset, 7u);
  EXPECT_EQ(breaks[1].offset, 12u);
  EXPECT_EQ(breaks[2].offset, 17u);
  EXPECT_EQ(breaks[3].offset, 21u);
  EXPECT_EQ(breaks[3].offset, text.size());
  for (const BreakOpportunity& b : breaks) EXPECT_FALSE(b.mandatory);
}

TEST(LineBreaks, EmptyTextHasNoOpportunities) {
  EXPECT_TRUE(line_break_opportunities("").empty());
}

TEST(LineBreaks, FreeStandingDashStaysWithThePrecedingWord) {
  // Plain UAX #14 would also allow "chính trị " | "- xã hội".
  EXPECT_EQ(lines_ending_at_breaks("chính trị - xã hội"),
            (Lines{"chính ", "chính trị - ", "chính trị - xã ", "chính trị - xã hội"}));
  EXPECT_EQ(lines_ending_at_breaks("Kinh tế – Xã hội"),
            (Lines{"Kinh ", "Kinh tế – ", "Kinh tế – Xã ", "Kinh tế – Xã hội"}));
  EXPECT_EQ(lines_ending_at_breaks("a -"), (Lines{"a -"}));
}

TEST(LineBreaks, AttachedHyphenAllowsABreakAfterIt) {
  EXPECT_EQ(lines_ending_at_breaks("chính trị-xã hội"),
            (Lines{"chính ", "chính trị-", "chính trị-xã ", "chính trị-xã hội"}));
  // A list item's dash after a hard break keeps its line start.
  EXPECT_EQ(lines_ending_at_breaks("a\n- b"), (Lines{"a\n<hard>", "a\n- ", "a\n- b"}));
}

TEST(LineBreaks, NumbersAndDatesAreNotSplit) {
  EXPECT_EQ(lines_ending_at_breaks("đạt 87,39% số"), (Lines{"đạt ", "đạt 87,39% ", "đạt 87,39% số"}));
  EXPECT_EQ(lines_ending_at_breaks("ngày 03-6-2013 của"),
            (Lines{"ngày ", "ngày 03-6-2013 ", "ngày 03-6-2013 của"}));
  EXPECT_EQ(lines_ending_at_breaks("10/6/2022"), (Lines{"10/6/2022"}));
  EXPECT_EQ(lines_ending_at_breaks("52.807 lượt"), (Lines{"52.807 ", "52.807 lượt"}));
  EXPECT_EQ(lines_ending_at_breaks("giảm -15"), (Lines{"giảm ", "giảm -15"}));
}

TEST(LineBreaks, DocumentNumbersBreakAfterHyphenAndSlash) {
  // ICU treats "431-CV/TU" as breakable; keeping it whole is the layout's decision.
  EXPECT_EQ(lines_ending_at_breaks("Số 431-CV/TU"),
            (Lines{"Số ", "Số 431-", "Số 431-CV/", "Số 431-CV/TU"}));
}

TEST(LineBreaks, QuotesAndBracketsStayWithTheirWords) {
  EXPECT_EQ(lines_ending_at_breaks("“Tỉnh ủy”"), (Lines{"“Tỉnh ", "“Tỉnh ủy”"}));
  EXPECT_EQ(lines_ending_at_breaks("(Hội Nông dân)"),
            (Lines{"(Hội ", "(Hội Nông ", "(Hội Nông dân)"}));
}

TEST(LineBreaks, LineFeedsAreMandatory) {
  EXPECT_EQ(lines_ending_at_breaks("a\nb"), (Lines{"a\n<hard>", "a\nb"}));
  EXPECT_EQ(lines_ending_at_breaks("a\r\nb "), (Lines{"a\r\n<hard>", "a\r\nb "}));
  // The end of the text is an opportunity but not a hard break.
  EXPECT_FALSE(line_break_opportunities("a").back().mandatory);
}

TEST(LineBreaks, ThreadsGetConsistentResults) {
  const std::string text = "Ban Dân vận, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội";
  const auto expected = line_break_opportunities(text);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const auto got = line_break_opportunities(text);
        if (got.size() != expected.size()) ++mismatches[t];
        for (std::size_t k = 0; k < got.size() && k < expected.size(); ++k)
          if (got[k].offset != expected[k].offset) ++mismatches[t];
      }
    });
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(expected.size(), 15u);  // 16 words, "- " joined to "trị "
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace vanban::text
