#include "input/phrase_list_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace vanban {
namespace {

TEST(PhraseListReader, OnePhrasePerLineCommentsAndBlanksIgnored) {
  const auto r = read_phrase_list_bytes("\xEF\xBB\xBF# names\nHồ Chí Minh\n\n  Việt   Nam  # the country\r\nTho\xCC\x9B\n",
                                        "list.txt");
  ASSERT_TRUE(r.ok());
  const std::vector<std::string> expected = {"Hồ Chí Minh", "Việt Nam", "Thơ"};  // NFC
  EXPECT_EQ(*r.value, expected);
}

TEST(PhraseListReader, BadUtf8IsReportedWithItsLine) {
  const auto r = read_phrase_list_bytes("Việt Nam\nH\xFF\n", "list.txt");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_EQ(r.errors[0].column, 2);
}

TEST(PhraseListReader, TheShippedListReads) {
  const auto r = read_phrase_list(std::string(VANBAN_SOURCE_DIR) + "/templates/phrases/keep-together.txt");
  ASSERT_TRUE(r.ok());
  for (const std::string& p : *r.value) EXPECT_NE(p.find(' '), std::string::npos) << p << ": one word needs no keeping";
  EXPECT_NE(std::find(r.value->begin(), r.value->end(), "Hồ Chí Minh"), r.value->end());
}

}  // namespace
}  // namespace vanban
