#include "text/utf8_check.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "text/unicode.h"

namespace vanban::text {
namespace {

// The verdict of Utf8Check on `s` cut into pieces of `size` bytes.
bool valid_in_pieces(std::string_view s, std::size_t size) {
  Utf8Check check;
  for (std::size_t at = 0; at < s.size(); at += size) check.add(s.substr(at, size));
  return check.valid();
}

TEST(Utf8Check, GivesIsValidUtf8sVerdictWhereverTheTextIsCut) {
  const std::string cases[] = {
      "Ban Tuyên giáo và Dân vận",   // two- and three-byte characters
      "chi hội \xF0\x9F\x98\x80 tổ",   // a four-byte character
      "đảng vi\xC3",                   // a character cut off at the end
      "x\xE1\xBA",                     // three bytes begun, two given
      "a\xC3\x28 b",                   // a lead byte followed by ASCII
      "\xED\xA0\x80 surrogate",        // an encoded surrogate
      "\xF4\x90\x80\x80 beyond U+10FFFF",
      "\x80 continuation first",
      "",
  };
  for (const std::string& s : cases)
    for (std::size_t size = 1; size <= s.size() + 1; ++size)
      EXPECT_EQ(valid_in_pieces(s, size), is_valid_utf8(s)) << "'" << s << "' in pieces of " << size;
}

TEST(Utf8Check, StaysInvalidOnceABadByteIsSeen) {
  Utf8Check check;
  EXPECT_TRUE(check.add("chi b\xE1\xBB"));
  EXPECT_FALSE(check.valid());  // the last character waits for its third byte
  EXPECT_TRUE(check.add("\x99 tốt"));
  EXPECT_TRUE(check.valid());
  EXPECT_TRUE(check.add("\xFF"));  // a lead byte of four, maybe: known with what follows
  EXPECT_FALSE(check.add("ascii"));
  EXPECT_FALSE(check.add("tốt"));
  EXPECT_FALSE(check.valid());
}

}  // namespace
}  // namespace vanban::text
