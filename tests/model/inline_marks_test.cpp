#include "model/inline_marks.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(InlineMarks, BoldAndItalicBecomeRuns) {
  const Inlines runs = parse_marks("Đây là **bệnh hình thức** và *nghiêng*.");
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs[1], (TextRun{"bệnh hình thức", true, false}));
  EXPECT_EQ(runs[3], (TextRun{"nghiêng", false, true}));
  EXPECT_EQ(runs[4], (TextRun{".", false, false}));
}

TEST(InlineMarks, AnUnpairedMarkIsText) {
  const Inlines runs = parse_marks("3 * 4 = 12");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "3 * 4 = 12");
  EXPECT_FALSE(runs[0].italic);
}

TEST(InlineMarks, EscapedAsteriskAndBackslashAreLiteral) {
  const Inlines runs = parse_marks("a \\*b\\* c\\\\");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "a *b* c\\");
}

TEST(InlineMarks, WritingThenParsingKeepsTextAndStyles) {
  const Inlines runs = {{"x*y ", false, false}, {"đậm ", true, false}, {"cả hai", true, true},
                        {" nghiêng", false, true}, {" \\ thường", false, false}};
  const std::string marked = write_marks(runs);
  EXPECT_EQ(parse_marks(marked), runs) << marked;
}

}  // namespace
}  // namespace vanban
