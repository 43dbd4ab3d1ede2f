#include <gtest/gtest.h>

#include "html/html_writer.h"
#include "html/site_article.h"
#include "html_dom.h"
#include "sample_documents.h"

namespace vanban {
namespace {

using test::Dom;
using Strings = std::vector<std::string>;

// The site wraps the same sheet in its own page: no document, head or <main> of its own, and
// exactly the sheet of the standalone page otherwise.
TEST(HtmlArticle, IsTheStandaloneSheetWithoutItsPage) {
  const Profile profile = test::party_profile();
  const ResolvedDocument doc = test::party_directive(profile);
  const std::string sheet = site_sheet(build_html_sheet(doc));
  EXPECT_EQ(sheet.rfind("<div class=\"sheet\">", 0), 0u);
  EXPECT_EQ(sheet.find("<html"), std::string::npos);
  EXPECT_EQ(sheet.find("<main"), std::string::npos);
  const Dom dom("<!DOCTYPE html><html lang=\"vi\"><head><title>t</title></head><body>" + sheet +
                "</body></html>");
  EXPECT_TRUE(dom.errors().empty()) << dom.errors().front();
  EXPECT_EQ(dom.child_tags(dom.first("div", "sheet")), (Strings{"header", "div", "footer"}));

  std::string page = write_html(doc);
  const std::size_t at = page.find("<div class=\"sheet\">");
  ASSERT_NE(at, std::string::npos);
  page = page.substr(at, page.find("</body>") - at);
  std::string expected = sheet;
  expected.replace(expected.find("<div class=\"doc-body\">"), 22, "<main>");
  expected.replace(expected.rfind("</div>\n<footer"), 6, "</main>");
  EXPECT_EQ(page, expected);
  // The stylesheet the site gives it is the standalone page's own.
  EXPECT_NE(write_html(doc).find(site_article_stylesheet(profile)), std::string::npos);
}

}  // namespace
}  // namespace vanban
