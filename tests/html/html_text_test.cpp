#include "html/html_text.h"

#include <gtest/gtest.h>

namespace vanban::html {
namespace {

std::string escaped(std::string_view s) {
  std::string out = "[";
  append_escaped(out, s);
  return out + "]";
}

std::string number(double v) {
  std::string out;
  append_number(out, v);
  return out;
}

TEST(AppendEscaped, ReplacesTheFiveMarkupCharacters) {
  EXPECT_EQ(escaped("a & b < c > d \" e ' f"),
            "[a &amp; b &lt; c &gt; d &quot; e &apos; f]");
  EXPECT_EQ(escaped("</title><script>alert(1)</script>"),
            "[&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;]");
  EXPECT_EQ(escaped("\" onload=\"x"), "[&quot; onload=&quot;x]");
}

TEST(AppendEscaped, EscapesAnEntityAgainSoItShowsLiterally) {
  EXPECT_EQ(escaped("&lt;b&gt;"), "[&amp;lt;b&amp;gt;]");
}

TEST(AppendEscaped, KeepsVietnameseAndPlainTextAsIs) {
  EXPECT_EQ(escaped("Độc lập - Tự do - Hạnh phúc"), "[Độc lập - Tự do - Hạnh phúc]");
  EXPECT_EQ(escaped(""), "[]");
  EXPECT_EQ(escaped("&"), "[&amp;]");
}

TEST(AppendNumber, IsShortAndLocaleFree) {
  EXPECT_EQ(number(14), "14");
  EXPECT_EQ(number(12.7), "12.7");
  EXPECT_EQ(number(0.4 * 100), "40");
  EXPECT_EQ(number(100.0 / 3), "33.333");
  EXPECT_EQ(number(-0.0001), "0");
  EXPECT_EQ(number(1.3), "1.3");
}

}  // namespace
}  // namespace vanban::html
