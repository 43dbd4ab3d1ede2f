#include "model/diagnostic.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(Diagnostic, IsFileLineColumnMessage) {
  EXPECT_EQ((Diagnostic{"báo-cáo.xml", 10, 3, "date '2023-02-29' does not exist"}.to_string()),
            "báo-cáo.xml:10:3: date '2023-02-29' does not exist");
  EXPECT_EQ((Diagnostic{"a.csv", 2, 1, "extra column", true}.to_string()), "a.csv:2:1: warning: extra column");
}

// A bell, a line break or an escape in a name would ring, split or repaint the terminal line.
TEST(Diagnostic, ControlCharactersAreShownEscaped) {
  EXPECT_EQ((Diagnostic{"ring\a.xml", 1, 2, "branch 'B\n1\x1b[2J' \x7f"}.to_string()),
            "ring\\x07.xml:1:2: branch 'B\\x0A1\\x1B[2J' \\x7F");
}

// Columns count characters, not bytes: "Tháng" is five wide though six bytes long.
TEST(Diagnostic, AtAnOffsetCountsLinesAndCharacters) {
  const std::string text = "{{#a}}\nTháng {{x";
  const Diagnostic d = diagnostic_at_offset(text, text.find("{{x"), "t.mustache", "unclosed tag");
  EXPECT_EQ(d.to_string(), "t.mustache:2:7: unclosed tag");
  EXPECT_EQ(diagnostic_at_offset(text, 0, "t", "m").to_string(), "t:1:1: m");
}

}  // namespace
}  // namespace vanban
