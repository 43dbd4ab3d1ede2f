#include "html/site_article.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

SiteArticle sample() {
  SiteArticle a;
  a.source = "content/documents/cong-van.xml";
  a.title = "Công văn số 12-CV/TU về việc\nhọp";  // a line break in a value is written as a space
  a.subject = "Về việc họp";
  a.type = "cong-van";
  a.type_label = "Công văn";
  a.number = "12-CV/TU";
  a.date = {2026, 5, 20};
  a.issuer = "Tỉnh ủy Trường Giang";
  a.booklet = true;
  a.family = "dang";
  a.edition = "36-HD/VPTW";
  a.sheet = "<div class=\"sheet\">\nsheet 3\ntext 4\n</div>";  // lines that look like fields
  a.text = "Về việc họp\nNội dung.";
  return a;
}

TEST(SiteArticle, ParsesBackWhatItWrote) {
  const std::string bytes = serialise_site_article(sample());
  const std::optional<SiteArticle> back = parse_site_article(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->title, "Công văn số 12-CV/TU về việc họp");
  EXPECT_EQ(back->number, "12-CV/TU");
  EXPECT_EQ(back->date, (CivilDate{2026, 5, 20}));
  EXPECT_TRUE(back->booklet);
  EXPECT_EQ(back->addressee, "");
  EXPECT_EQ(back->edition, "36-HD/VPTW");
  EXPECT_EQ(back->sheet, sample().sheet);
  EXPECT_EQ(back->text, sample().text);
}

// The site reads a record in parts: its fields and where its sheet and text lie, from its start.
TEST(SiteArticle, HeadLocatesTheSheetAndTheText) {
  const SiteArticle a = sample();
  const std::string bytes = serialise_site_article(a);
  const std::optional<SiteArticleHead> head = parse_site_article_head(bytes.substr(0, bytes.find(a.sheet) + 3));
  ASSERT_TRUE(head);
  EXPECT_EQ(head->fields.subject, a.subject);
  EXPECT_TRUE(head->fields.sheet.empty());
  EXPECT_EQ(bytes.substr(head->sheet_offset, head->sheet_bytes), a.sheet);
  const std::string after = bytes.substr(head->sheet_offset + head->sheet_bytes);
  const std::optional<SiteArticleTextPlace> text = parse_site_article_text_label(after);
  ASSERT_TRUE(text);
  EXPECT_EQ(after.substr(text->offset, text->bytes), a.text);
  EXPECT_EQ(text->offset + text->bytes, after.size());
  // Cut before the sheet's size line: not a head.
  EXPECT_FALSE(parse_site_article_head(bytes.substr(0, bytes.find("sheet "))));
  EXPECT_FALSE(parse_site_article_text_label("text x\n"));
}

TEST(SiteArticle, RefusesAnythingButAWholeRecord) {
  const std::string bytes = serialise_site_article(sample());
  EXPECT_FALSE(parse_site_article(bytes.substr(0, bytes.size() - 1)));  // cut short
  EXPECT_FALSE(parse_site_article(bytes + "x"));                        // more than recorded
  EXPECT_FALSE(parse_site_article("vanban-article 2" + bytes.substr(bytes.find('\n'))));
  std::string bad_date = bytes;
  bad_date.replace(bad_date.find("2026-05-20"), 10, "2026-02-30");
  EXPECT_FALSE(parse_site_article(bad_date));
  EXPECT_FALSE(parse_site_article(""));
}

TEST(SiteArticle, NamesKindsAndIssuersAsReadersDo) {
  EXPECT_EQ(document_kind("chi-thi", false).label, "Chỉ thị");
  EXPECT_EQ(document_kind("cong-van", true).key, "tai-lieu-sinh-hoat");
  EXPECT_EQ(issuer_name("Ban Tuyên giáo và Dân vận", "Tỉnh ủy Trường Giang"),
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang");
  EXPECT_EQ(issuer_name("Ban Chấp hành Hội Nông dân xã X", "Hội Nông dân tỉnh Y"), "Ban Chấp hành Hội Nông dân xã X");
}

}  // namespace
}  // namespace vanban
