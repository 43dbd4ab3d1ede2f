#include "text/text_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

std::size_t length(const std::string& s) { return s.size(); }

TEST(TextMemo, MakesEachValueOnceAndGivesItBackForTheSameText) {
  TextMemo<std::string> memo(1 << 20, length);
  int made = 0;
  auto upper = [&made](std::string_view s) {
    return [&made, s] {
      ++made;
      std::string out(s);
      for (char& c : out) c = static_cast<char>(c - 32 * (c >= 'a' && c <= 'z'));
      return out;
    };
  };
  EXPECT_EQ(memo.get("ngay", upper("ngay")), "NGAY");
  EXPECT_EQ(memo.get("thang", upper("thang")), "THANG");
  EXPECT_EQ(memo.get(std::string("ngay"), upper("ngay")), "NGAY");
  EXPECT_EQ(made, 2);
}

TEST(TextMemo, NeverHoldsMoreThanItsBudgetHowEverManyTextsItSees) {
  const std::size_t budget = 4096;
  TextMemo<std::string> memo(budget, length);
  int made = 0;
  for (int i = 0; i < 10000; ++i) {
    const std::string text = "câu số " + std::to_string(i);
    EXPECT_EQ(memo.get(text, [&] { ++made; return text; }), text);
    EXPECT_LE(memo.bytes(), budget);
  }
  EXPECT_EQ(made, 10000);
  // After starting over it still remembers what it has seen since.
  const std::string last = "câu số 9999";
  EXPECT_EQ(memo.get(last, [&] { ++made; return last; }), last);
  EXPECT_EQ(made, 10000);
}

}  // namespace
}  // namespace vanban::text
