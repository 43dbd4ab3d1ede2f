#include "templating/guide_documents.h"

#include <gtest/gtest.h>

#include <map>

#include "input/guidance_reader.h"
#include "input/markup_reader.h"

namespace vanban {
namespace {

std::string source(const std::string& relative) {
  return std::string(VANBAN_SOURCE_DIR) + "/" + relative;
}
std::string all(const Diagnostics& errors) {
  std::string out;
  for (const Diagnostic& e : errors) out += e.to_string() + "\n";
  return out;
}

Guidance sample() {
  Result<Guidance> r = read_guidance(source("content/2026-10/guidance.xml"),
                                     source("templates/schema/guidance.rng"));
  EXPECT_TRUE(r.ok()) << all(r.errors);
  return r.value.value_or(Guidance{});
}

std::vector<GeneratedGuide> generate(const Guidance& g) {
  Result<std::vector<GeneratedGuide>> r = generate_guides(g, source("templates"));
  EXPECT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  return r.value.value_or(std::vector<GeneratedGuide>{});
}

// Reads a guide back the way `vanban render` does: schema validation and the reader's checks.
Document read(const GeneratedGuide& guide) {
  Result<Document> r = read_document_bytes(guide.markup, guide.name + ".xml",
                                           {source("templates/schema/document.rng"), {}, {}});
  EXPECT_TRUE(r.ok()) << guide.name << ":\n" << all(r.errors) << guide.markup;
  return r.value.value_or(Document{});
}

std::string text(const Inlines& runs) {
  std::string out;
  for (const TextRun& r : runs) out += r.text;
  return out;
}

std::vector<std::string> headings(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.body)
    if (b.kind == Block::Kind::Heading && b.level == 1) out.push_back(text(b.inlines));
  return out;
}

const Block* find_block(const std::vector<Block>& blocks, Block::Kind kind) {
  for (const Block& b : blocks)
    if (b.kind == kind) return &b;
  return nullptr;
}

std::string cover_line(const Document& d, CoverLine::Role role) {
  for (const CoverLine& l : d.cover)
    if (l.role == role) return l.text;
  return {};
}

TEST(GuideDocuments, EachOrganisationGetsExactlyTheTopicsAddressedToIt) {
  const Guidance g = sample();
  const std::vector<GeneratedGuide> guides = generate(g);
  ASSERT_EQ(guides.size(), 6u);
  // Topics of content/2026-10/guidance.xml by index: 0 all; 1 dang mat-tran; 2 nong-dan;
  // 3 phu-nu; 4 doan; 5 mat-tran phu-nu cuu-chien-binh doan.
  const std::map<Organisation, std::vector<int>> expected = {
      {Organisation::Party, {0, 1}},    {Organisation::Front, {0, 1, 5}},
      {Organisation::Farmers, {0, 2}},  {Organisation::Women, {0, 3, 5}},
      {Organisation::Veterans, {0, 5}}, {Organisation::Youth, {0, 4, 5}}};
  for (const GeneratedGuide& guide : guides) {
    std::vector<std::string> want;
    int number = 0;
    for (int i : expected.at(guide.organisation))
      want.push_back("Chuyên đề " + std::to_string(++number) + ". " +
                     g.topics[static_cast<std::size_t>(i)].title);
    want.push_back("Thông tin thời sự");
    want.push_back("Những ngày kỷ niệm trong tháng");
    want.push_back("Lịch sinh hoạt trong tháng");
    EXPECT_EQ(headings(read(guide)), want) << guide.name;
  }
}

TEST(GuideDocuments, NamesLayoutsAndCovers) {
  const std::vector<GeneratedGuide> guides = generate(sample());
  ASSERT_EQ(guides.size(), 6u);
  const struct {
    const char* name;
    const char* layout;
    const char* organisation;
    const char* title;
  } want[] = {
      {"tai-lieu-sinh-hoat-dang-2026-10", "dang", "Đảng bộ tỉnh Trường Giang",
       "Tài liệu sinh hoạt chi bộ"},
      {"tai-lieu-sinh-hoat-mat-tran-2026-10", "mat-tran",
       "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", "Tài liệu sinh hoạt Ban công tác Mặt trận"},
      {"tai-lieu-sinh-hoat-nong-dan-2026-10", "hoi-nong-dan", "Hội Nông dân tỉnh Trường Giang",
       "Tài liệu sinh hoạt chi, tổ hội"},
      {"tai-lieu-sinh-hoat-phu-nu-2026-10", "hoi-phu-nu", "Hội Liên hiệp Phụ nữ tỉnh Trường Giang",
       "Tài liệu sinh hoạt chi, tổ hội"},
      {"tai-lieu-sinh-hoat-cuu-chien-binh-2026-10", "hoi-cuu-chien-binh",
       "Hội Cựu chiến binh tỉnh Trường Giang", "Tài liệu sinh hoạt chi, tổ hội"},
      {"tai-lieu-sinh-hoat-doan-2026-10", "doan",
       "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Trường Giang", "Tài liệu sinh hoạt chi đoàn"},
  };
  for (std::size_t i = 0; i < guides.size(); ++i) {
    const Document d = read(guides[i]);
    EXPECT_EQ(guides[i].name, want[i].name);
    EXPECT_EQ(d.layout, want[i].layout);
    EXPECT_EQ(d.type, "huong-dan");
    EXPECT_EQ(d.issuer.name, want[i].organisation);
    EXPECT_EQ(d.date, (CivilDate{2026, 9, 28}));
    EXPECT_EQ(cover_line(d, CoverLine::Role::Organisation), want[i].organisation);
    EXPECT_EQ(cover_line(d, CoverLine::Role::Title), want[i].title);
    EXPECT_EQ(cover_line(d, CoverLine::Role::Subtitle), "Tháng 10 năm 2026");
    EXPECT_EQ(cover_line(d, CoverLine::Role::Issuer), "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang");
    EXPECT_EQ(cover_line(d, CoverLine::Role::Place), "Trường Giang, tháng 9 năm 2026");
    EXPECT_TRUE(d.signature.signer.empty());
    // Contents first (the layout starts the body on the next page), the notes page last.
    ASSERT_GE(d.body.size(), 3u);
    EXPECT_EQ(d.body.front().kind, Block::Kind::Toc);
    EXPECT_EQ(d.body.front().title, "MỤC LỤC");
    EXPECT_EQ(d.body[1].kind, Block::Kind::Heading);
    EXPECT_EQ(d.body.back().kind, Block::Kind::Notes);
    EXPECT_EQ(d.body.back().title, "GHI CHÉP");
  }
}

TEST(GuideDocuments, TopicPartsBecomeTheirBlocks) {
  const Guidance g = sample();
  const std::vector<GeneratedGuide> guides = generate(g);
  ASSERT_EQ(guides.size(), 6u);
  const Document farmers = read(guides[2]);
  // Topic 2 of the farmers' guide: its heading, then section titles, paragraphs, the key points
  // and questions boxed, the key figures in a table.
  std::size_t at = 0;
  while (at < farmers.body.size() &&
         text(farmers.body[at].inlines) != "Chuyên đề 2. " + g.topics[2].title)
    ++at;
  ASSERT_LT(at, farmers.body.size());
  EXPECT_EQ(text(farmers.body[at + 1].inlines), "1. Kết quả của mô hình");
  EXPECT_EQ(farmers.body[at + 1].kind, Block::Kind::Heading);  // a sub-heading, out of the contents
  EXPECT_EQ(farmers.body[at + 1].level, 2);
  EXPECT_EQ(farmers.body[at + 2].inlines, g.topics[2].sections[0].paragraphs[0]);
  std::vector<Block> rest(farmers.body.begin() + static_cast<long>(at), farmers.body.end());
  std::vector<const Block*> boxes;
  for (const Block& b : rest)
    if (b.kind == Block::Kind::Box) boxes.push_back(&b);
  ASSERT_GE(boxes.size(), 2u);
  EXPECT_EQ(boxes[0]->title, "Những điểm cần nắm");
  ASSERT_EQ(boxes[0]->blocks.size(), 1u);
  EXPECT_EQ(boxes[0]->blocks[0].kind, Block::Kind::DashList);
  EXPECT_EQ(boxes[0]->blocks[0].items.size(), g.topics[2].key_points.size());
  EXPECT_EQ(boxes[1]->title, "Gợi ý thảo luận");
  ASSERT_EQ(boxes[1]->blocks[0].kind, Block::Kind::OrderedList);
  ASSERT_EQ(boxes[1]->blocks[0].items.size(), 3u);
  EXPECT_EQ(boxes[1]->blocks[0].items[0].blocks[0].inlines, g.topics[2].questions[0]);
  const Block* figures = find_block(rest, Block::Kind::Table);
  ASSERT_NE(figures, nullptr);
  ASSERT_EQ(figures->table.rows.size(), 4u);  // the caption row, then one row per figure
  EXPECT_EQ(text(figures->table.rows[0].cells[0].content), "Số liệu đáng chú ý");
  EXPECT_EQ(text(figures->table.rows[1].cells[0].content), "32 thành viên");
  EXPECT_EQ(figures->table.rows[1].cells[1].content, g.topics[2].key_figures[0].label);
}

TEST(GuideDocuments, NewsDaysAndMeetingsFollowTheirAudience) {
  const std::vector<GeneratedGuide> guides = generate(sample());
  ASSERT_EQ(guides.size(), 6u);
  const std::string& party = guides[0].markup;
  const std::string& farmers = guides[2].markup;
  EXPECT_NE(farmers.find("Khuyến cáo lịch xuống giống vụ Đông Xuân 2026 - 2027"), std::string::npos);
  EXPECT_EQ(party.find("Khuyến cáo lịch xuống giống"), std::string::npos);
  EXPECT_NE(party.find("Phòng, chống sốt xuất huyết"), std::string::npos);
  EXPECT_NE(farmers.find("<b>Từ ngày 08 đến ngày 12/10:</b> chi hội, tổ hội nông dân"), std::string::npos);
  EXPECT_EQ(farmers.find("chi bộ ấp, khóm sinh hoạt định kỳ"), std::string::npos);
  EXPECT_NE(party.find("<b>Từ ngày 03 đến ngày 07/10:</b> chi bộ ấp, khóm"), std::string::npos);
  const std::string& veterans = guides[4].markup;
  EXPECT_NE(veterans.find("<b>Ngày 15/10:</b> chi hội cựu chiến binh"), std::string::npos);
  // Every guide lists every commemoration, with its anniversary when the year is given.
  for (const GeneratedGuide& guide : guides) {
    EXPECT_NE(guide.markup.find("Kỷ niệm 96 năm Ngày thành lập Hội Nông dân Việt Nam "
                                "(14/10/1930 - 14/10/2026)"),
              std::string::npos)
        << guide.name;
    EXPECT_NE(guide.markup.find("<td>Ngày Doanh nhân Việt Nam</td>"), std::string::npos);
  }
}

TEST(GuideDocuments, HostileTextIsEscaped) {
  const std::string hostile = "A & B <b>\"x\"</b></p></li></ol></box><h>Chen</h>";
  const std::string escaped = "A &amp; B &lt;b&gt;&quot;x&quot;&lt;/b&gt;&lt;/p&gt;&lt;/li&gt;"
                              "&lt;/ol&gt;&lt;/box&gt;&lt;h&gt;Chen&lt;/h&gt;";
  const std::string bytes =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<guidance month=\"2026-10\">\n"
      "<issuer><name>" + escaped + "</name><code>X</code><place>" + escaped +
      "</place><date>2026-09-28</date></issuer>\n"
      "<organisations><organisation id=\"doan\" code=\"" + escaped + "\">" + escaped +
      "</organisation></organisations>\n"
      "<topic audience=\"all\"><title>" + escaped + "</title><section title=\"" + escaped +
      "\"><p>" + escaped + " <b>" + escaped + "</b></p></section>"
      "<key-points><point>" + escaped + "</point></key-points>"
      "<key-figures><figure value=\"" + escaped + "\">" + escaped + "</figure></key-figures>"
      "<questions><question>" + escaped + "</question></questions></topic>\n"
      "<news title=\"" + escaped + "\"><p>" + escaped + "</p></news>\n"
      "<commemoration day=\"1\">" + escaped + "</commemoration>\n"
      "<meeting-days from=\"2\">" + escaped + "</meeting-days>\n</guidance>\n";
  Result<Guidance> g = read_guidance_bytes(bytes, "hostile.xml", source("templates/schema/guidance.rng"));
  ASSERT_TRUE(g.ok()) << all(g.errors);
  const std::vector<GeneratedGuide> guides = generate(*g.value);
  ASSERT_EQ(guides.size(), 1u);
  const Document d = read(guides[0]);
  EXPECT_EQ(headings(d), (std::vector<std::string>{"Chuyên đề 1. " + hostile, "Thông tin thời sự",
                                                   "Những ngày kỷ niệm trong tháng",
                                                   "Lịch sinh hoạt trong tháng"}));
  EXPECT_EQ(d.issuer.name, hostile);
  EXPECT_EQ(d.issuer.code, hostile);
  EXPECT_EQ(cover_line(d, CoverLine::Role::Organisation), hostile);
  EXPECT_EQ(text(d.body[2].inlines), "1. " + hostile);
  EXPECT_EQ(d.body[3].inlines, (Inlines{{hostile + " ", false, false}, {hostile, true, false}}));
  EXPECT_EQ(guides[0].markup.find("<h>Chen</h>"), std::string::npos);
}

TEST(GuideDocuments, SameInputSameBytes) {
  const Guidance g = sample();
  const std::vector<GeneratedGuide> first = generate(g);
  const std::vector<GeneratedGuide> second = generate(g);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].markup, second[i].markup);
}

TEST(GuideDocuments, AMissingTemplateIsNamed) {
  const Result<std::vector<GeneratedGuide>> r = generate_guides(sample(), "/nonexistent");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(),
            "/nonexistent/documents/tai-lieu-sinh-hoat.mustache:0:0: cannot read the template");
}

TEST(GuideDocuments, LayoutsOfTheOrganisations) {
  EXPECT_STREQ(guide_layout(Organisation::Party), "dang");
  EXPECT_STREQ(guide_layout(Organisation::Front), "mat-tran");
  EXPECT_STREQ(guide_layout(Organisation::Farmers), "hoi-nong-dan");
  EXPECT_STREQ(guide_layout(Organisation::Women), "hoi-phu-nu");
  EXPECT_STREQ(guide_layout(Organisation::Veterans), "hoi-cuu-chien-binh");
  EXPECT_STREQ(guide_layout(Organisation::Youth), "doan");
}

}  // namespace
}  // namespace vanban
