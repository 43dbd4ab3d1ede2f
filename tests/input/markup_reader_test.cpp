#include "input/markup_reader.h"

#include <gtest/gtest.h>

#include "growth.h"
#include "input_test_util.h"
#include "text/unicode.h"

namespace vanban {
namespace {

using testing::all;

ReadOptions options() {
  ReadOptions o;
  o.schema_path = testing::document_schema();
  o.can_draw = testing::draws_no_cjk;
  o.font_name = "Liberation Serif";
  return o;
}

// Every element of the markup, with odd white space and nested styles; the -nfd copy holds the
// same text decomposed (NFD).
const std::string kFull =
    testing::read_bytes(testing::source_path("tests/input/full-document.xml"));
const std::string kFullNfd =
    testing::read_bytes(testing::source_path("tests/input/full-document-nfd.xml"));

Document read_ok(const std::string& bytes) {
  Result<Document> r = read_document_bytes(bytes, "full.xml", options());
  EXPECT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  return r.ok() ? *r.value : Document{};
}

Inlines runs(std::initializer_list<TextRun> list) { return Inlines(list); }

TEST(MarkupReader, ReadsEveryHeaderField) {
  const Document d = read_ok(kFull);
  EXPECT_EQ(d.source_file, "full.xml");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.layout, "dang");
  EXPECT_EQ(d.type, "cong-van");
  EXPECT_EQ(d.edition, "36-HD/VPTW");
  EXPECT_EQ(d.keywords, (std::vector<std::string>{"sinh hoạt", "chi hội"}));
  EXPECT_EQ(d.secrecy, "Mật");
  EXPECT_EQ(d.urgency, "Khẩn");
  EXPECT_EQ(d.issuer.parent, "Đảng bộ tỉnh Trà Vinh");
  EXPECT_EQ(d.issuer.name, "Tỉnh ủy Trà Vinh");  // white space collapsed and trimmed
  EXPECT_EQ(d.issuer.code, "TU");
  EXPECT_EQ(d.issuer.unit, "VP");
  EXPECT_EQ(d.number, "431");
  EXPECT_EQ(d.place, "Trà Vinh");
  EXPECT_EQ(d.date, (CivilDate{2023, 5, 17}));
  EXPECT_EQ(d.subject, "uốn nắn việc sinh hoạt với chi, tổ hội");
  EXPECT_EQ(d.to, (std::vector<std::string>{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                                            "Các huyện ủy, thị ủy, thành ủy"}));
  EXPECT_EQ(d.signature.authority, std::vector<std::string>{"T/M Ban Thường vụ"});
  EXPECT_EQ(d.signature.role, "Phó Bí thư");
  EXPECT_EQ(d.signature.signer, "Lâm Minh Đằng");
  ASSERT_EQ(d.recipients.entries.size(), 2u);
  EXPECT_EQ(d.recipients.entries[0].purpose, "Báo cáo");
  EXPECT_EQ(d.recipients.entries[0].names,
            (std::vector<std::string>{"Ban Dân vận Trung ương", "Văn phòng Trung ương Đảng"}));
  EXPECT_EQ(d.recipients.entries[1].purpose, "");
  EXPECT_EQ(d.recipients.entries[1].names, (std::vector<std::string>{"Các ban Đảng, UBKT"}));
  EXPECT_EQ(d.recipients.archive, "Văn phòng Tỉnh ủy");
}

TEST(MarkupReader, ReadsAnUnnumberedDocumentAndRefusesANumberBesideIt) {
  std::string doc = kFull;
  const std::size_t at = doc.find("<number>431</number>");
  ASSERT_NE(at, std::string::npos);
  doc.replace(at, std::string("<number>431</number>").size(), "<unnumbered/>");
  const Document d = read_ok(doc);
  EXPECT_TRUE(d.unnumbered);
  EXPECT_EQ(d.number, "");
  EXPECT_FALSE(read_ok(kFull).unnumbered);
  doc.replace(doc.find("<unnumbered/>"), 13, "<unnumbered/><number>431</number>");
  const Result<Document> both = read_document_bytes(doc, "both.xml", options());
  EXPECT_FALSE(both.ok());
}

TEST(MarkupReader, ReadsInlineStylesQuotesAndPercentages) {
  const Document d = read_ok(kFull);
  ASSERT_EQ(d.body.size(), 5u);
  const Block& p = d.body[0];
  EXPECT_EQ(p.kind, Block::Kind::Paragraph);
  EXPECT_EQ(p.source_line, 22);
  EXPECT_GT(p.source_column, 1);  // the start tag is indented
  EXPECT_EQ(p.inlines, runs({{"Văn bản có ", false, false},
                             {"chữ đậm", true, false},
                             {", ", false, false},
                             {"chữ nghiêng", false, true},
                             {" và \u201Ctrích dẫn\u201D; đạt 87,39% kế hoạch.", false, false}}));
  const Block& h = d.body[1];
  EXPECT_EQ(h.kind, Block::Kind::Heading);
  EXPECT_EQ(h.source_line, 26);
  EXPECT_EQ(
      h.inlines,
      runs({{"I. Tình hình ", false, false}, {"chung ", true, false}, {"và riêng", true, true}}));
}

TEST(MarkupReader, ReadsCdataAndStyledQuotes) {
  std::string bytes = kFull;
  const std::string h = "<h>I. Tình hình <b>chung <i>và riêng</i></b></h>";
  bytes.replace(
      bytes.find(h), h.size(),
      "<h><![CDATA[a < b]]> và <b><q>c</q></b><pct num=\"1\" den=\"3\" decimals=\"1\"/></h>");
  const Document d = read_ok(bytes);
  EXPECT_EQ(
      d.body[1].inlines,
      runs({{"a < b và ", false, false}, {"\u201Cc\u201D", true, false}, {"33,3%", false, false}}));
}

TEST(MarkupReader, ReadsNestedLists) {
  const Document d = read_ok(kFull);
  const Block& ol = d.body[2];
  EXPECT_EQ(ol.kind, Block::Kind::OrderedList);
  EXPECT_EQ(ol.source_line, 27);
  ASSERT_EQ(ol.items.size(), 2u);
  ASSERT_EQ(ol.items[0].blocks.size(), 2u);
  EXPECT_EQ(ol.items[0].blocks[0].inlines, runs({{"Mục một.", false, false}}));
  const Block& inner = ol.items[0].blocks[1];
  EXPECT_EQ(inner.kind, Block::Kind::OrderedList);
  EXPECT_EQ(inner.source_line, 29);
  ASSERT_EQ(inner.items.size(), 2u);
  EXPECT_EQ(inner.items[1].blocks[0].inlines, runs({{"Điểm b.", false, false}}));
  ASSERT_EQ(ol.items[1].blocks.size(), 2u);
  EXPECT_EQ(ol.items[1].blocks[1].kind, Block::Kind::DashList);
  EXPECT_EQ(ol.items[1].blocks[1].items[0].blocks[0].inlines,
            runs({{"Gạch đầu dòng.", false, false}}));
  EXPECT_EQ(d.body[3].kind, Block::Kind::DashList);
}

TEST(MarkupReader, ReadsTablesWithHeadersSpansWeightsAndGroupedNumbers) {
  const Document d = read_ok(kFull);
  const Block& b = d.body[4];
  ASSERT_EQ(b.kind, Block::Kind::Table);
  EXPECT_EQ(b.source_line, 34);
  const Table& t = b.table;
  EXPECT_EQ(t.column_weights, (std::vector<double>{3, 1.5}));
  ASSERT_EQ(t.rows.size(), 5u);
  ASSERT_EQ(t.rows[0].cells.size(), 1u);
  EXPECT_TRUE(t.rows[0].cells[0].header);
  EXPECT_EQ(t.rows[0].cells[0].column_span, 2);
  EXPECT_EQ(t.rows[1].cells[1].align, Align::Right);
  EXPECT_EQ(t.rows[1].cells[1].content, runs({{"Số cuộc", false, false}}));
  const TableRow& r2 = t.rows[2];
  EXPECT_FALSE(r2.cells[0].header);
  EXPECT_EQ(r2.cells[0].column_span, 1);
  EXPECT_EQ(r2.cells[0].align, Align::Left);
  EXPECT_EQ(r2.cells[1].content, runs({{"52.807", false, false}}));  // right-aligned integer
  EXPECT_EQ(t.rows[3].cells[0].align, Align::Center);
  EXPECT_EQ(t.rows[3].cells[0].content, runs({{"Hội ", false, false}, {"Phụ nữ", true, false}}));
  EXPECT_EQ(t.rows[3].cells[1].content, runs({{"1.234", false, false}}));  // already grouped
  EXPECT_EQ(t.rows[4].cells[0].content, runs({{"2209", false, false}}));   // not right-aligned
  EXPECT_EQ(t.rows[4].cells[1].content, runs({{"12a", false, false}}));    // not an integer
  EXPECT_EQ(t.header_row_count(), 2);
  EXPECT_EQ(t.column_count(), 2);
}

void expect_same_blocks(const std::vector<Block>& a, const std::vector<Block>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].kind, b[i].kind);
    EXPECT_EQ(a[i].inlines, b[i].inlines);
    EXPECT_EQ(a[i].source_line, b[i].source_line);
    ASSERT_EQ(a[i].items.size(), b[i].items.size());
    for (std::size_t k = 0; k < a[i].items.size(); ++k)
      expect_same_blocks(a[i].items[k].blocks, b[i].items[k].blocks);
    ASSERT_EQ(a[i].table.rows.size(), b[i].table.rows.size());
    for (std::size_t r = 0; r < a[i].table.rows.size(); ++r)
      for (std::size_t c = 0; c < a[i].table.rows[r].cells.size(); ++c)
        EXPECT_EQ(a[i].table.rows[r].cells[c].content, b[i].table.rows[r].cells[c].content);
  }
}

TEST(MarkupReader, NfdInputGivesTheSameTreeAsNfc) {
  const std::string& nfd = kFullNfd;
  ASSERT_NE(nfd, kFull);                // the test means something only if the bytes differ
  ASSERT_EQ(text::to_nfc(nfd), kFull);  // and only if the copies hold the same text
  const Document a = read_ok(kFull);
  const Document b = read_ok(nfd);
  EXPECT_EQ(a.issuer.name, b.issuer.name);
  EXPECT_EQ(a.issuer.parent, b.issuer.parent);
  EXPECT_EQ(a.place, b.place);
  EXPECT_EQ(a.subject, b.subject);
  EXPECT_EQ(a.urgency, b.urgency);
  EXPECT_EQ(a.to, b.to);
  EXPECT_EQ(a.keywords, b.keywords);
  EXPECT_EQ(a.signature.signer, b.signature.signer);
  EXPECT_EQ(a.recipients.entries[0].purpose, b.recipients.entries[0].purpose);
  EXPECT_EQ(a.recipients.entries[0].names, b.recipients.entries[0].names);
  EXPECT_EQ(a.recipients.archive, b.recipients.archive);
  expect_same_blocks(a.body, b.body);
}

TEST(MarkupReader, RefusesADateThatDoesNotExist) {
  std::string bytes = kFull;
  bytes.replace(bytes.find("2023-05-17"), 10, "2023-02-29");
  const Result<Document> r = read_document_bytes(bytes, "in.xml", options());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            "in.xml:15:3: date '2023-02-29' does not exist; expected YYYY-MM-DD");
}

TEST(MarkupReader, NamesAnUndrawableCharacterAtItsOwnColumn) {
  std::string bytes = kFull;
  bytes.replace(bytes.find("Mục hai."), 0, "Hội 中");
  bytes.replace(bytes.find("Phó Bí thư"), 0, "文");
  const Result<Document> r = read_document_bytes(bytes, "in.xml", options());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            "in.xml:31:18: character U+4E2D '中' cannot be drawn with Liberation Serif; use "
            "Vietnamese letters or change the font");
  EXPECT_EQ(r.errors[1].line, 45);
  EXPECT_EQ(r.errors[1].column, 11);
  EXPECT_NE(r.errors[1].message.find("U+6587 '文'"), std::string::npos);
}

TEST(MarkupReader, KeywordsAreMetadataAndNeedNoGlyphs) {
  std::string bytes = kFull;
  bytes.replace(bytes.find("chi hội"), 0, "中");
  const Result<Document> r = read_document_bytes(bytes, "in.xml", options());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(r.value->keywords[1], "中chi hội");
}

TEST(MarkupReader, DrawsEverythingWithoutACheck) {
  ReadOptions o = options();
  o.can_draw = nullptr;
  std::string bytes = kFull;
  bytes.replace(bytes.find("Mục hai."), 0, "中");
  const Result<Document> r = read_document_bytes(bytes, "in.xml", o);
  ASSERT_TRUE(r.ok()) << all(r.errors);
}

TEST(MarkupReader, ReadsAFileAndReportsAMissingOne) {
  testing::ScratchDir dir;
  testing::write_bytes(dir.file("a.xml"), kFull);
  const Result<Document> r = read_document(dir.file("a.xml"), options());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(r.value->source_file, dir.file("a.xml"));

  const Result<Document> missing = read_document(dir.file("none.xml"), options());
  EXPECT_FALSE(missing.ok());
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].file, dir.file("none.xml"));
  EXPECT_NE(missing.errors[0].message.find("cannot read the file"), std::string::npos);
}

// A document of n short paragraphs, one per line or all on one line.
std::string paragraphs(int n, bool one_line) {
  std::string body;
  for (int i = 0; i < n; ++i) body += std::string(one_line ? "" : "\n") + "<p>Đoạn " + std::to_string(i) + ".</p>";
  std::string bytes = kFull;
  const std::size_t start = bytes.find("<body>") + 6;
  return bytes.replace(start, bytes.find("</body>") - start, body);
}

// Where every block is is found from an index built once, not by rescanning the file for each:
// 10x the paragraphs take about 10x the time, whatever the file's lines.
TEST(MarkupReader, ReadsInLinearTime) {
  for (bool one_line : {false, true}) {
    const double growth = testing::tenfold_growth(
        [&](int n) {
          const std::string bytes = paragraphs(n, one_line);
          const Result<Document> r = read_document_bytes(bytes, "many.xml", options());
          ASSERT_TRUE(r.ok()) << all(r.errors);
          ASSERT_EQ(r.value->body.size(), static_cast<std::size_t>(n));
        },
        5000, 5);
    RecordProperty(one_line ? "growth_one_line" : "growth", std::to_string(growth));
    EXPECT_LT(growth, testing::kLinearGrowthLimit) << (one_line ? "one line" : "one paragraph a line");
  }
}

}  // namespace
}  // namespace vanban
