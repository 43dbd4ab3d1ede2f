// Whole documents laid out with the shipped fonts and profiles: the layout rules checked on the
// positioned text itself.
#include "layout/document_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "font/font_set.h"
#include "input/profile_reader.h"
#include "layout/booklet.h"
#include "layout/page_dump.h"
#include "layout/table_layout.h"
#include "profile/resolve.h"
#include "shipped_data.h"

namespace vanban {
namespace {

double pt(Mm mm) { return to_pt(mm).value; }

class DocumentLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = &testing::shipped_fonts();
    registry_ = &testing::shipped_profiles();
  }

  static Document sample(const std::string& layout, const std::string& type, int paragraphs) {
    Document d;
    d.source_file = "test.xml";
    d.layout = layout;
    d.type = type;
    d.issuer = {"Đảng bộ tỉnh Bình Minh", "Tỉnh ủy Bình Minh", "TU", ""};
    d.number = "7";
    d.place = "Bình Minh";
    d.date = {2026, 2, 5};
    d.subject = "về nền nếp sinh hoạt định kỳ của chi bộ, chi hội, tổ hội";
    for (int i = 0; i < paragraphs; ++i) {
      Block b;
      b.inlines = {{"Đoạn " + std::to_string(i + 1) + ". ", true, false},
                   {"Các cấp ủy, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phân công cán bộ "
                    "tham dự sinh hoạt định kỳ với chi bộ, chi hội, tổ hội ở ấp, khóm; nắm tình hình, "
                    "trao đổi, đối thoại với đoàn viên, hội viên và báo cáo kết quả sau mỗi buổi sinh hoạt.",
                    false, false}};
      d.body.push_back(b);
    }
    d.signature = {{"T/M Ban Thường vụ"}, "Phó Bí thư", "Nguyễn Văn Minh"};
    d.recipients.entries.push_back({{"Ban Dân vận Trung ương", "Văn phòng Trung ương Đảng"}, "Báo cáo"});
    d.recipients.entries.push_back({{"Các huyện ủy, thị ủy, thành ủy"}, ""});
    d.recipients.archive = "Văn phòng Tỉnh ủy";
    return d;
  }

  static Pages render(const Document& d) {
    const Profile* p = registry_->find(d.layout, "", d.date);
    EXPECT_NE(p, nullptr);
    auto resolved = resolve(d, *p, 0);
    EXPECT_TRUE(resolved.ok());
    return layout_document(*resolved.value, *fonts_);
  }

  static double right_edge(const TextItem& t) { return t.x + fonts_->face(t.style).text_width(t.text, t.size); }

  static const TextItem* find_text(const Page& page, const std::string& text) {
    for (const TextItem& t : page.texts)
      if (t.text == text) return &t;
    return nullptr;
  }

  static const FontSet* fonts_;
  static const ProfileRegistry* registry_;
};

const FontSet* DocumentLayoutTest::fonts_ = nullptr;
const ProfileRegistry* DocumentLayoutTest::registry_ = nullptr;

TEST_F(DocumentLayoutTest, EverythingStaysInsideTheMargins) {
  for (const std::string layout : {"dang", "nha-nuoc"}) {
    const Pages pages = render(sample(layout, "chi-thi", 12));
    const Profile* p = registry_->find(layout, "", {2026, 2, 5});
    const double left = pt(p->page.left), right = pt(p->page.width - p->page.right);
    ASSERT_GE(pages.pages.size(), 2u);
    for (const Page& page : pages.pages) {
      for (const TextItem& t : page.texts) {
        EXPECT_GE(t.x, left - 0.01) << layout << ": " << t.text;
        EXPECT_LE(right_edge(t), right + 0.01) << layout << ": " << t.text;
        EXPECT_LE(t.baseline, page.height - pt(p->page.bottom) + 0.01) << t.text;
      }
    }
  }
}

TEST_F(DocumentLayoutTest, JustifiedLinesEndAtTheRightMargin) {
  const Pages pages = render(sample("dang", "chi-thi", 3));
  const Profile* p = registry_->find("dang", "", {2026, 2, 5});
  const double right = pt(p->page.width - p->page.right);
  // Group the body text by baseline; every line of a paragraph but its last reaches the margin.
  std::map<double, std::vector<const TextItem*>> lines;
  for (const TextItem& t : pages.pages[0].texts)
    if (t.size == p->style(Element::Body).size && !t.text.empty()) lines[t.baseline].push_back(&t);
  int full = 0;
  for (const auto& [baseline, items] : lines) {
    const double end = right_edge(**std::max_element(items.begin(), items.end(), [](auto a, auto b) { return a->x < b->x; }));
    if (items.size() > 8 && std::abs(end - right) < 0.05) ++full;
  }
  EXPECT_GE(full, 6);
}

TEST_F(DocumentLayoutTest, PartyHeaderPutsNumberAndDateOnOneLine) {
  const Pages pages = render(sample("dang", "chi-thi", 1));
  const Page& first = pages.pages.front();
  const TextItem* title = find_text(first, "ĐẢNG CỘNG SẢN VIỆT NAM");
  const TextItem* number = find_text(first, "Số 07-CT/TU");
  ASSERT_NE(title, nullptr);
  ASSERT_NE(number, nullptr);
  const Profile* p = registry_->find("dang", "", {2026, 2, 5});
  const double middle = pt(p->page.left + (p->page.width - p->page.left - p->page.right) / 2);
  EXPECT_GT(title->x, middle);  // title in the right column
  EXPECT_LT(right_edge(*number), middle);
  bool date_on_number_line = false;
  for (const TextItem& t : first.texts)
    if (t.text == "Bình Minh, ngày 05 tháng 02 năm 2026" && t.style == FontStyle::Italic && std::abs(t.baseline - number->baseline) < 0.01)
      date_on_number_line = true;
  EXPECT_TRUE(date_on_number_line);
  EXPECT_NE(find_text(first, "CHỈ THỊ"), nullptr);
  EXPECT_NE(find_text(first, "TỈNH ỦY BÌNH MINH"), nullptr);
}

TEST_F(DocumentLayoutTest, PageNumbersFromPageTwo) {
  const Pages pages = render(sample("nha-nuoc", "chi-thi", 14));
  ASSERT_GE(pages.pages.size(), 2u);
  const Profile* p = registry_->find("nha-nuoc", "", {2026, 2, 5});
  const double top_margin = pt(p->page.top);
  for (std::size_t n = 0; n < pages.pages.size(); ++n) {
    bool numbered = false;
    for (const TextItem& t : pages.pages[n].texts)
      if (t.baseline < top_margin && t.text == std::to_string(n + 1)) numbered = true;
    EXPECT_EQ(numbered, n >= 1) << "page " << n + 1;
  }
}

TEST_F(DocumentLayoutTest, SignatureNeverOpensAPageAlone) {
  // Grow the body one paragraph at a time so the signature falls at every position on a page.
  for (int paragraphs = 8; paragraphs <= 16; ++paragraphs) {
    const Pages pages = render(sample("dang", "chi-thi", paragraphs));
    const Page& last = pages.pages.back();
    const TextItem* signer = find_text(last, "Nguyễn Văn Minh");
    ASSERT_NE(signer, nullptr) << paragraphs;
    int body_lines_before = 0;
    std::set<double> baselines;
    for (const TextItem& t : last.texts)
      if (t.size == 14 && t.style == FontStyle::Regular && t.baseline < signer->baseline - 80) baselines.insert(t.baseline);
    body_lines_before = static_cast<int>(baselines.size());
    EXPECT_GE(body_lines_before, 2) << paragraphs << " paragraphs";
  }
}

TEST_F(DocumentLayoutTest, StateBodyEndsWithTheEndMark) {
  const Pages pages = render(sample("nha-nuoc", "chi-thi", 2));
  bool found = false;
  for (const TextItem& t : pages.pages.back().texts)
    found = found || t.text.ends_with("sinh hoạt./.");
  EXPECT_TRUE(found) << dump_pages(pages);
}

TEST_F(DocumentLayoutTest, TableHeaderRepeatsOnTheNextPage) {
  Document d = sample("dang", "bao-cao", 1);
  Block table;
  table.kind = Block::Kind::Table;
  TableRow header;
  for (const char* h : {"TT", "Đơn vị", "Số cuộc"}) header.cells.push_back({{{h, false, false}}, true, Align::Center, 1});
  table.table.rows.push_back(header);
  for (int i = 1; i <= 60; ++i) {
    TableRow row;
    row.cells.push_back({{{std::to_string(i), false, false}}, false, Align::Center, 1});
    row.cells.push_back({{{"Chi hội ấp " + std::to_string(i), false, false}}, false, Align::Left, 1});
    row.cells.push_back({{{"1.20" + std::to_string(i % 10), false, false}}, false, Align::Right, 1});
    table.table.rows.push_back(row);
  }
  d.body.push_back(table);
  const Pages pages = render(d);
  ASSERT_GE(pages.pages.size(), 2u);
  EXPECT_NE(find_text(pages.pages[0], "Số cuộc"), nullptr);
  EXPECT_NE(find_text(pages.pages[1], "Số cuộc"), nullptr);
}

TableRow row_of(std::vector<std::pair<std::string, int>> cells) {
  TableRow row;
  for (auto& [text, span] : cells) row.cells.push_back({{{text, false, false}}, false, Align::Left, span});
  return row;
}

// The monthly summary's table of cadres by agency: an agency's row spans the table and heads
// its members. Whatever the text before it, no page ends with such a row.
TEST_F(DocumentLayoutTest, AGroupRowIsNeverLastOnAPage) {
  Block table;
  table.kind = Block::Kind::Table;
  TableRow header;
  for (const char* h : {"STT", "Họ và tên, chức vụ", "Nơi sinh hoạt"})
    header.cells.push_back({{{h, false, false}}, true, Align::Center, 1});
  table.table.rows.push_back(header);
  for (int g = 1; g <= 12; ++g) {
    table.table.rows.push_back(row_of({{"Nhóm " + std::to_string(g), 3}}));
    for (int m = 1; m <= 3; ++m)
      table.table.rows.push_back(row_of({{std::to_string(m), 1}, {"Cán bộ " + std::to_string(m), 1}, {"Chi bộ ấp", 1}}));
  }
  int breaks_checked = 0;
  for (int paragraphs = 1; paragraphs <= 8; ++paragraphs) {
    Document d = sample("dang", "bao-cao", paragraphs);
    d.body.push_back(table);
    const Pages pages = render(d);
    for (std::size_t n = 0; n + 1 < pages.pages.size(); ++n) {
      // The lowest table text on the page must not be a group's heading.
      const TextItem* lowest = nullptr;
      for (const TextItem& t : pages.pages[n].texts)
        if ((t.text.rfind("Nhóm", 0) == 0 || t.text.rfind("Cán", 0) == 0 || t.text == "Chi bộ ấp" ||
             t.text.size() <= 2) && (!lowest || t.baseline > lowest->baseline))
          lowest = &t;
      if (!lowest) continue;
      ++breaks_checked;
      EXPECT_NE(lowest->text.rfind("Nhóm", 0), 0u) << paragraphs << " paragraphs, page " << n + 1;
    }
  }
  EXPECT_GE(breaks_checked, 8);
}

TEST(TableLayout, GroupRowsAndHeaderRowsKeepWithTheNextRow) {
  Table t;
  TableRow header = row_of({{"STT", 1}, {"Tổ chức", 1}, {"Số cuộc", 1}, {"Tỷ lệ", 1}});
  for (TableCell& c : header.cells) c.header = true;
  t.rows = {header,
            row_of({{"I", 1}, {"Theo tổ chức", 3}}),          // heads a group
            row_of({{"1", 1}, {"Đảng", 1}, {"10", 1}, {"87,64%", 1}}),
            row_of({{"Ban Dân vận Huyện ủy Long Hội", 4}}),  // heads a group
            row_of({{"1", 1}, {"Mặt trận", 1}, {"4", 1}, {"90,48%", 1}}),
            row_of({{"Cộng", 2}, {"14", 1}, {"88,00%", 1}}),  // totals: not a group
            row_of({{"Ghi chú cuối bảng", 4}})};              // last row: nothing to keep with
  TextStyle style;
  style.size = 13;
  const LaidOutTable laid = layout_table(t, style, 450, testing::shipped_fonts());
  EXPECT_EQ(laid.keep_with_next, (std::vector<bool>{true, true, false, true, false, false, false}));
  EXPECT_EQ(laid.rows.size(), t.rows.size());
}

// A5 booklet pages (the profile's <booklet>): the wider margin is always by the fold (left on
// odd pages, right on even ones), and each page number stays at least 8 mm from the top edge
// of the A4 sheet it is imposed on.
TEST_F(DocumentLayoutTest, BookletPagesHaveMirroredMarginsAndNumbersClearOfTheSheetEdge) {
  const Document d = sample("dang", "chi-thi", 16);
  Profile a5 = *registry_->find("dang", "", d.date);
  a5.page = a5.booklet.page;
  a5.page_numbers.from_top = a5.booklet.page_number_from_top;
  auto resolved = resolve(d, a5, 0);
  ASSERT_TRUE(resolved.ok());
  const Pages pages = layout_document(*resolved.value, *fonts_);
  ASSERT_GE(pages.pages.size(), 4u);
  const double inside = pt(Mm(20)), outside = pt(Mm(14)), width = pt(Mm(148));
  for (std::size_t n = 0; n < pages.pages.size(); ++n) {
    const bool odd = n % 2 == 0;  // page n + 1
    const double left = odd ? inside : outside, right = width - (odd ? outside : inside);
    double min_x = 1e9;
    for (const TextItem& t : pages.pages[n].texts) {
      min_x = std::min(min_x, t.x);
      EXPECT_LE(right_edge(t), right + 0.01) << "page " << n + 1 << ": " << t.text;
    }
    EXPECT_NEAR(min_x, left, 0.01) << "page " << n + 1;  // body lines start at the margin
  }

  const BookletSetup& b = a5.booklet;
  const Pages sheets = impose_booklet(pages, pt(b.sheet_width), pt(b.sheet_height));
  const FontFace& face = fonts_->face(FontStyle::Regular);
  int numbers = 0;
  for (const Page& side : sheets.pages)
    for (const TextItem& t : side.texts)
      if (t.size == a5.style(Element::PageNumber).size && t.baseline < pt(b.page.top)) {
        ++numbers;
        EXPECT_GE(t.baseline - face.ascent() * t.size, pt(Mm(8))) << t.text;
      }
  EXPECT_EQ(numbers, static_cast<int>(pages.pages.size()) - 1);  // every page but the first
}

// "Nơi nhận": a group of one line says its purpose in parentheses, without a brace; a wrapped
// entry hangs after "- "; "Ban Tuyên giáo và Dân vận Trung ương" fits on one line at 12 pt,
// alone and beside a brace.
TEST_F(DocumentLayoutTest, RecipientsHangFitAndSayAOneLinePurposeInWords) {
  Document d = sample("dang", "chi-thi", 1);
  d.recipients.entries = {
      {{"Ban Tuyên giáo và Dân vận Trung ương", "Văn phòng Trung ương Đảng"}, "Báo cáo"},
      {{"Thường trực Tỉnh ủy"}, "Báo cáo"},
      {{"Ban Tuyên giáo và Dân vận Trung ương"}, ""},
      {{"Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh và các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"}, ""}};
  const Pages pages = render(d);
  const Page& last = pages.pages.back();
  std::vector<const TextItem*> lines;
  for (const TextItem& t : last.texts)
    if (t.size == 12) lines.push_back(&t);
  std::vector<std::string> texts;
  for (const TextItem* t : lines) texts.push_back(t->text);
  auto at = [&](const std::string& text) -> const TextItem* {
    for (const TextItem* t : lines)
      if (t->text == text) return t;
    return nullptr;
  };
  const TextItem* tuyen_giao = at("- Ban Tuyên giáo và Dân vận Trung ương,");
  ASSERT_NE(tuyen_giao, nullptr) << ::testing::PrintToString(texts);
  EXPECT_NE(at("- Thường trực Tỉnh ủy (để báo cáo),"), nullptr) << ::testing::PrintToString(texts);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "- Ban Tuyên giáo và Dân vận Trung ương,"), 2);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "Báo cáo"), 1);  // one brace label: the group of two

  // The long entry wraps; its second line starts where the text after "- " does.
  const TextItem* first = nullptr;
  for (const TextItem* t : lines)
    if (t->text.rfind("- Các đồng chí", 0) == 0) first = t;
  ASSERT_NE(first, nullptr) << ::testing::PrintToString(texts);
  const TextItem* next = nullptr;
  for (const TextItem* t : lines)
    if (t->baseline > first->baseline && (!next || t->baseline < next->baseline)) next = t;
  ASSERT_NE(next, nullptr);
  const double hang = fonts_->face(FontStyle::Regular).text_width("- ", 12);
  EXPECT_NEAR(next->x, first->x + hang, 0.01) << next->text;
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

class GuideLayoutTest : public DocumentLayoutTest {};

// A booklet: cover, contents, three topics with a box of questions each, a notes page.
Document guide() {
  Document d;
  d.source_file = "guide.xml";
  d.layout = "hoi-nong-dan";
  d.type = "huong-dan";
  d.issuer = {"", "Ban Thường vụ Hội Nông dân tỉnh", "HNDT", ""};
  d.place = "Bình Minh";
  d.date = {2026, 10, 1};
  d.subject = "tài liệu sinh hoạt chi, tổ hội tháng 10 năm 2026";
  d.cover = {{CoverLine::Role::Organisation, "Hội Nông dân tỉnh Bình Minh"},
             {CoverLine::Role::Title, "Tài liệu sinh hoạt chi, tổ hội"},
             {CoverLine::Role::Subtitle, "Tháng 10 năm 2026"},
             {CoverLine::Role::Place, "Bình Minh, 2026"}};
  Block toc;
  toc.kind = Block::Kind::Toc;
  toc.title = "MỤC LỤC";
  d.body.push_back(toc);
  for (int topic = 1; topic <= 3; ++topic) {
    Block h;
    h.kind = Block::Kind::Heading;
    h.inlines = {{"Chuyên đề " + std::to_string(topic) + ". Nội dung sinh hoạt tháng", false, false}};
    d.body.push_back(h);
    for (int i = 0; i < 6 * topic; ++i) {
      Block p;
      p.inlines = {{"Hội viên trao đổi kinh nghiệm sản xuất, liên kết tiêu thụ nông sản, tiếp cận vốn vay "
                    "ưu đãi và tham gia xây dựng nông thôn mới ở ấp, khóm; chi hội ghi nhận kiến nghị để "
                    "báo cáo cấp trên.", false, false}};
      d.body.push_back(p);
    }
    Block box;
    box.kind = Block::Kind::Box;
    box.title = "Câu hỏi thảo luận";
    Block q;
    q.inlines = {{"Chi hội cần làm gì để hội viên tham gia sinh hoạt đều đặn hơn?", false, false}};
    box.blocks = {q, q};
    d.body.push_back(box);
  }
  Block notes;
  notes.kind = Block::Kind::Notes;
  notes.title = "GHI CHÉP";
  d.body.push_back(notes);
  return d;
}

TEST_F(GuideLayoutTest, ContentsGiveThePagesOfTheHeadings) {
  const Pages pages = render(guide());
  ASSERT_GE(pages.pages.size(), 5u);
  // Where does each heading really start?
  std::vector<int> actual;
  for (std::size_t n = 0; n < pages.pages.size(); ++n)
    for (const TextItem& t : pages.pages[n].texts)
      if (t.text.rfind("Chuyên", 0) == 0 && t.style == FontStyle::Bold) actual.push_back(static_cast<int>(n) + 1);
  ASSERT_EQ(actual.size(), 3u) << dump_pages(pages);
  // The contents page (page 2) lists them with those numbers at the right margin.
  const Page& contents = pages.pages[1];
  ASSERT_NE(find_text(contents, "MỤC LỤC"), nullptr);
  std::vector<int> listed;
  for (const TextItem& t : contents.texts)
    if (!t.text.empty() && std::isdigit(static_cast<unsigned char>(t.text[0])) && t.baseline > 80)
      listed.push_back(std::stoi(t.text));
  EXPECT_EQ(listed, actual);
  EXPECT_GT(actual.front(), 2);  // the body starts after the contents page
}

TEST_F(GuideLayoutTest, AContentsEntryFillsItsFirstLineAndHangsTheRest) {
  Document d = guide();
  // A little longer than a line: balanced, it would make two half lines.
  d.body[1].inlines = {
      {"Chuyên đề 1. Chung tay chăm lo cho người nghèo trong Tháng cao điểm “Vì người nghèo” năm 2026", false,
       false}};
  const Pages pages = render(d);
  const Page& contents = pages.pages.at(1);
  const TextItem* heading = find_text(contents, "MỤC LỤC");
  ASSERT_NE(heading, nullptr);
  // The entries' lines below the heading, by baseline, leaders left out.
  std::map<double, std::pair<double, double>> lines;  // baseline -> leftmost x, rightmost end
  for (const TextItem& t : contents.texts) {
    if (t.baseline <= heading->baseline || t.text.find_first_not_of('.') == std::string::npos) continue;
    const double end = t.x + fonts_->face(t.style).text_width(t.text, t.size);
    auto [it, added] = lines.try_emplace(t.baseline, t.x, end);
    if (!added) it->second = {std::min(it->second.first, t.x), std::max(it->second.second, end)};
  }
  ASSERT_GE(lines.size(), 2u) << dump_pages(pages);
  const auto first = lines.begin()->second;
  const auto second = std::next(lines.begin())->second;
  EXPECT_GT(second.first, first.first + 10) << "the lines after the first stand in";
  // Filled: the first line reaches to within a few words of the page numbers' column (40 pt),
  // where balanced lines would stop half-way.
  double right = 0;
  for (const auto& line : lines) right = std::max(right, line.second.second);
  EXPECT_GT(first.second, right - 40 - 0.2 * (right - first.first)) << dump_pages(pages);
}

TEST_F(GuideLayoutTest, CoverHasNoHeaderNorPageNumberAndNotesEndTheBooklet) {
  const Pages pages = render(guide());
  const Page& cover = pages.pages.front();
  EXPECT_NE(find_text(cover, "TÀI LIỆU SINH HOẠT CHI, TỔ HỘI"), nullptr) << dump_pages(pages);
  EXPECT_EQ(find_text(cover, "HỘI NÔNG DÂN VIỆT NAM"), nullptr);  // no official header
  EXPECT_EQ(find_text(cover, "1"), nullptr);
  const Page& last = pages.pages.back();
  EXPECT_NE(find_text(last, "GHI CHÉP"), nullptr);
  EXPECT_GT(last.paths.size(), 15u);  // ruled lines
}

}  // namespace
}  // namespace vanban
