#include "text/collation.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace vanban::text {
namespace {

using Names = std::vector<std::string>;

TEST(SortVietnamese, FollowsTheVietnameseAlphabet) {
  Names names{"Giang", "Đằng", "Dũng", "Bình", "Ân", "An"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (Names{"An", "Ân", "Bình", "Dũng", "Đằng", "Giang"}));
}

TEST(SortVietnamese, LettersWithBreveHornAndCircumflexFollowTheirBase) {
  // Alphabet order: a ă â, d đ, o ô ơ, u ư; "Ăn" sorts after "Anh" because ă is a letter.
  Names names{"Ưng", "Ung", "Ơn", "Ôn", "On", "Ân", "Ăn", "Anh", "Đà", "Da", "Zô"};
  sort_vietnamese(names);
  EXPECT_EQ(names, (Names{"Anh", "Ăn", "Ân", "Da", "Đà", "On", "Ôn", "Ơn", "Ung", "Ưng", "Zô"}));
}

TEST(SortVietnamese, IsIndependentOfInputOrderForEquivalentSpellings) {
  const std::string nfc = "Tỉnh";
  const std::string nfd = "Ti\xCC\x89nh";
  Names a{nfc, nfd};
  Names b{nfd, nfc};
  sort_vietnamese(a);
  sort_vietnamese(b);
  EXPECT_EQ(a, b);
}

TEST(CompareVietnamese, SignsFollowTheOrder) {
  EXPECT_LT(compare_vietnamese("Dũng", "Đằng"), 0);
  EXPECT_GT(compare_vietnamese("Đằng", "Dũng"), 0);
  EXPECT_EQ(compare_vietnamese("Trà Vinh", "Trà Vinh"), 0);
  // Canonically equivalent NFC and NFD spellings compare equal.
  EXPECT_EQ(compare_vietnamese("Tỉnh", "Ti\xCC\x89nh"), 0);
  // Lower case before upper case at the same letters (tertiary difference).
  EXPECT_LT(compare_vietnamese("an", "An"), 0);
  // Tone marks are a secondary difference: the base letters decide first.
  EXPECT_LT(compare_vietnamese("Bà", "Ban"), 0);
}

TEST(CompareVietnamese, WorksFromSeveralThreads) {
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i)
        if (compare_vietnamese("Dũng", "Đằng") >= 0) ++wrong[t];
    });
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace vanban::text

namespace vanban::text {
namespace {

// Sort keys compared as bytes give compare_vietnamese's sign for every pair, 0 included: an index
// of keys on disk lists names in the order a sort in memory does.
TEST(VietnameseSortKey, OrdersAsCompareVietnamese) {
  const std::vector<std::string> names{"Dũng", "Đằng", "Trà Vinh", "Tỉnh", "Ti\xCC\x89nh", "an", "An", "Bà",
                                       "Ban", "Ân", "Ăn", "", "Nguyễn Văn Út", "Nguyễn Văn Út 2",
                                       std::string(200, 'x') + "ệ"};
  const auto sign = [](int n) { return (n > 0) - (n < 0); };
  for (const std::string& a : names)
    for (const std::string& b : names) {
      const std::string ka = vietnamese_sort_key(a), kb = vietnamese_sort_key(b);
      EXPECT_EQ(sign(ka.compare(kb)), sign(compare_vietnamese(a, b))) << a << " / " << b;
    }
  EXPECT_EQ(vietnamese_sort_key("x").find('\0'), std::string::npos);  // no final NUL
}

}  // namespace
}  // namespace vanban::text
