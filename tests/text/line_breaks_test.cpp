#include "text/line_breaks.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <utility>
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

// What the layout takes of ICU's opportunities: those after spaces, the hard breaks, the end.
std::vector<std::pair<std::size_t, bool>> icu_breaks_between_words(const std::string& text) {
  std::vector<std::pair<std::size_t, bool>> out;
  for (const BreakOpportunity& b : line_break_opportunities(text))
    if (b.mandatory || b.offset == text.size() || text[b.offset - 1] == ' ') out.emplace_back(b.offset, b.mandatory);
  return out;
}

std::vector<std::pair<std::size_t, bool>> as_pairs(const std::vector<BreakOpportunity>& breaks) {
  std::vector<std::pair<std::size_t, bool>> out;
  for (const BreakOpportunity& b : breaks) out.emplace_back(b.offset, b.mandatory);
  return out;
}

TEST(LineBreaks, BetweenWordsLeavesOutBreaksInsideCodesAndDates) {
  const std::string text = "Số 431-CV/TU ngày 03-6-2013";
  std::vector<std::string> lines;
  for (const BreakOpportunity& b : breaks_between_words(text)) lines.push_back(text.substr(0, b.offset));
  EXPECT_EQ(lines, (Lines{"Số ", "Số 431-CV/TU ", "Số 431-CV/TU ngày ", "Số 431-CV/TU ngày 03-6-2013"}));
  EXPECT_TRUE(breaks_between_words("").empty());
  EXPECT_EQ(as_pairs(breaks_between_words("a\nb c")), (std::vector<std::pair<std::size_t, bool>>{{2, true}, {4, false}, {5, false}}));
}

// The rules read without ICU give ICU's answer: random text of letters, digits, spaces and every
// kind of punctuation those rules cover (which meet across spaces in every order), and now and
// then a character they leave to ICU (tab, line feed, no-break space, dashes, curly quotes, a
// combining mark, an ellipsis, a zero-width space, a CJK character).
TEST(LineBreaks, BetweenWordsAgreesWithIcuOnRandomText) {
  const std::vector<std::string> common = {
      "a", "Đ", "ệ", "ủy", "1", "0", "2026", " ", " ", " ", "  ", ",", ".", ":", ";", "!", "?", ")", "]", "}", "(",
      "[", "{", "-", "/", "%", "$", "\"", "'", "+", "«", "»", "‘", "’", "&", "#", "*", "@", "=", "<", ">", "~",
      "_", "^", "`", "\\", "°", "№", "€", "§"};
  const std::vector<std::string> left_to_icu = {"\t", "\n", "\r\n", "\u00A0", "–", "—", "“", "”", "\u0301", "…",
                                                "\u200B", "中", "|", "\u2010"};
  std::mt19937 random(20261203);
  int differences = 0;
  for (int i = 0; i < 40000 && differences < 5; ++i) {
    std::string text;
    const int pieces = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < pieces; ++k)
      text += random() % 40 == 0 ? left_to_icu[random() % left_to_icu.size()] : common[random() % common.size()];
    const auto expected = icu_breaks_between_words(text);
    const auto got = as_pairs(breaks_between_words(text));
    if (got != expected) {
      ++differences;
      ADD_FAILURE() << "\"" << text << "\": " << got.size() << " breaks, ICU " << expected.size();
    }
  }
  EXPECT_EQ(differences, 0);
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
