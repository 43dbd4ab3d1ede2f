#include "templating/month_documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include <unistd.h>

#include "../data/month/small_month.h"
#include "input/markup_reader.h"
#include "input/meeting_csv_reader.h"
#include "input/meeting_xml_reader.h"

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

std::vector<GeneratedDocument> generate(const MeetingData& data, const MonthSettings& settings) {
  const MonthFigures figures = compute_figures(data, {settings.report_deadline_days});
  Result<std::vector<GeneratedDocument>> r =
      generate_month_documents(data, figures, settings, templates_dir());
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

// Reports: issued by the cadre's agency, signed by the cadre, numbered per agency in the order
// filed; M4's report was never filed: a draft dated the day it was due.
TEST(MonthDocuments, AttendanceReports) {
  const auto docs = generate(testing::small_month(), small_settings());
  const Document b1 = read(*find(docs, "bao-cao-du-sinh-hoat-B1-2026-10-05"));
  EXPECT_EQ(b1.layout, "dang");
  EXPECT_EQ(b1.type, "bao-cao");
  EXPECT_EQ(b1.issuer.parent, "Huyện ủy Bình Sơn");
  EXPECT_EQ(b1.issuer.name, "Ban Dân vận");
  EXPECT_EQ(b1.number, "31");
  EXPECT_EQ(b1.date, (CivilDate{2026, 10, 8}));
  EXPECT_EQ(b1.signature.signer, "Trần Văn Bảy");
  EXPECT_EQ(b1.signature.role, "Phó Trưởng ban Dân vận Huyện ủy");
  const std::string text = body_text(b1);
  EXPECT_NE(text.find("Chi bộ ấp Phú Hữu, xã Bình Lợi, huyện Bình Sơn vào ngày 05 tháng 10 năm 2026"),
            std::string::npos) << text;
  EXPECT_NE(text.find("Tổng số đảng viên: 20 người; dự sinh hoạt: 18 người, đạt 90,00%; vắng: 2 người."),
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
  EXPECT_EQ(b5.number, "5");
  const Document b4 = read(*find(docs, "bao-cao-du-sinh-hoat-B4-2026-10-20"));
  EXPECT_EQ(b4.number, "");
  EXPECT_EQ(b4.date, (CivilDate{2026, 10, 25}));
  EXPECT_EQ(b4.signature.signer, "Đỗ Minh Châu");
  EXPECT_EQ(b4.recipients.entries[0].names,
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
                      "hoạt, trong đó 4 cuộc đúng ngày sinh hoạt định kỳ, chiếm 80,00%. Có 134 "
                      "lượt đảng viên, đoàn viên, hội viên dự sinh hoạt trên tổng số 165 người, "
                      "đạt 81,21%."),
            std::string::npos) << text;
  EXPECT_NE(text.find("Hội Nông dân | 2 | 2 | 1 | 72 | 90 | 80,00% |"), std::string::npos) << text;
  EXPECT_NE(text.find("Huyện Ân Lộc | 3 | 2 | 2 | 61 | 75 | 81,33% |"), std::string::npos) << text;
  EXPECT_NE(text.find("1.1 | Xã Tân Hòa |"), std::string::npos) << text;
  EXPECT_NE(text.find("Toàn tỉnh | 6 | 5 | 4 | 134 | 165 | 81,21% |"), std::string::npos) << text;
  EXPECT_NE(text.find("2 cuộc xếp loại tốt, 1 cuộc khá, 1 cuộc trung bình, 0 cuộc yếu; 1 cuộc"),
            std::string::npos) << text;
  EXPECT_NE(text.find("cao nhất là Đảng (90,00%), thấp nhất là Hội Nông dân (80,00%)"),
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
  EXPECT_NE(text.find("1 | Lê Thị Ánh, Chuyên viên Ban Dân vận Huyện ủy |"), std::string::npos)
      << text;
  EXPECT_NE(text.find("2 | Trần Văn Bảy, Phó Trưởng ban Dân vận Huyện ủy | Chi hội Nông dân ấp "
                      "Phú Hữu, xã Bình Lợi, huyện Bình Sơn | 12/10/2026 | Báo cáo chậm 3 ngày"),
            std::string::npos) << text;
  EXPECT_EQ(text.find("Nguyễn Văn Út"), std::string::npos);
  // Only an agency with a missing report is asked for it, by the reply date.
  EXPECT_EQ(text.find("chưa gửi báo cáo khẩn trương"), std::string::npos);
  const Document doan = read(*find(docs, "cong-van-nhac-nho-huyen-doan-an-loc"));
  EXPECT_EQ(doan.number, "89");
  EXPECT_NE(body_text(doan).find("chưa gửi báo cáo khẩn trương hoàn thành báo cáo bằng văn bản, "
                                 "gửi về Ban Dân vận Tỉnh ủy trước ngày 16/11/2026"),
            std::string::npos) << body_text(doan);
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
  settings.board_signature.signer = "A&B <C>";
  const auto docs = generate(data, settings);
  ASSERT_EQ(docs.size(), 8u);
  for (const GeneratedDocument& d : docs) read(d);
  const Document b1 = read(*find(docs, "bao-cao-du-sinh-hoat-B1-2026-10-05"));
  EXPECT_EQ(b1.signature.signer, hostile);
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
  const MonthFigures figures = compute_figures(data, {5});
  const auto r = generate_month_documents(data, figures, settings, templates_dir());
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
  const auto r = generate_month_documents(data, compute_figures(data, {5}), settings, templates_dir());
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
  const auto r =
      generate_month_documents(data, compute_figures(data, {5}), small_settings(), dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), (dir / "documents" / "bao-cao-thang.mustache").string() +
                               ":2:1: Unclosed section \"total\"\n");
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
  return generate_month_documents(*data.value,
                                  compute_figures(*data.value, {settings.report_deadline_days}),
                                  settings, templates_dir());
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
  // 31 attended meetings, the summary, 9 agencies with gaps (the board's own not reminded).
  EXPECT_EQ(xml.value->size(), 41u);
  for (const GeneratedDocument& d : *xml.value) {
    SCOPED_TRACE(d.name);
    read(d);
  }
  const auto csv = generate_from(read_meetings_csv(dir), *settings.value);
  ASSERT_TRUE(csv.ok());
  expect_same(*xml.value, *csv.value);
}

}  // namespace
}  // namespace vanban
