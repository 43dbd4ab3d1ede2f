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

}  // namespace
}  // namespace vanban
