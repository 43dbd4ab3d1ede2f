#include "serve/draft_markup.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "input/draft_reader.h"
#include "output/file_bytes.h"
#include "serve/draft_json.h"
#include "serve/draft_render.h"

namespace vanban::serve {
namespace {

const std::filesystem::path kSource = VANBAN_SOURCE_DIR;

const Engine& engine() {
  static const Result<Engine> loaded = Engine::load({kSource.string(), (kSource / "fonts").string(), std::nullopt});
  return *loaded.value;
}

Draft dispatch() {
  Draft d;
  d.layout = "dang";
  d.type = "cong-van";
  d.urgency = "Khẩn";
  d.issuer = {"", "Tỉnh ủy Trường Giang", "TU", ""};
  d.place = "Trường Giang";
  d.date = "2026-05-20";
  d.subject = "về việc chấn chỉnh sinh hoạt chi bộ";
  d.to = {"Các đảng ủy trực thuộc", "Ban Tuyên giáo và Dân vận"};
  d.body = {{DraftBlock::Kind::Heading, "I. Tình hình", {}, {}},
            {DraftBlock::Kind::Paragraph, "Có **bệnh hình thức** & *chậm* <báo cáo>.", {}, {}},
            {DraftBlock::Kind::NumberedList, {}, {"Kiểm tra biên bản.", "Báo cáo **trước** ngày 10."}, {}},
            {DraftBlock::Kind::BulletList, {}, {"Một ý."}, {}},
            {DraftBlock::Kind::Table, {}, {}, {{"Đơn vị", "Số chi bộ"}, {"Xã A", "12"}}}};
  d.signature = {{"T/M Ban Thường vụ"}, "Phó Bí thư", "Lê Hoàng Phúc"};
  d.recipients = {{"", {"Như kính gửi"}}, {"Báo cáo", {"Thường trực Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"}}};
  d.archive = "Văn phòng Tỉnh ủy";
  return d;
}

TEST(DraftMarkup, ReadsBackAsTheSameDraft) {
  const Draft d = dispatch();
  const DraftMarkup m = draft_to_markup(d);
  const Result<Draft> back = read_draft(m.xml, "d.xml");
  ASSERT_TRUE(back.ok()) << (back.errors.empty() ? "" : back.errors[0].to_string());
  EXPECT_EQ(*back.value, d);
  EXPECT_NE(m.xml.find("<p>Có <b>bệnh hình thức</b> &amp; <i>chậm</i> &lt;báo cáo&gt;.</p>"), std::string::npos) << m.xml;
}

TEST(DraftMarkup, IsAValidDocumentThatRenders) {
  const DraftRender r = render_draft(engine(), dispatch(), "content/drafts/d.xml", {.pdf = true, .html = false, .svg = true});
  ASSERT_TRUE(r.rendered) << (r.problems.empty() ? "" : r.problems[0].diagnostic.to_string());
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.rendered->find("pdf")->bytes.substr(0, 5), "%PDF-");
  const Output* svg = r.rendered->find("svg");
  ASSERT_NE(svg, nullptr);
  EXPECT_EQ(svg->pages, r.rendered->find("pdf")->pages);
  EXPECT_NE(svg->bytes.find(">Lê Hoàng Phúc</text>"), std::string::npos);
}

TEST(DraftMarkup, EachRuleBrokenPointsAtItsField) {
  Draft d = dispatch();
  d.date = "2026-5-20";
  d.signature.signer.clear();
  d.body[2].items[1] = "Chữ không vẽ được: \u4E2D.";
  const DraftRender r = render_draft(engine(), d, "content/drafts/d.xml", {.pdf = true});
  EXPECT_FALSE(r.rendered);
  ASSERT_FALSE(r.problems.empty());
  std::vector<std::string> fields;
  for (const FieldDiagnostic& p : r.problems) {
    EXPECT_EQ(p.diagnostic.file, "content/drafts/d.xml");
    EXPECT_GT(p.diagnostic.line, 0);
    fields.push_back(p.field);
  }
  // The schema reports what it finds first; each message names its own line.
  EXPECT_EQ(fields.front(), "date") << r.problems.front().diagnostic.to_string();
  d.date = "2026-05-20";
  const DraftRender second = render_draft(engine(), d, "content/drafts/d.xml", {.pdf = true});
  ASSERT_FALSE(second.problems.empty());
  bool signer = false, item = false;
  for (const FieldDiagnostic& p : second.problems) {
    signer = signer || p.field == "signature.signer";
    item = item || p.field == "body.2.items.1";
  }
  d.signature.signer = "Lê Hoàng Phúc";
  const DraftRender third = render_draft(engine(), d, "content/drafts/d.xml", {.pdf = true});
  for (const FieldDiagnostic& p : third.problems) item = item || p.field == "body.2.items.1";
  EXPECT_TRUE(signer);
  EXPECT_TRUE(item);
}

// The subject, "Kính gửi", "Nơi nhận" and "Lưu" are printed in the layout's own style: marks the
// body would read as bold or italic are a problem at their field, never asterisks on the page.
// A lone asterisk is text.
TEST(DraftMarkup, BoldOrItalicMarksInALineOfFixedStyleAreAProblemAtTheirField) {
  Draft d = dispatch();
  d.subject = "về **sinh hoạt** chi bộ";
  d.to[1] = "Ban *Tuyên giáo* và Dân vận";
  d.recipients[1].purpose = "**Báo cáo**";
  d.archive = "VT*";
  const DraftMarkup m = draft_to_markup(d);
  ASSERT_EQ(m.styled_plain_lines.size(), 3u);
  const std::vector<std::string> lines = [&] {
    std::vector<std::string> out;
    for (std::size_t at = 0, end; (end = m.xml.find('\n', at)) != std::string::npos; at = end + 1) out.push_back(m.xml.substr(at, end - at));
    return out;
  }();
  for (const MarkProblem& p : m.styled_plain_lines) {
    ASSERT_GT(p.line, 0);
    EXPECT_EQ(lines[p.line - 1].substr(p.column - 1, 1), p.field == "subject" ? "v" : p.field == "to.1" ? "B" : "*")
        << lines[p.line - 1];
    EXPECT_EQ(m.field_of_line(p.line), p.field);
  }
  EXPECT_EQ(m.styled_plain_lines[0].field, "subject");
  EXPECT_EQ(m.styled_plain_lines[1].field, "to.1");
  EXPECT_EQ(m.styled_plain_lines[2].field, "recipients.1.purpose");

  const DraftRender r = render_draft(engine(), d, "content/drafts/d.xml", {.svg = true});
  EXPECT_FALSE(r.rendered);  // nothing to show with asterisks in it
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].field, "subject");
  EXPECT_EQ(r.problems[0].diagnostic.file, "content/drafts/d.xml");
  EXPECT_NE(r.problems[0].diagnostic.message.find("không in đậm hay nghiêng"), std::string::npos);

  d.subject = "về sinh hoạt chi bộ";
  d.to[1] = "Ban Tuyên giáo và Dân vận";
  d.recipients[1].purpose = "Báo cáo";
  EXPECT_TRUE(render_draft(engine(), d, "content/drafts/d.xml", {.svg = true}).rendered);  // "VT*" is text
}

TEST(DraftMarkup, ASampleImportsAndRendersAlike) {
  const std::string bytes = *read_file_bytes((kSource / "content/documents/cong-van-dang.xml").string());
  const Result<Draft> d = read_draft(bytes, "cong-van-dang.xml");
  ASSERT_TRUE(d.ok()) << d.errors[0].to_string();
  EXPECT_EQ(d.value->number, "1052");
  EXPECT_EQ(d.value->body[3].kind, DraftBlock::Kind::NumberedList);
  EXPECT_NE(d.value->body[1].text.find("**bệnh hình thức**"), std::string::npos);
  const DraftRender r = render_draft(engine(), *d.value, "x.xml", {.pdf = true});
  ASSERT_TRUE(r.rendered);
  const Result<ResolvedDocument> original = engine().resolve_bytes(bytes, "x.xml");
  EXPECT_EQ(r.rendered->find("pdf")->pages, engine().render(*original.value, {.pdf = true}).value->find("pdf")->pages);
}

TEST(DraftMarkup, WhatThePageCannotEditIsRefusedWithItsPlace) {
  const std::string chart =
      "<document layout=\"dang\" type=\"bao-cao\"><issuer><name>A</name><code>B</code></issuer>\n"
      "<body>\n  <chart title=\"t\"><bar label=\"a\" value=\"1\"/></chart></body></document>";
  const Result<Draft> d = read_draft(chart, "c.xml");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.errors[0].to_string(), "c.xml:3:3: <chart> cannot be edited on the compose page; edit this file in a text editor");
  EXPECT_FALSE(read_draft("<document><p>", "bad.xml").ok());
  EXPECT_FALSE(read_draft("<document layout=\"dang\" type=\"x\">\xC3\x28</document>", "u.xml").ok());
}

TEST(DraftJson, RoundTripsAndRefusesUnknownFields) {
  const Draft d = dispatch();
  const Result<Draft> back = draft_from_json(draft_to_json(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back.value, d);

  nlohmann::json j = draft_to_json(d);
  j["body"][1]["colour"] = "red";
  const Result<Draft> unknown = draft_from_json(j);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.errors[0].message, "draft.body.1: unknown field 'colour'");
  j = draft_to_json(d);
  j["number"] = "12a";
  EXPECT_FALSE(draft_from_json(j).ok());
  j = draft_to_json(d);
  j["to"] = "x";
  EXPECT_FALSE(draft_from_json(j).ok());
  EXPECT_FALSE(parse_json_body("{\"subject\": \"\xC3\x28\"}").ok());
  EXPECT_TRUE(parse_json_body("{\"subject\": \"Trường\"}").ok());
}

}  // namespace
}  // namespace vanban::serve
