#include "input/source_text.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban {
namespace {

// A file with what places are counted over: a BOM, Vietnamese letters (columns are characters),
// CRLF and LF line ends, an empty line and a line long enough for marks inside it.
std::string sample() {
  std::string long_line;
  while (long_line.size() < 5000) long_line += "Chi hội ấp Tân Thành ";
  return "\xEF\xBB\xBF<m>\r\n  <b id=\"ấp 1\"/>\n\n" + long_line + "\n<đ/>";
}

TEST(SourceText, ReadInPiecesGivesEveryPlaceAsTheWholeFile) {
  const std::string bytes = sample();
  const SourceText whole(bytes);
  EXPECT_EQ(whole.at(0).column, 1);  // inside the BOM
  EXPECT_EQ(whole.at(3).column, 1);
  EXPECT_EQ(whole.at(bytes.find("<b")).line, 2);
  EXPECT_EQ(whole.at(bytes.find("<b")).column, 3);
  EXPECT_EQ(whole.at(bytes.find("/>")).column, 15);  // "ấp" is two characters, four bytes
  EXPECT_EQ(whole.at(bytes.find("<đ")).line, 5);
  for (const std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{1023}, bytes.size()}) {
    SourceText streamed;
    for (std::size_t at = 0; at < bytes.size(); at += piece) streamed.append(std::string_view(bytes).substr(at, piece));
    streamed.finish();
    for (std::size_t offset = 0; offset <= bytes.size(); ++offset) {
      ASSERT_EQ(streamed.at(offset).line, whole.at(offset).line) << piece << " " << offset;
      ASSERT_EQ(streamed.at(offset).column, whole.at(offset).column) << piece << " " << offset;
    }
    for (int line = 1; line <= 6; ++line) EXPECT_EQ(streamed.line_start(line), whole.line_start(line)) << line;
  }
  EXPECT_EQ(whole.line_start(1), 0u);
  EXPECT_EQ(whole.line_start(2), bytes.find("  <b"));
  EXPECT_EQ(whole.line_start(6), std::string_view::npos);
}

TEST(SourceText, ForgetsWhatIsBehindAndKeepsThePlacesAhead) {
  std::string bytes;
  for (int i = 1; i <= 2000; ++i) bytes += "<r n=\"" + std::to_string(i) + "\">Đảng viên</r>\n";
  const SourceText whole(bytes);
  SourceText streamed;
  std::size_t most_held = 0;
  for (std::size_t at = 0; at < bytes.size(); at += 100) {
    streamed.append(std::string_view(bytes).substr(at, 100));
    // What follows the last whole record is still needed; the rest is not.
    const std::size_t last_line = bytes.rfind("<r", streamed.end() - 2);
    streamed.forget_before(last_line);
    most_held = std::max(most_held, streamed.from(streamed.begin()).size());
    ASSERT_EQ(streamed.at(last_line).line, whole.at(last_line).line);
    const std::size_t tag_end = bytes.find('>', last_line);
    if (tag_end < streamed.end()) ASSERT_EQ(streamed.at(tag_end).column, whole.at(tag_end).column);
    ASSERT_EQ(streamed.rfind("<r", streamed.end()), last_line);
  }
  EXPECT_LT(most_held, 200u);  // a line and a piece, not the 60 KB read
  EXPECT_GT(streamed.begin(), bytes.size() - 100);
  EXPECT_EQ(streamed.from(0), "");  // forgotten
  EXPECT_EQ(streamed.rfind("<r", 10), std::string_view::npos);
}

}  // namespace
}  // namespace vanban
