#include "templating/month_documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <set>

#include <unistd.h>

#include "../data/month/small_month.h"
#include "input/markup_reader.h"
#include "input/meeting_csv_reader.h"
#include "input/meeting_xml_reader.h"
#include "store/month_store.h"
#include "stored_month.h"
#include "templating/slug.h"
#include "text/vietnamese_case.h"

namespace vanban {
namespace {

std::string source(const std::string& relative) {
  return std::string(VANBAN_SOURCE_DIR) + "/" + relative;
}
std::string templates_dir() { return source("templates"); }
std::string all(const Diagnostics& errors) {
  std::string out;
  for (const Diagnostic& e : errors) out += e.to_string() + "\n";
  return out;
}

MonthSettings small_settings() {
  Result<MonthSettings> r = read_month_settings(source("tests/data/month/small-month.xml"),
                                                source("templates/schema/month.rng"));
  EXPECT_TRUE(r.ok()) << all(r.errors);
  return r.value.value_or(MonthSettings{});
}

// The month's documents from `data` put through a store, its figures with `options`, as a build
// makes them.
Result<std::vector<GeneratedDocument>> generate_all(const MeetingData& data, const MonthSettings& settings,
                                                    const FigureOptions& options,
                                                    const std::string& templates = templates_dir()) {
  testing::StoredMonth stored(data);
  return generate_month_documents(stored.shared(), stored.figures(options), settings, templates);
}

std::vector<GeneratedDocument> generate(const MeetingData& data, const MonthSettings& settings) {
  Result<std::vector<GeneratedDocument>> r = generate_all(data, settings, {settings.report_deadline_days});
  EXPECT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  return r.value.value_or(std::vector<GeneratedDocument>{});
}

// Reads generated markup the way `vanban render` does: schema validation and the reader's checks.
Document read(const GeneratedDocument& d) {
  Result<Document> r =
      read_document_bytes(d.markup, d.name + ".xml", {source("templates/schema/document.rng"), {}, {}});
  EXPECT_TRUE(r.ok()) << d.name << ":\n" << all(r.errors) << d.markup;
  return r.value.value_or(Document{});
}

void append_text(const std::vector<Block>& blocks, std::string& out) {
  for (const Block& b : blocks) {
    for (const TextRun& r : b.inlines) out += r.text;
    for (const ListItem& i : b.items) append_text(i.blocks, out);
    for (const TableRow& row : b.table.rows) {
      for (const TableCell& c : row.cells) {
        for (const TextRun& r : c.content) out += r.text;
        out += " | ";
      }
      out += "\n";
    }
    for (const ChartBar& bar : b.chart.bars) out += bar.label + "=" + std::to_string(bar.value);
    out += "\n";
  }
}
std::string body_text(const Document& d) {
  std::string out;
  append_text(d.body, out);
  return out;
}

const GeneratedDocument* find(const std::vector<GeneratedDocument>& docs, const std::string& name) {
  for (const GeneratedDocument& d : docs)
    if (d.name == name) return &d;
  return nullptr;
}

TEST(MonthDocuments, EveryDocumentIsValidMarkup) {
  for (const GeneratedDocument& d : generate(testing::small_month(), small_settings())) {
    SCOPED_TRACE(d.name);
    const Document doc = read(d);
    EXPECT_FALSE(doc.body.empty());
  }
}

// One report per attended meeting (M1 M2 M4 M5; M3 had no cadre), the summary, and one dispatch
// per agency with gaps (all three agencies have one).
TEST(MonthDocuments, TheRightSetOfDocuments) {
  std::vector<std::string> names;
  for (const GeneratedDocument& d : generate(testing::small_month(), small_settings()))
    names.push_back(d.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "bao-cao-thang-2026-10",
                       "cong-van-nhac-nho-ban-dan-van-huyen-uy-binh-son",
                       "cong-van-nhac-nho-hoi-nong-dan-huyen-an-loc",
                       "cong-van-nhac-nho-huyen-doan-an-loc",
                       "bao-cao-du-sinh-hoat-B1-2026-10-05",
                       "bao-cao-du-sinh-hoat-B2-2026-10-12",
                       "bao-cao-du-sinh-hoat-B5-2026-10-15",
                       "bao-cao-du-sinh-hoat-B4-2026-10-20",
                   }));
}

// A build lists the documents by the plan's names, made when asked for from the store: the
// same names and bytes as generating them all, every time, in any order.
TEST(MonthDocuments, NamesAndMarkupAreMadeOnDemand) {
  testing::StoredMonth stored(testing::small_month());
  const MonthSettings settings = small_settings();
  Result<MonthDocuments> plan = MonthDocuments::plan(stored.shared(), stored.figures({settings.report_deadline_days}),
                                                     settings, templates_dir());
  ASSERT_TRUE(plan.ok()) << all(plan.errors);
  const std::vector<GeneratedDocument> docs = generate(testing::small_month(), settings);
  ASSERT_EQ(plan.value->size(), docs.size());
  for (std::size_t k = docs.size(); k-- > 0;) {
    const Result<MonthDocuments::Listing> listing = plan.value->listing(k);
    ASSERT_TRUE(listing.ok()) << docs[k].name;
    EXPECT_EQ(listing.value->name, docs[k].name);
    EXPECT_EQ(listing.value->in_series, docs[k].in_series) << docs[k].name;
    const Result<std::string> markup = plan.value->markup(k);
    ASSERT_TRUE(markup.ok()) << docs[k].name;
    EXPECT_EQ(*markup.value, docs[k].markup) << docs[k].name;
  }
  EXPECT_FALSE(plan.value->listing(docs.size()).ok());
}

// Reports of Ban Dân vận Huyện ủy Bình Sơn (reports="organisation" in small-month.xml): in its
// number series in the order filed, signed for it with month.xml's authority line. Huyện đoàn Ân
// Lộc's cadre reports personally: no number, signed by the cadre as the one who reports. M4's
// report was never filed: a draft dated the day it was due.
TEST(MonthDocuments, AttendanceReports) {
  const auto docs = generate(testing::small_month(), small_settings());
  const Document b1 = read(*find(docs, "bao-cao-du-sinh-hoat-B1-2026-10-05"));
  EXPECT_EQ(b1.layout, "dang");
  EXPECT_EQ(b1.type, "bao-cao");
  EXPECT_EQ(b1.issuer.parent, "Huyện ủy Bình Sơn");
  EXPECT_EQ(b1.issuer.name, "Ban Dân vận");
  EXPECT_EQ(b1.number, "31");
  EXPECT_EQ(b1.date, (CivilDate{2026, 10, 8}));
  EXPECT_EQ(b1.signature.authority, std::vector<std::string>{"K/T Trưởng ban"});
  EXPECT_EQ(b1.signature.role, "Phó Trưởng ban");
  EXPECT_EQ(b1.signature.signer, "Võ Thị Lan");
  const std::string text = body_text(b1);
  EXPECT_NE(text.find("Chi bộ ấp Phú Hữu, xã Bình Lợi, huyện Bình Sơn vào ngày 05 tháng 10 năm 2026"),
            std::string::npos) << text;
  EXPECT_NE(text.find("Tổng số đảng viên: 20 người; dự sinh hoạt: 18 người, đạt 90%; vắng: 2 người."),
            std::string::npos) << text;
  EXPECT_NE(text.find("Giao thông nông thôn: Đề nghị sửa đoạn đường đal đầu ấp Phú Hữu"),
            std::string::npos) << text;
  EXPECT_NE(text.find("xếp loại tốt"), std::string::npos) << text;
  EXPECT_NE(text.find("Đảng ủy xã hỗ trợ kinh phí sửa đường"), std::string::npos) << text;

  EXPECT_EQ(read(*find(docs, "bao-cao-du-sinh-hoat-B2-2026-10-12")).number, "32");
  const Document b2 = read(*find(docs, "bao-cao-du-sinh-hoat-B2-2026-10-12"));
  EXPECT_NE(body_text(b2).find("không đúng ngày sinh hoạt định kỳ đã thống nhất (ngày 10 hằng tháng)"),
            std::string::npos);
  EXPECT_NE(body_text(b2).find("Tổng số hội viên: 40 người"), std::string::npos);

  const Document b5 = read(*find(docs, "bao-cao-du-sinh-hoat-B5-2026-10-15"));
  EXPECT_EQ(b5.layout, "nha-nuoc");
  EXPECT_EQ(b5.issuer.name, "Huyện đoàn Ân Lộc");
  EXPECT_EQ(b5.number, "");  // filed, but personal: not in the agency's series
  EXPECT_TRUE(b5.unnumbered);
  EXPECT_TRUE(b5.signature.authority.empty());
  EXPECT_EQ(b5.signature.role, "Người báo cáo");
  EXPECT_EQ(b5.signature.signer, "Đỗ Minh Châu");
  const Document b4 = read(*find(docs, "bao-cao-du-sinh-hoat-B4-2026-10-20"));
  EXPECT_EQ(b4.number, "");
  EXPECT_EQ(b4.date, (CivilDate{2026, 10, 25}));
  EXPECT_EQ(b4.signature.signer, "Đỗ Minh Châu");
  ASSERT_EQ(b4.recipients.entries.size(), 2u);
  EXPECT_EQ(b4.recipients.entries[0].names,
            (std::vector<std::string>{"Huyện đoàn Ân Lộc (để báo cáo)"}));
  EXPECT_EQ(b4.recipients.entries[1].names,
            (std::vector<std::string>{"Ban Dân vận Tỉnh ủy (để báo cáo)"}));
}

TEST(MonthDocuments, Summary) {
  const auto docs = generate(testing::small_month(), small_settings());
  const Document s = read(*find(docs, "bao-cao-thang-2026-10"));
  EXPECT_EQ(s.number, "214");
  EXPECT_EQ(s.date, (CivilDate{2026, 11, 6}));
  EXPECT_EQ(s.issuer.code, "BDVTU");
  EXPECT_EQ(s.signature.authority, std::vector<std::string>{"K/T Trưởng ban"});
  EXPECT_EQ(s.recipients.archive, "Ban Dân vận Tỉnh ủy");
  const std::string text = body_text(s);
  // Figures of the hand computation in tests/stats/month_figures_test.cpp.
  EXPECT_NE(text.find("5/6 chi bộ, chi hội, chi đoàn thuộc diện theo dõi đã tổ chức 5 cuộc sinh "
                      "hoạt, trong đó 4 cuộc đúng ngày sinh hoạt định kỳ, chiếm 80%. Có 134 "
                      "lượt đảng viên, đoàn viên, hội viên dự sinh hoạt trên tổng số 165 người, "
                      "đạt 81,21%."),
            std::string::npos) << text;
  EXPECT_NE(text.find("Hội Nông dân | 2 | 2 | 1 | 72 | 90 | 80% |"), std::string::npos) << text;
  EXPECT_NE(text.find("Huyện Ân Lộc | 3 | 2 | 2 | 61 | 75 | 81,33% |"), std::string::npos) << text;
  EXPECT_NE(text.find("1.1 | Xã Tân Hòa |"), std::string::npos) << text;
  EXPECT_NE(text.find("Toàn tỉnh | 6 | 5 | 4 | 134 | 165 | 81,21% |"), std::string::npos) << text;
  EXPECT_NE(text.find("2 cuộc xếp loại tốt, 1 cuộc khá, 1 cuộc trung bình, 0 cuộc yếu; 1 cuộc"),
            std::string::npos) << text;
  EXPECT_NE(text.find("cao nhất là Đảng (90%), thấp nhất là Hội Nông dân (80%)"),
            std::string::npos) << text;
  // The gap list, agency by agency.
  EXPECT_NE(text.find("Ban Dân vận Huyện ủy Bình Sơn | \n"
                      "1 | Lê Thị Ánh, Chuyên viên Ban Dân vận Huyện ủy | Chi hội Phụ nữ ấp Ông "
                      "Đề, xã Ân Phú, huyện Bình Sơn | 31/10/2026 | Không dự sinh hoạt |"),
            std::string::npos) << text;
  EXPECT_NE(text.find("Báo cáo chậm 3 ngày (gửi ngày 20/10/2026)"), std::string::npos);
  EXPECT_NE(text.find("Chưa gửi báo cáo (hạn ngày 25/10/2026)"), std::string::npos);
  // Opinions by topic, in Vietnamese order.
  const auto bao = text.find("1. Bảo hiểm xã hội (1 ý kiến)");
  const auto gia = text.find("2. Giá vật tư nông nghiệp (2 ý kiến)");
  const auto giao = text.find("3. Giao thông nông thôn (1 ý kiến)");
  EXPECT_TRUE(bao != std::string::npos && gia != std::string::npos && giao != std::string::npos &&
              bao < gia && gia < giao)
      << text;
  EXPECT_NE(text.find("đã có công văn nhắc nhở 3 cơ quan"), std::string::npos) << text;

  // The chart: one bar per organisation that met, values with two decimals.
  const auto chart = std::find_if(s.body.begin(), s.body.end(),
                                  [](const Block& b) { return b.kind == Block::Kind::Chart; });
  ASSERT_NE(chart, s.body.end());
  ASSERT_EQ(chart->chart.bars.size(), 4u);
  EXPECT_EQ(chart->chart.bars[0].label, "Đảng");
  EXPECT_DOUBLE_EQ(chart->chart.bars[0].value, 90.0);
  EXPECT_EQ(chart->chart.bars[1].label, "Hội Nông dân");
  EXPECT_DOUBLE_EQ(chart->chart.bars[1].value, 80.0);
  EXPECT_EQ(chart->chart.unit, "%");
  EXPECT_EQ(chart->chart.decimals, 2);
}

// One dispatch per agency, numbered in the Vietnamese order of the agencies, naming its cadres.
TEST(MonthDocuments, ReminderDispatches) {
  const auto docs = generate(testing::small_month(), small_settings());
  const Document binh_son = read(*find(docs, "cong-van-nhac-nho-ban-dan-van-huyen-uy-binh-son"));
  EXPECT_EQ(binh_son.type, "cong-van");
  EXPECT_EQ(binh_son.number, "87");
  EXPECT_EQ(binh_son.to, (std::vector<std::string>{"Ban Dân vận Huyện ủy Bình Sơn"}));
  EXPECT_EQ(binh_son.signature.signer, "Phạm Thị Thu Hà");
  const std::string text = body_text(binh_son);
  EXPECT_NE(text.find("1 | Lê Thị Ánh, Chuyên viên Ban Dân vận Huyện ủy | Không dự buổi sinh "
                      "hoạt ngày 31/10/2026 của Chi hội Phụ nữ ấp Ông Đề, xã Ân Phú, huyện Bình "
                      "Sơn. |"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2 | Trần Văn Bảy, Phó Trưởng ban Dân vận Huyện ủy | Báo cáo chậm 3 ngày "
                      "(gửi ngày 20/10/2026) về buổi sinh hoạt ngày 12/10/2026 của Chi hội Nông "
                      "dân ấp Phú Hữu, xã Bình Lợi, huyện Bình Sơn. |"),
            std::string::npos) << text;
  // A written explanation is asked for, by the reply date.
  EXPECT_NE(text.find("Yêu cầu các đồng chí có tên nêu trên giải trình bằng văn bản lý do chưa "
                      "thực hiện đúng quy định, gửi về Ban Dân vận Tỉnh ủy trước ngày 16/11/2026"),
            std::string::npos) << text;
  EXPECT_EQ(text.find("Nguyễn Văn Út"), std::string::npos);
  // Only an agency with a missing report is asked for it, by the reply date.
  EXPECT_EQ(text.find("chưa gửi báo cáo khẩn trương"), std::string::npos);
  const Document doan = read(*find(docs, "cong-van-nhac-nho-huyen-doan-an-loc"));
  EXPECT_EQ(doan.number, "89");
  EXPECT_NE(body_text(doan).find("chưa gửi báo cáo khẩn trương hoàn thành báo cáo bằng văn bản, "
                                 "gửi kèm bản giải trình"),
            std::string::npos) << body_text(doan);
  EXPECT_NE(body_text(doan).find("Yêu cầu đồng chí có tên nêu trên giải trình"), std::string::npos);
  EXPECT_EQ(read(*find(docs, "cong-van-nhac-nho-hoi-nong-dan-huyen-an-loc")).number, "88");
}

// The board does not remind itself; its cadres' gaps stay in the summary.
TEST(MonthDocuments, NoDispatchToTheBoardItself) {
  MeetingData data = testing::small_month();
  for (Cadre& c : data.cadres)
    if (c.id == "C3") c.agency = "Ban Dân vận Tỉnh ủy";
  const auto docs = generate(data, small_settings());
  EXPECT_EQ(find(docs, "cong-van-nhac-nho-ban-dan-van-tinh-uy"), nullptr);
  EXPECT_EQ(find(docs, "cong-van-nhac-nho-hoi-nong-dan-huyen-an-loc"), nullptr);
  EXPECT_NE(body_text(read(*find(docs, "bao-cao-thang-2026-10"))).find("Nguyễn Văn Út"),
            std::string::npos);
}

TEST(MonthDocuments, HostileNamesAreEscaped) {
  MeetingData data = testing::small_month();
  const std::string hostile = "Trần <b>&\"Bảy' ]]> </document>";
  data.cadres[0].name = hostile;
  data.branches[0].name = "Chi bộ <ấp> & \"Phú Hữu\"";
  data.meetings[0].opinions[0].text = "<p>x</p> &amp; {{y}}";
  MonthSettings settings = small_settings();
  settings.board.signature->lines.signer = "A&B <C>";
  const auto docs = generate(data, settings);
  ASSERT_EQ(docs.size(), 8u);
  for (const GeneratedDocument& d : docs) read(d);
  const Document b1 = read(*find(docs, "bao-cao-du-sinh-hoat-B1-2026-10-05"));
  EXPECT_NE(body_text(b1).find("đồng chí " + hostile + ","), std::string::npos);
  EXPECT_NE(b1.subject.find("Chi bộ <ấp> & \"Phú Hữu\""), std::string::npos);
  EXPECT_NE(body_text(b1).find("<p>x</p> &amp; {{y}}"), std::string::npos);
  EXPECT_EQ(read(*find(docs, "bao-cao-thang-2026-10")).signature.signer, "A&B <C>");
}

TEST(MonthDocuments, DeterministicWhateverTheRecordOrder) {
  const auto a = generate(testing::small_month(), small_settings());
  MeetingData shuffled = testing::small_month();
  std::mt19937 rng(7);
  std::shuffle(shuffled.branches.begin(), shuffled.branches.end(), rng);
  std::shuffle(shuffled.cadres.begin(), shuffled.cadres.end(), rng);
  std::shuffle(shuffled.assignments.begin(), shuffled.assignments.end(), rng);
  std::shuffle(shuffled.meetings.begin(), shuffled.meetings.end(), rng);
  const auto b = generate(shuffled, small_settings());
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].markup, b[i].markup) << a[i].name;
  }
}

TEST(MonthDocuments, DraftNumbersWhenNoSeriesStart) {
  MonthSettings settings = small_settings();
  settings.summary.first_number.reset();
  settings.reminders.first_number.reset();
  for (IssuingBody& a : settings.agencies) a.first_report_number.reset();
  for (const GeneratedDocument& d : generate(testing::small_month(), settings))
    EXPECT_EQ(read(d).number, "") << d.name;
}

// An agency month.xml does not name: its cadres' reports are left out and named; the rest stays.
TEST(MonthDocuments, AgencyMissingFromSettings) {
  MonthSettings settings = small_settings();
  settings.agencies.erase(settings.agencies.begin() + 2);  // Huyện đoàn Ân Lộc
  MeetingData data = testing::small_month();
  data.cadres[3].source = {"cadres.csv", 5, 4, {}, false};
  const auto r = generate_all(data, settings, {5});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(all(r.errors),
            "cadres.csv:5:4: agency 'Huyện đoàn Ân Lộc' of cadre C4 is not in " +
                source("tests/data/month/small-month.xml") +
                "; 2 attendance report(s) not generated\n");
  EXPECT_EQ(r.value->size(), 6u);  // no report for M4 and M5; the dispatch is still there
  EXPECT_NE(find(*r.value, "cong-van-nhac-nho-huyen-doan-an-loc"), nullptr);
}

TEST(MonthDocuments, SettingsForAnotherMonth) {
  MonthSettings settings = small_settings();
  settings.month = {2026, 9};
  const MeetingData data = testing::small_month();
  const auto r = generate_all(data, settings, {5});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(all(r.errors).find("the settings are for 9/2026, the data for 10/2026"),
            std::string::npos);
}

TEST(MonthDocuments, BrokenTemplateNamesItsFileAndPlace) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("vanban-templates-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "documents");
  for (const char* name : {"bao-cao-du-sinh-hoat.mustache", "cong-van-nhac-nho.mustache"})
    std::filesystem::copy_file(source("templates/documents/") + name, dir / "documents" / name,
                               std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "documents" / "bao-cao-thang.mustache") << "<document>\n{{#total}}\n";
  const MeetingData data = testing::small_month();
  const auto r = generate_all(data, small_settings(), {5}, dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), (dir / "documents" / "bao-cao-thang.mustache").string() +
                               ":2:1: Unclosed section \"total\"\n");
}

// The defaulters' rows are written one at a time, from the lines between their list's tags: a
// template that puts a tag of these lists beside other text is refused where the tag is.
TEST(MonthDocuments, RowListTagBesideOtherTextNamesItsFileAndPlace) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("vanban-row-templates-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "documents");
  for (const char* name : {"bao-cao-thang.mustache", "bao-cao-du-sinh-hoat.mustache"})
    std::filesystem::copy_file(source("templates/documents/") + name, dir / "documents" / name,
                               std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "documents" / "cong-van-nhac-nho.mustache")
      << "<document>\n  <table>{{#cadres}}\n<tr/>\n{{/cadres}}</table>\n</document>\n";
  const MeetingData data = testing::small_month();
  const auto r = generate_all(data, small_settings(), {5}, dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), (dir / "documents" / "cong-van-nhac-nho.mustache").string() +
                               ":2:10: the rows of \"cadres\" are written one at a time: {{#cadres}} and "
                               "{{/cadres}} must each stand alone on a line\n");
}

// A person who signs for the board and is also among the month's defaulters (C1 Trần Văn Bảy,
// late at M2): a warning at the <signer> of month.xml; every document is still written.
TEST(MonthDocuments, SignerWhoIsADefaulterIsAWarning) {
  MonthSettings settings = small_settings();
  settings.board.signature->lines.signer = "Trần Văn Bảy";
  const MeetingData data = testing::small_month();
  const auto r = generate_all(data, settings, {5});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->size(), generate(data, small_settings()).size());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  const Diagnostic& w = r.errors[0];
  EXPECT_TRUE(w.warning);
  EXPECT_EQ(w.file, source("tests/data/month/small-month.xml"));
  EXPECT_EQ(w.line, settings.board.signature->signer_source.line);
  EXPECT_EQ(w.column, settings.board.signature->signer_source.column);
  EXPECT_NE(w.message.find("'Trần Văn Bảy' signs for Ban Dân vận Tỉnh ủy and is also listed among "
                           "the month's defaulters (cadre C1"),
            std::string::npos)
      << w.message;
}

// A reminder about Youth Union branches only speaks of chi đoàn and đoàn viên: here C3 attends
// M4 himself, so Huyện đoàn Ân Lộc's one case is C4's missing report on M5 at Chi đoàn ấp Tân Hòa.
TEST(MonthDocuments, YouthUnionReminderUsesItsOwnWords) {
  MeetingData data = testing::small_month();
  for (Meeting& m : data.meetings) {
    if (m.branch_id == "B4") m.cadre_id = "C3";
    if (m.branch_id == "B5") m.report_filed.reset();
  }
  const auto docs = generate(data, small_settings());
  const std::string doan = body_text(read(*find(docs, "cong-van-nhac-nho-huyen-doan-an-loc")));
  EXPECT_NE(doan.find("dự sinh hoạt định kỳ với chi đoàn tháng 10"), std::string::npos) << doan;
  EXPECT_NE(doan.find("kiến nghị của đoàn viên"), std::string::npos) << doan;
  EXPECT_NE(doan.find("giải trình bằng văn bản"), std::string::npos) << doan;
  for (const char* other : {"chi bộ", "chi hội", "đảng viên", "hội viên"})
    EXPECT_EQ(doan.find(other), std::string::npos) << other << "\n" << doan;
  // Bình Sơn's cases are at a farmers' (B2) and a women's (B3) branch: the associations' words.
  const std::string binh_son =
      body_text(read(*find(docs, "cong-van-nhac-nho-ban-dan-van-huyen-uy-binh-son")));
  EXPECT_NE(binh_son.find("với chi hội tháng 10"), std::string::npos) << binh_son;
  EXPECT_NE(binh_son.find("kiến nghị của hội viên"), std::string::npos) << binh_son;
  EXPECT_EQ(binh_son.find("đoàn viên"), std::string::npos) << binh_son;
}

// Past month.xml's gaps-listed the summary counts the cases by agency; each reminder names its
// agency's, and the board's own cadres (whom no reminder names) are named in the summary still.
TEST(MonthDocuments, ALongListOfGapsIsCountedByAgency) {
  MeetingData data = testing::small_month();
  for (Cadre& c : data.cadres)
    if (c.id == "C3") c.agency = "Ban Dân vận Tỉnh ủy";
  MonthSettings settings = small_settings();
  const std::string listed = body_text(read(*find(generate(data, settings), "bao-cao-thang-2026-10")));
  settings.gaps_listed = 1;
  const auto docs = generate(data, settings);
  const std::string counted = body_text(read(*find(docs, "bao-cao-thang-2026-10")));
  EXPECT_NE(listed.find("Lê Thị Ánh"), std::string::npos) << listed;
  EXPECT_EQ(counted.find("Lê Thị Ánh"), std::string::npos) << counted;
  EXPECT_NE(counted.find("theo từng cơ quan, đơn vị như sau:"), std::string::npos) << counted;
  EXPECT_NE(counted.find("Cơ quan, đơn vị | Không dự sinh hoạt | Báo cáo chậm | Chưa gửi báo cáo | Cộng |"),
            std::string::npos) << counted;
  EXPECT_NE(counted.find("| Ban Dân vận Huyện ủy Bình Sơn | 1 | 1 | 0 | 2 |"), std::string::npos) << counted;
  EXPECT_NE(counted.find("Danh sách từng trường hợp được nêu trong công văn nhắc nhở của Ban Dân vận "
                         "Tỉnh ủy gửi từng cơ quan, đơn vị."),
            std::string::npos) << counted;
  EXPECT_NE(counted.find("Cán bộ của Ban chưa thực hiện đúng quy định (1 trường hợp):"), std::string::npos)
      << counted;
  EXPECT_NE(counted.find("1 | Nguyễn Văn Út,"), std::string::npos) << counted;
  // The reminders still name every case of their agency.
  EXPECT_NE(body_text(read(*find(docs, "cong-van-nhac-nho-ban-dan-van-huyen-uy-binh-son"))).find("Lê Thị Ánh"),
            std::string::npos);
}

TEST(MonthDocuments, OpinionsPerTopicCanBeCapped) {
  MonthSettings settings = small_settings();
  settings.opinions_per_topic = 1;
  const auto docs = generate(testing::small_month(), settings);
  const std::string text = body_text(read(*find(docs, "bao-cao-thang-2026-10")));
  EXPECT_NE(text.find("Ngoài ra còn 1 ý kiến khác có nội dung tương tự."), std::string::npos);
  EXPECT_EQ(text.find("Giá phân bón tăng"), std::string::npos);  // the second of its topic
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

Result<std::vector<GeneratedDocument>> generate_from(const Result<MeetingData>& data,
                                                     const MonthSettings& settings) {
  EXPECT_TRUE(data.ok()) << all(data.errors);
  return generate_all(*data.value, settings, {settings.report_deadline_days});
}

void expect_same(const std::vector<GeneratedDocument>& a, const std::vector<GeneratedDocument>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].markup, b[i].markup) << a[i].name;
  }
}

// The small month as XML and as CSV files (tests/data/meetings/small): identical documents, the
// same as from the month built in code.
TEST(MonthDocuments, XmlAndCsvGiveIdenticalDocuments) {
  const MonthSettings settings = small_settings();
  const std::string dir = source("tests/data/meetings/small");
  const auto xml = generate_from(
      read_meetings_xml(dir + "/2026-10.xml", source("templates/schema/meetings.rng")), settings);
  const auto csv = generate_from(read_meetings_csv(dir + "/2026-10"), settings);
  ASSERT_TRUE(xml.ok() && csv.ok());
  expect_same(*xml.value, *csv.value);
  expect_same(*xml.value, generate(testing::small_month(), settings));
}

// The sample month shipped in content/2026-10: month.xml, meetings.xml and the same data as CSV.
TEST(MonthDocuments, SampleMonthInContent) {
  const std::string dir = source("content/2026-10");
  const Result<MonthSettings> settings =
      read_month_settings(dir + "/month.xml", source("templates/schema/month.rng"));
  ASSERT_TRUE(settings.ok()) << all(settings.errors);
  const auto xml = generate_from(
      read_meetings_xml(dir + "/meetings.xml", source("templates/schema/meetings.rng")),
      *settings.value);
  ASSERT_TRUE(xml.ok()) << all(xml.errors);
  EXPECT_TRUE(xml.errors.empty()) << all(xml.errors);
  // 31 attended meetings, the summary, 8 agencies with gaps (the board has gaps too, but does not
  // remind itself).
  EXPECT_EQ(xml.value->size(), 40u);
  for (const GeneratedDocument& d : *xml.value) {
    SCOPED_TRACE(d.name);
    read(d);
  }
  const auto csv = generate_from(read_meetings_csv(dir), *settings.value);
  ASSERT_TRUE(csv.ok());
  expect_same(*xml.value, *csv.value);
}

// Every list of every document: items end with ";", the last with "." (the data's own items
// come without, or with other, end punctuation).
void expect_list_punctuation(const std::vector<Block>& blocks, const std::string& where) {
  for (const Block& b : blocks) {
    if (b.kind != Block::Kind::OrderedList && b.kind != Block::Kind::DashList) continue;
    for (std::size_t i = 0; i < b.items.size(); ++i) {
      const std::vector<Block>& item = b.items[i].blocks;
      ASSERT_FALSE(item.empty() || item.back().inlines.empty()) << where;
      const std::string& last = item.back().inlines.back().text;
      EXPECT_EQ(last.back(), i + 1 == b.items.size() ? '.' : ';') << where << ": " << last;
    }
  }
}

TEST(MonthDocuments, ListItemsEndWithSemicolonsAndTheLastWithAFullStop) {
  const std::string dir = source("content/2026-10");
  const Result<MonthSettings> settings =
      read_month_settings(dir + "/month.xml", source("templates/schema/month.rng"));
  ASSERT_TRUE(settings.ok()) << all(settings.errors);
  const auto docs = generate_from(
      read_meetings_xml(dir + "/meetings.xml", source("templates/schema/meetings.rng")),
      *settings.value);
  ASSERT_TRUE(docs.ok());
  int lists = 0;
  for (const GeneratedDocument& d : *docs.value) {
    const Document doc = read(d);
    expect_list_punctuation(doc.body, d.name);
    lists += static_cast<int>(std::count_if(doc.body.begin(), doc.body.end(), [](const Block& b) {
      return b.kind == Block::Kind::OrderedList || b.kind == Block::Kind::DashList;
    }));
  }
  EXPECT_GT(lists, 40);
}

// The sample month's attendance reports, as month.xml says per agency: in an organisation's
// series, signed for it (an authority line, never a bare signature); personal, without a
// number, signed by the cadre who reports. Both kinds occur.
TEST(MonthDocuments, SampleReportsAreSignedForTheOrganisationOrAsThePerson) {
  const std::string dir = source("content/2026-10");
  const Result<MonthSettings> settings =
      read_month_settings(dir + "/month.xml", source("templates/schema/month.rng"));
  ASSERT_TRUE(settings.ok()) << all(settings.errors);
  const Result<MeetingData> data =
      read_meetings_xml(dir + "/meetings.xml", source("templates/schema/meetings.rng"));
  const auto docs = generate_from(data, *settings.value);
  ASSERT_TRUE(docs.ok());
  int organisation = 0, personal = 0;
  for (const Meeting& m : data.value->meetings) {
    if (m.cadre_id.empty()) continue;
    const auto cadre = std::find_if(data.value->cadres.begin(), data.value->cadres.end(),
                                    [&](const Cadre& c) { return c.id == m.cadre_id; });
    const IssuingBody* agency = settings.value->find_issuer(cadre->agency);
    ASSERT_NE(agency, nullptr) << cadre->agency;
    char date[11];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", m.date.year, m.date.month, m.date.day);
    const std::string name = "bao-cao-du-sinh-hoat-" + m.branch_id + "-" + date;
    const GeneratedDocument* d = find(*docs.value, name);
    ASSERT_NE(d, nullptr) << name;
    const Document doc = read(*d);
    SCOPED_TRACE(name);
    EXPECT_EQ(doc.issuer.name, agency->issuer.name);
    EXPECT_EQ(doc.unnumbered, agency->reports == ReportMode::Personal);
    if (agency->reports == ReportMode::Personal) {
      ++personal;
      EXPECT_EQ(doc.number, "");
      EXPECT_TRUE(doc.signature.authority.empty());
      EXPECT_EQ(doc.signature.role, "Người báo cáo");
      EXPECT_EQ(doc.signature.signer, cadre->name);
    } else {
      ++organisation;
      EXPECT_EQ(doc.number.empty(), !m.report_filed.has_value());
      EXPECT_EQ(doc.signature.authority, agency->signature->lines.authority);
      EXPECT_FALSE(doc.signature.authority.empty());
      EXPECT_EQ(doc.signature.signer, agency->signature->lines.signer);
    }
  }
  EXPECT_GT(organisation, 0);
  EXPECT_GT(personal, 0);
}

// Two-tier data: the summary's areas are the communes, with their figures; no district anywhere;
// the Youth Union reminder of the sample names its one cadre once, for both of his cases.
TEST(MonthDocuments, SampleSummaryByCommuneAndRemindersByCadre) {
  const std::string dir = source("content/2026-10");
  const Result<MonthSettings> settings =
      read_month_settings(dir + "/month.xml", source("templates/schema/month.rng"));
  ASSERT_TRUE(settings.ok());
  const Result<MeetingData> data =
      read_meetings_xml(dir + "/meetings.xml", source("templates/schema/meetings.rng"));
  testing::StoredMonth stored(*data.value);
  const MonthFigures figures = stored.figures({settings.value->report_deadline_days});
  ASSERT_TRUE(figures.by_district.empty());
  ASSERT_GT(figures.by_commune.size(), 3u);
  const auto docs = generate_from(data, *settings.value);
  const std::string summary = body_text(read(*find(*docs.value, "bao-cao-thang-2026-10")));
  for (std::size_t i = 0; i < figures.by_commune.size(); ++i) {
    const CommuneFigures& c = figures.by_commune[i];
    const std::string row = std::to_string(i + 1) + " | " + text::capitalize_first(c.name) + " | " +
                            std::to_string(c.tally.branches) + " | ";
    EXPECT_NE(summary.find(row), std::string::npos) << row;
    EXPECT_NE(summary.find(c.tally.attendance_rate + " |"), std::string::npos);
  }
  for (const char* gone : {" huyện ", "Huyện ủy", "Thị ủy", "thị xã", "Ban Dân vận"})
    EXPECT_EQ(summary.find(gone), std::string::npos) << gone;

  for (const AgencyGaps& a : figures.gaps_by_agency) {
    if (a.agency == settings.value->board.key) continue;
    const GeneratedDocument* d = find(*docs.value, "cong-van-nhac-nho-" + ascii_slug(a.agency, true));
    ASSERT_NE(d, nullptr) << a.agency;
    const std::string text = body_text(read(*d));
    for (const testing::GapRow& g : stored.gaps(a.agency)) {
      const std::string named = g.cadre.name + ", " + g.cadre.position + " |";
      const auto first = text.find(named);
      EXPECT_NE(first, std::string::npos) << named;
      EXPECT_EQ(text.find(named, first + 1), std::string::npos) << named << " named twice";
    }
  }
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

// The shipped months (Trường Giang's two, Thành phố Hồ Chí Minh's in its own content folder) build
// without a message (XML and CSV alike), and between them use every layout profile: the Party's,
// the State's (a commune People's Committee), the Front's and the four mass organisations'. The
// city's summary totals the city, not a province.
TEST(MonthDocuments, SampleMonthsUseEveryProfile) {
  std::set<std::string> layouts;
  for (const char* month : {"content/2026-10", "content/2026-11", "examples/tp-ho-chi-minh/2026-11"}) {
    SCOPED_TRACE(month);
    const std::string dir = source(month);
    const Result<MonthSettings> settings =
        read_month_settings(dir + "/month.xml", source("templates/schema/month.rng"));
    ASSERT_TRUE(settings.ok()) << all(settings.errors);
    const Result<MeetingData> data =
        read_meetings_xml(dir + "/meetings.xml", source("templates/schema/meetings.rng"));
    ASSERT_TRUE(data.ok());
    for (const Diagnostic& d : data.errors) EXPECT_TRUE(d.warning) << d.to_string();
    const auto xml = generate_from(data, *settings.value);
    ASSERT_TRUE(xml.ok());
    EXPECT_TRUE(xml.errors.empty()) << all(xml.errors);
    const auto csv = generate_from(read_meetings_csv(dir), *settings.value);
    ASSERT_TRUE(csv.ok());
    expect_same(*xml.value, *csv.value);
    for (const GeneratedDocument& d : *xml.value) layouts.insert(read(d).layout);
    if (std::string(month) == "examples/tp-ho-chi-minh/2026-11") {
      EXPECT_EQ(settings.value->total_label, "Toàn thành phố");
      const std::string summary = body_text(read(*find(*xml.value, "bao-cao-thang-2026-11")));
      EXPECT_NE(summary.find("Toàn thành phố | "), std::string::npos) << summary;
      EXPECT_EQ(summary.find("Toàn tỉnh"), std::string::npos);
    }
  }
  EXPECT_EQ(layouts, (std::set<std::string>{"dang", "nha-nuoc", "mat-tran", "doan", "hoi-nong-dan",
                                            "hoi-phu-nu", "hoi-cuu-chien-binh"}));
}

}  // namespace
}  // namespace vanban
