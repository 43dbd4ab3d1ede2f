#include "html/html_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "html_dom.h"
#include "sample_documents.h"

namespace vanban {
namespace {

using test::Dom;
using Strings = std::vector<std::string>;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The children of element `i` that are elements, with their class attribute.
Strings child_classes(const Dom& dom, int i) {
  Strings out;
  for (int c : dom.node(i).children) {
    if (!dom.node(c).tag.empty()) out.push_back(dom.attribute(c, "class"));
  }
  return out;
}

class PartyDirective : public ::testing::Test {
 protected:
  Profile profile_ = test::party_profile();
  std::string html_ = write_html(test::party_directive(profile_));
  Dom dom_{html_};
};

TEST_F(PartyDirective, IsAWellFormedVietnamesePage) {
  EXPECT_TRUE(dom_.errors().empty()) << dom_.errors().front();
  EXPECT_EQ(html_.rfind("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0u);
  EXPECT_NE(html_.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"),
            std::string::npos);
  EXPECT_EQ(dom_.texts("title"),
            Strings{"Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận"});
  Strings metas;
  for (int m : dom_.find("meta")) {
    if (dom_.attribute(m, "name") != "<none>") {
      metas.push_back(dom_.attribute(m, "name") + "=" + dom_.attribute(m, "content"));
    }
  }
  EXPECT_EQ(metas, (Strings{"viewport=width=device-width, initial-scale=1",
                            "author=Tỉnh ủy Trà Vinh",
                            "description=về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận",
                            "keywords=dân vận, chỉ thị"}));
  EXPECT_EQ(lower(html_).find("<script"), std::string::npos);
  EXPECT_EQ(dom_.child_tags(dom_.first("div", "sheet")),
            (Strings{"header", "main", "footer"}));
}

TEST_F(PartyDirective, HeaderHasIssuerAndTitleColumnsThenNumberAndDate) {
  const int header = dom_.first("header", "doc-header");
  ASSERT_GE(header, 0);
  EXPECT_EQ(child_classes(dom_, header), (Strings{"issuer", "national", "number", "place-date"}));
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "issuer")),
            (Strings{"ĐẢNG BỘ TỈNH TRÀ VINH", "TỈNH ỦY", "*"}));
  // Party: no rule under the issuer (issuer-rule 0), one under the title, as long as it.
  EXPECT_TRUE(dom_.find("span", "rule", dom_.first("div", "issuer")).empty());
  const int title_rule = dom_.first("span", "rule", dom_.first("div", "national"));
  EXPECT_EQ(dom_.attribute(title_rule, "style"), "width:100%");
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "national")), Strings{"ĐẢNG CỘNG SẢN VIỆT NAM"});
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "number")), Strings{"Số 25-CT/TU"});
  const int date = dom_.first("p", {}, dom_.first("div", "place-date"));
  EXPECT_EQ(dom_.text(date), "Trà Vinh, ngày 17 tháng 5 năm 2023");
  EXPECT_EQ(dom_.attribute(date, "style"),
            "font-size:14pt;font-weight:normal;font-style:italic;text-decoration:none");
}

TEST_F(PartyDirective, TypeNameIsTheOnlyH1WithTheSubjectUnderIt) {
  EXPECT_EQ(dom_.texts("h1"), Strings{"CHỈ THỊ"});
  const int h1 = dom_.first("h1");
  EXPECT_EQ(dom_.node(dom_.node(h1).parent).tag, "hgroup");
  EXPECT_EQ(dom_.attribute(h1, "style"),
            "font-size:16pt;font-weight:bold;font-style:normal;text-decoration:none");
  const int subject = dom_.first("p", {}, dom_.first("hgroup"));
  EXPECT_EQ(dom_.text(subject), "về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận");
  EXPECT_EQ(dom_.attribute(dom_.first("span", "rule", subject), "style"), "width:20%");
}

TEST_F(PartyDirective, BodyKeepsRunsHeadingsAndTheProfileMarkers) {
  const int content = dom_.first("div", "content");
  EXPECT_EQ(dom_.texts("strong", {}, content), Strings{"Nghị quyết số 25-NQ/TW, ngày 03-6-2013"});
  EXPECT_EQ(dom_.texts("em", {}, content), Strings{"công tác dân vận"});
  EXPECT_EQ(dom_.texts("h2", {}, content), Strings{"I. NHIỆM VỤ TRỌNG TÂM"});
  EXPECT_EQ(dom_.texts("span", "marker", content),
            (Strings{"1.", "a)", "b)", "2.", "-", "-"}));
  // The marker opens its item's first paragraph, followed by a space.
  const int nested = dom_.find("ol", {}, content).at(1);
  EXPECT_EQ(dom_.node(dom_.node(nested).parent).tag, "li");
  EXPECT_EQ(dom_.texts("p", {}, nested),
            (Strings{"a) Quán triệt sâu rộng các nghị quyết, chỉ thị của Đảng.",
                     "b) Đưa nội dung dân vận vào chương trình hành động của cấp ủy."}));
  EXPECT_EQ(dom_.find("ul", {}, content).size(), 1u);
  EXPECT_NE(html_.find("ol,ul{list-style:none}"), std::string::npos);
}

TEST_F(PartyDirective, FooterHoldsSignatureThenRecipientsWithABracedGroup) {
  const int footer = dom_.first("footer", "doc-footer");
  ASSERT_GE(footer, 0);
  EXPECT_EQ(child_classes(dom_, footer), (Strings{"signature", "recipients"}));
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "signature")),
            (Strings{"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lâm Minh Đằng"}));
  const int recipients = dom_.first("div", "recipients");
  const int label = dom_.first("p", {}, recipients);
  EXPECT_EQ(dom_.text(label), "Nơi nhận:");
  EXPECT_EQ(dom_.attribute(label, "style"),
            "font-size:14pt;font-weight:normal;font-style:normal;text-decoration:underline");
  const int group = dom_.first("li", "group", recipients);
  EXPECT_EQ(dom_.texts("li", {}, group),
            (Strings{"- Ban Dân vận Trung ương,", "- Văn phòng Trung ương Đảng,"}));
  EXPECT_EQ(dom_.child_tags(group), (Strings{"ul", "span", "span"}));
  EXPECT_EQ(child_classes(dom_, group), (Strings{"<none>", "brace", "purpose"}));
  EXPECT_EQ(dom_.attribute(dom_.first("span", "brace", group), "aria-hidden"), "true");
  EXPECT_EQ(dom_.text(dom_.first("span", "purpose", group)), "Báo cáo");
  // Every line in order; the archive line last.
  const Strings lines = dom_.texts("li", {}, recipients);
  EXPECT_EQ(lines.back(), "- Lưu Văn phòng Tỉnh ủy.");
  EXPECT_EQ(lines.size(), 6u);  // the group's li, its two lines, three single entries
}

TEST_F(PartyDirective, StylesheetCarriesThePageAndBodyRules) {
  const std::string css = dom_.text(dom_.first("style"));
  EXPECT_NE(css.find("@page{size:210mm 297mm;margin:20mm 15mm 20mm 30mm;"), std::string::npos);
  EXPECT_NE(css.find("width:210mm;min-height:297mm;padding:20mm 15mm 20mm 30mm"),
            std::string::npos);
  EXPECT_NE(css.find("font-family:\"Vanban Serif\",\"Times New Roman\",\"Liberation Serif\",\"Tinos\",serif"),
            std::string::npos);
  // The face is Times New Roman if installed, else the shipped font beside the page.
  EXPECT_NE(css.find("@font-face{font-family:\"Vanban Serif\";src:local(\"Times New Roman Bold\"),"
                     "local(\"TimesNewRomanPS-BoldMT\"),url(fonts/LiberationSerif-Bold.ttf) format(\"truetype\");"
                     "font-weight:bold;font-style:normal}"),
            std::string::npos);
  EXPECT_NE(css.find(".content{text-align:justify;line-height:1.3;font-size:14pt;"),
            std::string::npos);
  EXPECT_NE(css.find(".content p,.content h2,.content h3{text-indent:10mm;margin-bottom:6pt}"),
            std::string::npos);
  EXPECT_NE(css.find("grid-template-columns:minmax(0,calc(50% - 1mm)) minmax(0,calc(50% - 1mm));margin-bottom:18pt"),
            std::string::npos);
  EXPECT_NE(css.find(".signing-space{height:25mm}"), std::string::npos);
  EXPECT_NE(css.find(".recipients ul{font-size:12pt;"), std::string::npos);
}

TEST_F(PartyDirective, OutputIsDeterministic) {
  const ResolvedDocument copy = test::party_directive(profile_);
  EXPECT_EQ(write_html(copy), html_);
  EXPECT_EQ(write_html(copy), write_html(copy));
}

// Printed from Chromium (margin boxes since v131): the page number in the top margin from page
// 2, the profile's size; no stranded lines; a heading never ends a page.
TEST_F(PartyDirective, PrintedPagesCarryTheirNumberFromPageTwo) {
  const std::string css = dom_.text(dom_.first("style"));
  EXPECT_NE(css.find("@top-center{content:counter(page);vertical-align:bottom;padding-bottom:10mm;"
                     "font-size:14pt;font-weight:normal"),
            std::string::npos)
      << css.substr(0, 300);
  EXPECT_NE(css.find("@page:first{@top-center{content:none}}"), std::string::npos);
  EXPECT_NE(css.find("orphans:2;widows:2"), std::string::npos);
  EXPECT_NE(css.find(".content h2,.content h3{break-after:avoid;break-inside:avoid}"), std::string::npos);
  EXPECT_NE(css.find("tr{break-inside:avoid}"), std::string::npos);
  // What layout never splits moves whole to the next line; the rule under the subject keeps 6 pt
  // from it.
  EXPECT_NE(css.find(".nb{display:inline-block;vertical-align:top}"), std::string::npos);
  EXPECT_NE(css.find("hgroup .rule{margin-top:6pt}"), std::string::npos);
}

// The browser may wrap the place-date line as the PDF does ("Thành phố Hồ Chí Minh, / ngày ..."),
// never inside the date or a name.
TEST_F(PartyDirective, HeaderLinesWrapOnlyBetweenWhatLayoutKeepsTogether) {
  ResolvedDocument d = test::party_directive(profile_);
  auto keep = std::make_shared<text::KeepTogether>();
  keep->add_phrase("Hồ Chí Minh");
  d.keep_together = keep;
  d.place_date.text = "Thành phố Hồ Chí Minh, ngày 07 tháng 12 năm 2026";
  const Dom dom(write_html(d));
  const Strings kept = dom.texts("span", "nb", dom.first("div", "place-date"));
  EXPECT_NE(std::find(kept.begin(), kept.end(), "Hồ Chí Minh,"), kept.end()) << ::testing::PrintToString(kept);
  EXPECT_NE(std::find(kept.begin(), kept.end(), "ngày 07 tháng 12 năm 2026"), kept.end())
      << ::testing::PrintToString(kept);
}

// An issuer line breaks where the PDF's header broke it (ResolvedDocument::issuer_breaks), not
// where the browser's balancing would ("ỦY BAN MTTQ / VIỆT NAM TỈNH TRƯỜNG GIANG"); a line the
// PDF set whole has no break.
TEST_F(PartyDirective, IssuerLinesBreakWhereThePdfBrokeThem) {
  ResolvedDocument d = test::party_directive(profile_);
  ASSERT_EQ(d.issuer_lines.size(), 2u);
  d.issuer_lines[0].text = "ỦY BAN MTTQ VIỆT NAM TỈNH TRƯỜNG GIANG";
  d.issuer_breaks = {{"ỦY BAN MTTQ VIỆT NAM", "TỈNH TRƯỜNG GIANG"}, {d.issuer_lines[1].text}};
  const std::string html = write_html(d);
  EXPECT_NE(html.find(">ỦY BAN MTTQ VIỆT NAM<br>TỈNH TRƯỜNG GIANG</p>"), std::string::npos) << html.substr(0, 3000);
  EXPECT_EQ(html.find("<br>", html.find("<br>") + 1), std::string::npos);
}

// The markers and the contents come from the resolved document, not from the writer.
TEST_F(PartyDirective, ListMarkersAreTheResolvedOnes) {
  ResolvedDocument d = test::party_directive(profile_);
  d.body[2].items[0].marker = "(i)";
  const Dom dom(write_html(d));
  EXPECT_EQ(dom.texts("span", "marker", dom.first("div", "content")),
            (Strings{"(i)", "a)", "b)", "2.", "-", "-"}));
}

// "Nơi nhận": the item prefix stands in a box of its own, so that a wrapped line hangs after it.
TEST_F(PartyDirective, RecipientLinesHangAfterTheirPrefix) {
  const int recipients = dom_.first("div", "recipients");
  const std::vector<int> prefixes = dom_.find("span", "item-prefix", recipients);
  ASSERT_EQ(prefixes.size(), 5u);
  for (int p : prefixes) EXPECT_EQ(dom_.text(p), "- ");
  EXPECT_NE(html_.find(".recipients li:not(.group){display:flex}"), std::string::npos);
  EXPECT_NE(html_.find(".item-prefix{flex:none;white-space:pre}"), std::string::npos);
}

// The test directive whose body is one table: a header row, a group's heading row spanning the
// three columns, then `rows`.
ResolvedDocument directive_with_group_table(const Profile& profile, std::vector<TableRow> rows) {
  ResolvedDocument d = test::party_directive(profile);
  Block table;
  table.kind = Block::Kind::Table;
  table.table.rows = {{{test::cell("STT", true), test::cell("Họ và tên", true), test::cell("Nơi sinh hoạt", true)}},
                      {{test::cell("Ban Dân vận Huyện ủy Long Hội", false, Align::Left, 3)}}};
  table.table.rows.insert(table.table.rows.end(), rows.begin(), rows.end());
  d.body = {table};
  return d;
}

// A group's heading row (spanning the table) carries a class that keeps it with its first
// member when printed; a totals row does not.
TEST(HtmlTable, GroupHeadingRowsStayWithTheirFirstMember) {
  const Profile profile = test::party_profile();
  const ResolvedDocument d =
      directive_with_group_table(profile, {{{test::cell("1"), test::cell("Trần Văn A"), test::cell("Chi bộ ấp 1")}},
                                           {{test::cell("Cộng", false, Align::Center, 2), test::cell("1")}}});
  const std::string html = write_html(d);
  const Dom dom(html);
  std::vector<std::string> classes;
  for (int tr : dom.find("tr", {}, dom.first("tbody"))) classes.push_back(dom.attribute(tr, "class"));
  EXPECT_EQ(classes, (Strings{"group-head", "<none>", "<none>"}));
  EXPECT_NE(html.find("tr.group-head{break-after:avoid}"), std::string::npos);
}

// Layout defect 3 (layout11): the browser's column widths did not weigh soft phrases, so
// "phường / Tân Định Thượng" split in a narrow cell. The cells of a column whose soft phrases the
// PDF keeps whole (ResolvedDocument::tables) carry "keep", which keeps every kept
// phrase in them on one line, except on a phone; a cell spanning columns does not.
TEST(HtmlTable, ColumnsWhoseSoftPhrasesThePdfKeepsWholeKeepThemOnOneLine) {
  const Profile profile = test::party_profile();
  ResolvedDocument d = directive_with_group_table(
      profile, {{{test::cell("1", false, Align::Center), test::cell("Trần Văn A"),
                  test::cell("Chi hội Phụ nữ khu phố 3, phường Tân Định Thượng")}}});
  d.tables = {{13, 0, {0, 30, 200, 460}, {false, false, true}}};
  const std::string html = write_html(d);
  const Dom dom(html);
  std::vector<std::string> classes;
  for (int cell : dom.find("td", {}, dom.first("tbody"))) classes.push_back(dom.attribute(cell, "class"));
  EXPECT_EQ(classes, (Strings{"<none>", "al-c", "<none>", "keep"}));
  std::vector<std::string> head;
  for (int cell : dom.find("th", {}, dom.first("thead"))) head.push_back(dom.attribute(cell, "class"));
  EXPECT_EQ(head, (Strings{"<none>", "<none>", "keep"}));
  EXPECT_NE(html.find(".keep .nb{white-space:nowrap}"), std::string::npos);
  EXPECT_NE(html.find("@media screen and (max-width:480px){"), std::string::npos);
  EXPECT_NE(html.find(".keep .nb.soft{white-space:normal}}"), std::string::npos);
}

class StateLetter : public ::testing::Test {
 protected:
  Profile profile_ = test::state_profile();
  std::string html_ = write_html(test::state_letter(profile_));
  Dom dom_{html_};
};

TEST_F(StateLetter, HeaderHasTheIssuerRuleSubjectAndBoxedUrgency) {
  EXPECT_TRUE(dom_.errors().empty()) << dom_.errors().front();
  const int issuer = dom_.first("div", "issuer");
  EXPECT_EQ(dom_.texts("p", {}, issuer), (Strings{"ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", "SỞ NỘI VỤ"}));
  EXPECT_EQ(dom_.attribute(dom_.first("span", "rule", issuer), "style"), "width:40%");
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "national")),
            (Strings{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}));
  // The rule is under the motto, the last title line.
  const int motto = dom_.find("p", {}, dom_.first("div", "national")).at(1);
  EXPECT_GE(dom_.first("span", "rule", motto), 0);
  const int number = dom_.first("div", "number");
  EXPECT_EQ(dom_.texts("p", {}, number),
            (Strings{"Số: 1234/SNV-VP",
                     "V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư", "KHẨN"}));
  EXPECT_EQ(dom_.texts("span", "box", number), Strings{"KHẨN"});
  EXPECT_NE(html_.find("grid-template-columns:minmax(0,calc(40% - 1mm)) minmax(0,calc(60% - 1mm))"),
            std::string::npos);
}

TEST_F(StateLetter, HasAHiddenH1WithTheLetterSubjectAndNoTypeName) {
  EXPECT_EQ(dom_.texts("h1"),
            Strings{"V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư"});
  EXPECT_EQ(dom_.attribute(dom_.first("h1"), "class"), "vh");
  EXPECT_TRUE(dom_.find("hgroup").empty());
  // In <main>, before the "Kính gửi:" block and the body.
  const int main = dom_.first("main");
  EXPECT_EQ(dom_.child_tags(main), (Strings{"h1", "div", "div"}));
  EXPECT_EQ(child_classes(dom_, main), (Strings{"vh", "to", "content"}));
}

TEST_F(StateLetter, AddressBlockListsEveryAddressee) {
  const int to = dom_.first("div", "to");
  EXPECT_EQ(dom_.text(dom_.first("p", {}, to)), "Kính gửi:");
  EXPECT_EQ(dom_.texts("li", {}, to),
            (Strings{"- Các sở, ban, ngành tỉnh;",
                     "- Ủy ban nhân dân các huyện, thị xã, thành phố."}));
}

TEST_F(StateLetter, TableHasAHeadRowOfColumnHeadersAndAlignedBodyCells) {
  const int table = dom_.first("table");
  ASSERT_GE(table, 0);
  // A phone narrower than the table scrolls the table's own box, never the page.
  const int box = dom_.node(table).parent;
  EXPECT_EQ(dom_.attribute(box, "class"), "table-scroll");
  EXPECT_EQ(dom_.attribute(box, "role"), "region");
  EXPECT_NE(html_.find(".table-scroll{max-width:100%;overflow-x:auto}"), std::string::npos);
  EXPECT_EQ(dom_.child_tags(table), (Strings{"colgroup", "thead", "tbody"}));
  Strings widths;
  for (int col : dom_.find("col", {}, table)) widths.push_back(dom_.attribute(col, "style"));
  EXPECT_EQ(widths, (Strings{"width:50%", "width:25%", "width:25%"}));
  const int head = dom_.first("thead", {}, table);
  EXPECT_EQ(dom_.texts("th", {}, head), (Strings{"Đơn vị", "Số văn bản", "Tỷ lệ"}));
  for (int th : dom_.find("th", {}, head)) EXPECT_EQ(dom_.attribute(th, "scope"), "col");
  const int body = dom_.first("tbody", {}, table);
  EXPECT_TRUE(dom_.find("th", {}, body).empty());
  EXPECT_EQ(dom_.find("tr", {}, body).size(), 3u);
  EXPECT_EQ(dom_.texts("td", "al-r", body),
            (Strings{"1.204", "87,39%", "352", "12,61%", "100%"}));
  const int total = dom_.first("td", "al-c", body);
  EXPECT_EQ(dom_.text(total), "Tổng cộng");
  EXPECT_EQ(dom_.attribute(total, "colspan"), "2");
}

TEST_F(StateLetter, NestedListsUseTheProfileMarkerOfTheirDepth) {
  const int content = dom_.first("div", "content");
  EXPECT_EQ(dom_.texts("span", "marker", content),
            (Strings{"1.", list_marker(profile_, false, 1, 0), list_marker(profile_, false, 1, 1),
                     "2."}));
  EXPECT_EQ(dom_.texts("p", {}, content).back(),
            "Đề nghị các cơ quan, đơn vị quan tâm thực hiện./.");
}

TEST_F(StateLetter, RecipientsOpenWithAsAboveAndEndWithTheArchive) {
  const int footer = dom_.first("footer");
  EXPECT_EQ(child_classes(dom_, footer), (Strings{"signature", "recipients"}));
  EXPECT_EQ(dom_.texts("p", {}, dom_.first("div", "signature")),
            (Strings{"TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"}));
  const int recipients = dom_.first("div", "recipients");
  EXPECT_EQ(dom_.attribute(dom_.first("p", {}, recipients), "style"),
            "font-size:12pt;font-weight:bold;font-style:italic;text-decoration:none");
  const Strings lines = dom_.texts("li", {}, recipients);
  EXPECT_EQ(lines.front(), "- Như trên;");
  EXPECT_EQ(lines.back(), "- Lưu: VT, VP.");
  const int group = dom_.first("li", "group", recipients);
  EXPECT_EQ(dom_.texts("li", {}, group).size(), 3u);
  EXPECT_EQ(dom_.text(dom_.first("span", "purpose", group)), "(để báo cáo)");
  EXPECT_NE(html_.find(".recipients ul{font-size:11pt;"), std::string::npos);
  EXPECT_NE(html_.find("text-indent:12.7mm"), std::string::npos);
}

// Every field a document can fill, set to strings that try to close the element or the
// attribute they land in.
constexpr const char* kHostile[] = {
    "</title><script>alert(1)</script>",
    "\" onload=\"x",
    "' onmouseover='y",
    "<img src=x onerror=alert(2)>",
    "</style><script>alert(3)</script>",
    "&lt;b&gt; & <!-- -->",
};

ResolvedDocument hostile_document(const Profile& profile, const std::string& s) {
  ResolvedDocument d = test::state_letter(profile);
  TextStyle plain;
  for (StyledText* t : {&d.issuer_mark, &d.number, &d.letter_subject, &d.urgency, &d.secrecy,
                        &d.place_date, &d.type_name, &d.subject, &d.address_label, &d.role, &d.signer, &d.recipients_label}) {
    *t = {s, plain};
  }
  d.issuer_lines = {{s, plain}};
  d.authority = {{s, plain}, {s, plain}};
  d.title_lines = {{s, plain}, {s, plain}};
  d.addresses = {{s, plain}};
  d.info = {s, s, s, s, 0};
  d.recipients = {{{s, s}, s}, {{s}, ""}};
  Block para = test::paragraph(Inlines{{s, true, false}, {s, false, true}, {s}});
  Block table;
  table.kind = Block::Kind::Table;
  table.table.rows = {{{test::cell(s, true)}}, {{test::cell(s)}}};
  d.body = {para, test::heading(s), test::list(Block::Kind::OrderedList, {{para}}), table};
  test::finish(d);
  return d;
}

class Hostile : public ::testing::TestWithParam<const char*> {};

TEST_P(Hostile, NoFieldCanInjectMarkup) {
  const Profile profile = test::state_profile();
  const std::string s = GetParam();
  const std::string html = write_html(hostile_document(profile, s));
  EXPECT_EQ(lower(html).find("<script"), std::string::npos);
  EXPECT_EQ(lower(html).find("<img"), std::string::npos);
  EXPECT_EQ(html.find("onload=\""), std::string::npos);
  EXPECT_EQ(html.find("onmouseover='"), std::string::npos);

  const Dom dom(html);
  EXPECT_TRUE(dom.errors().empty()) << dom.errors().front();
  const std::set<std::string> allowed_tags = {
      "html", "head", "meta", "title", "style", "body", "div", "header", "main", "footer",
      "hgroup", "h1", "h2", "p", "span", "strong", "em", "ol", "ul", "li", "table",
      "thead", "tbody", "tr", "th", "td", "nav", "a", "aside", "section"};
  for (const auto& tag : dom.tags()) EXPECT_TRUE(allowed_tags.count(tag)) << tag;
  const std::set<std::string> allowed_attributes = {"lang", "charset", "name", "content",
                                                    "class", "style", "scope", "aria-hidden", "id", "href",
                                                    "role", "tabindex"};
  std::vector<int> stack = {0};
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    for (const auto& [name, value] : dom.node(n).attributes) {
      EXPECT_TRUE(allowed_attributes.count(name)) << name << " on <" << dom.node(n).tag << ">";
    }
    for (int c : dom.node(n).children) stack.push_back(c);
  }

  // Each string comes back exactly as written, as text and as attribute value.
  EXPECT_EQ(dom.texts("title"), Strings{s});
  EXPECT_EQ(dom.texts("h1"), Strings{s});
  EXPECT_EQ(dom.texts("strong"), (Strings{s, s}));
  EXPECT_EQ(dom.texts("th"), Strings{s});
  EXPECT_EQ(dom.texts("td"), Strings{s});
  EXPECT_EQ(dom.text(dom.first("span", "purpose")), s);
  int author = -1;
  for (int m : dom.find("meta")) {
    if (dom.attribute(m, "name") == "author") author = m;
  }
  EXPECT_EQ(dom.attribute(author, "content"), s);
}

INSTANTIATE_TEST_SUITE_P(Strings, Hostile, ::testing::ValuesIn(kHostile));

}  // namespace
}  // namespace vanban
