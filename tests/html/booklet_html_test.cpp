// A booklet page: cover instead of the official header, contents linking to the headings,
// framed questions, a notes section.
#include <gtest/gtest.h>

#include "html/html_writer.h"
#include "html_dom.h"
#include "sample_documents.h"

namespace vanban {
namespace {

using test::Dom;

ResolvedDocument booklet(const Profile& profile) {
  ResolvedDocument d;
  d.profile = &profile;
  d.type = "huong-dan";
  d.info.title = "Tài liệu sinh hoạt tháng 10 năm 2026";
  d.cover = {{CoverLine::Role::Organisation, test::styled("HỘI NÔNG DÂN TỈNH BÌNH MINH", test::style(14, true))},
             {CoverLine::Role::Title, test::styled("TÀI LIỆU SINH HOẠT CHI, TỔ HỘI", test::style(24, true))},
             {CoverLine::Role::Subtitle, test::styled("Tháng 10 năm 2026", test::style(16, true))}};
  Block toc;
  toc.kind = Block::Kind::Toc;
  toc.title = "MỤC LỤC";
  Block box;
  box.kind = Block::Kind::Box;
  box.title = "Câu hỏi thảo luận";
  box.blocks = {test::paragraph("Chi hội làm gì để hội viên dự sinh hoạt đều đặn?"), test::heading("Không vào mục lục")};
  Block notes;
  notes.kind = Block::Kind::Notes;
  notes.title = "GHI CHÉP";
  d.body = {toc, test::heading("Chuyên đề 1. Giá vật tư nông nghiệp"), test::paragraph("Nội dung."), box,
            test::heading("Chuyên đề 2. Đường giao thông nông thôn"), notes};
  test::finish(d);
  return d;
}

TEST(BookletHtml, CoverReplacesTheHeaderAndHoldsTheOnlyH1) {
  const Profile profile = test::party_profile();
  const Dom dom(write_html(booklet(profile)));
  ASSERT_TRUE(dom.errors().empty());
  EXPECT_LT(dom.first("header", "doc-header"), 0);
  const int cover = dom.first("header", "cover");
  ASSERT_GE(cover, 0);
  ASSERT_EQ(dom.find("h1").size(), 1u);
  EXPECT_EQ(dom.text(dom.first("h1")), "TÀI LIỆU SINH HOẠT CHI, TỔ HỘI");
  EXPECT_EQ(dom.text(dom.first("p", "cover-organisation", cover)), "HỘI NÔNG DÂN TỈNH BÌNH MINH");
}

TEST(BookletHtml, ContentsLinkToEveryTopLevelHeading) {
  const Profile profile = test::party_profile();
  const Dom dom(write_html(booklet(profile)));
  const int nav = dom.first("nav", "toc");
  ASSERT_GE(nav, 0);
  const std::vector<int> links = dom.find("a", {}, nav);
  ASSERT_EQ(links.size(), 2u);  // the heading inside the box is not a topic
  EXPECT_EQ(dom.text(links[0]), "Chuyên đề 1. Giá vật tư nông nghiệp");
  EXPECT_EQ(dom.attribute(links[1], "href"), "#muc-2");
  int targets = 0;
  for (int h : dom.find("h2"))
    if (dom.attribute(h, "id") == "muc-1" || dom.attribute(h, "id") == "muc-2") ++targets;
  EXPECT_EQ(targets, 2);
}

TEST(BookletHtml, QuestionsAreFramedAndNotesHaveTheirSection) {
  const Profile profile = test::party_profile();
  const Dom dom(write_html(booklet(profile)));
  const int frame = dom.first("aside", "frame");
  ASSERT_GE(frame, 0);
  EXPECT_EQ(dom.text(dom.first("p", "frame-title", frame)), "Câu hỏi thảo luận");
  const int notes = dom.first("section", "notes");
  ASSERT_GE(notes, 0);
  EXPECT_EQ(dom.text(dom.first("h2", {}, notes)), "GHI CHÉP");
  EXPECT_GE(dom.first("div", "note-lines", notes), 0);
}

}  // namespace
}  // namespace vanban
