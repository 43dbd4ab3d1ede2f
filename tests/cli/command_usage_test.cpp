#include "cli/command_usage.h"

#include <gtest/gtest.h>

namespace vanban::cli {
namespace {

TEST(SplitInlineValue, OnlyALongOptionTakesItsValueAfterEquals) {
  const OptionArgument date = split_inline_value("--date=2026-06-03");
  EXPECT_EQ(date.name, "--date");
  EXPECT_EQ(date.inline_value, "2026-06-03");
  EXPECT_EQ(split_inline_value("--field=").inline_value, "");  // written, and empty
  EXPECT_EQ(split_inline_value("--field=a=b").inline_value, "a=b");
  for (const char* own : {"--seal", "-o", "-o=x", "a=b.xml"}) {
    EXPECT_EQ(split_inline_value(own).name, own);
    EXPECT_FALSE(split_inline_value(own).inline_value) << own;
  }
}

TEST(OptionValue, InlineOrTheNextArgumentAndNeverEmpty) {
  const std::vector<std::string> args{"--key", "k.p12", "--tsa=http://t", "--field=", "-o"};
  std::string error;
  std::size_t i = 0;
  EXPECT_EQ(option_value(split_inline_value(args[i]), args, i, error), "k.p12");
  EXPECT_EQ(i, 1u);
  i = 2;
  EXPECT_EQ(option_value(split_inline_value(args[i]), args, i, error), "http://t");
  EXPECT_EQ(i, 2u);
  i = 3;
  EXPECT_FALSE(option_value(split_inline_value(args[i]), args, i, error));
  EXPECT_EQ(error, "option '--field' needs a non-empty value");
  i = 4;
  EXPECT_FALSE(option_value(split_inline_value(args[i]), args, i, error));
  EXPECT_EQ(error, "option '-o' needs a value");
}

}  // namespace
}  // namespace vanban::cli
