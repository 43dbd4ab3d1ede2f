#include "input/month_settings_reader.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

std::string source(const std::string& relative) {
  return std::string(VANBAN_SOURCE_DIR) + "/" + relative;
}
std::string schema() { return source("templates/schema/month.rng"); }
std::string all(const Diagnostics& errors) {
  std::string out;
  for (const Diagnostic& e : errors) out += e.to_string() + "\n";
  return out;
}

TEST(MonthSettingsReader, ReadsEveryField) {
  const Result<MonthSettings> r =
      read_month_settings(source("tests/data/month/small-month.xml"), schema());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  const MonthSettings& m = *r.value;
  EXPECT_EQ(m.month.year, 2026);
  EXPECT_EQ(m.month.month, 10);
  EXPECT_EQ(m.report_deadline_days, 5);
  EXPECT_EQ(m.regulation, "Chỉ thị số 18-CT/TU, ngày 12/3/2026 của Ban Thường vụ Tỉnh ủy");

  EXPECT_EQ(m.board.key, "Ban Dân vận Tỉnh ủy");
  EXPECT_EQ(m.board.layout, "dang");
  EXPECT_EQ(m.board.issuer.parent, "Tỉnh ủy Vĩnh Giang");
  EXPECT_EQ(m.board.issuer.name, "Ban Dân vận");
  EXPECT_EQ(m.board.issuer.code, "BDVTU");
  EXPECT_EQ(m.board.place, "Vĩnh Giang");
  EXPECT_EQ(m.board.archive, "Ban Dân vận Tỉnh ủy");
  EXPECT_FALSE(m.board.first_report_number.has_value());
  EXPECT_EQ(m.board.reports, ReportMode::Organisation);
  ASSERT_TRUE(m.board.signature.has_value());
  // <authority meaning="deputy">Trưởng ban</authority>: the meaning spelled as the Party does.
  EXPECT_EQ(m.board.signature->lines.authority, std::vector<std::string>{"K/T Trưởng ban"});
  EXPECT_EQ(m.board.signature->lines.role, "Phó Trưởng ban");
  EXPECT_EQ(m.board.signature->lines.signer, "Phạm Thị Thu Hà");
  EXPECT_EQ(m.board.signature->signer_source.line, 19);
  EXPECT_EQ(m.board.signature->signer_source.column, 7);

  EXPECT_EQ(m.summary.date, (CivilDate{2026, 11, 6}));
  EXPECT_EQ(m.summary.first_number, 214);
  EXPECT_EQ(m.summary_addressee, "Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(m.opinions_per_topic, 0);
  EXPECT_EQ(m.gaps_listed, 100);  // the default
  ASSERT_EQ(m.summary.recipients.entries.size(), 2u);
  EXPECT_EQ(m.summary.recipients.entries[0].purpose, "Báo cáo");
  EXPECT_EQ(m.summary.recipients.entries[0].names,
            (std::vector<std::string>{"Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy"}));
  EXPECT_EQ(m.summary.recipients.entries[1].names,
            (std::vector<std::string>{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"}));
  EXPECT_EQ(m.reminders.first_number, 87);
  EXPECT_EQ(m.reply_by, (CivilDate{2026, 11, 16}));

  ASSERT_EQ(m.agencies.size(), 3u);
  EXPECT_EQ(m.agencies[1].key, "Hội Nông dân huyện Ân Lộc");
  EXPECT_EQ(m.agencies[1].layout, "nha-nuoc");
  EXPECT_EQ(m.agencies[1].first_report_number, 12);
  EXPECT_EQ(m.agencies[1].issuer.parent, "");
  EXPECT_EQ(m.agencies[1].source.line, 53);
  EXPECT_EQ(m.agencies[1].reports, ReportMode::Organisation);
  ASSERT_TRUE(m.agencies[1].signature.has_value());
  EXPECT_EQ(m.agencies[1].signature->lines.authority,
            std::vector<std::string>{"T/M Ban Thường vụ"});
  EXPECT_EQ(m.agencies[2].reports, ReportMode::Personal);
  EXPECT_FALSE(m.agencies[2].first_report_number.has_value());
  EXPECT_FALSE(m.agencies[2].signature.has_value());
  EXPECT_EQ(m.find_issuer("Huyện đoàn Ân Lộc"), &m.agencies[2]);
  EXPECT_EQ(m.find_issuer("Ban Dân vận Tỉnh ủy"), &m.board);
  EXPECT_EQ(m.find_issuer("Hội Phụ nữ"), nullptr);
}

// A minimal file with `month`, `extra` inside <month-settings> after <reminders>.
std::string minimal(const std::string& month, const std::string& extra,
                    const std::string& summary_date = "2026-11-06") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<month-settings month=\"" + month + "\" report-deadline-days=\"5\">\n"
         "<board key=\"Ban Dân vận Tỉnh ủy\" layout=\"dang\" reports=\"personal\"><issuer><name>Ban Dân vận</name>"
         "<code>BDVTU</code></issuer><place>Vĩnh Giang</place><archive>Ban</archive>"
         "<signature><role>Trưởng ban</role><signer>Lê Văn A</signer></signature></board>\n"
         "<summary date=\"" + summary_date + "\"><addressee>Ban Thường vụ Tỉnh ủy</addressee>"
         "<recipients><recipient>Thường trực Tỉnh ủy</recipient></recipients></summary>\n"
         "<reminders date=\"2026-11-06\"><recipients><recipient>Thường trực Tỉnh ủy</recipient>"
         "</recipients></reminders>\n" + extra + "</month-settings>\n";
}

std::string agency(const std::string& key, const std::string& attributes = "reports=\"personal\"",
                   const std::string& signature = "") {
  return "<agency key=\"" + key + "\" layout=\"dang\" " + attributes +
         "><issuer><name>X</name><code>X</code></issuer><place>P</place><archive>A</archive>" +
         signature + "</agency>\n";
}

TEST(MonthSettingsReader, SeriesWithoutFirstNumberAreDrafts) {
  const Result<MonthSettings> r = read_month_settings_bytes(minimal("2026-10", ""), "m.xml", schema());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_FALSE(r.value->summary.first_number.has_value());
  EXPECT_FALSE(r.value->reminders.first_number.has_value());
  EXPECT_FALSE(r.value->reply_by.has_value());
  EXPECT_TRUE(r.value->regulation.empty());
}

// How many defaulters' cases the summary names one by one: 0 names none (only the board's own).
TEST(MonthSettingsReader, GapsListedIsAWholeNumberFromZero) {
  auto with = [](const std::string& value) {
    std::string text = minimal("2026-10", "");
    text.replace(text.find("<summary "), 9, "<summary gaps-listed=\"" + value + "\" ");
    return read_month_settings_bytes(text, "m.xml", schema());
  };
  const Result<MonthSettings> zero = with("0");
  ASSERT_TRUE(zero.ok()) << all(zero.errors);
  EXPECT_EQ(zero.value->gaps_listed, 0);
  EXPECT_EQ(with("2500").value->gaps_listed, 2500);
  const Result<MonthSettings> negative = with("-1");
  ASSERT_FALSE(negative.ok());
  EXPECT_NE(all(negative.errors).find("m.xml:4:"), std::string::npos) << all(negative.errors);
  EXPECT_NE(all(negative.errors).find("a whole number from 0 up"), std::string::npos) << all(negative.errors);
}

TEST(MonthSettingsReader, MonthThatDoesNotExist) {
  const Result<MonthSettings> r = read_month_settings_bytes(minimal("2026-13", ""), "m.xml", schema());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), "m.xml:2:1: month=\"2026-13\" does not exist; expected YYYY-MM\n");
}

TEST(MonthSettingsReader, DateThatDoesNotExist) {
  const Result<MonthSettings> r =
      read_month_settings_bytes(minimal("2026-10", "", "2026-11-31"), "m.xml", schema());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), "m.xml:4:1: date=\"2026-11-31\" does not exist; expected YYYY-MM-DD\n");
}

TEST(MonthSettingsReader, AgencyNamedTwice) {
  const Result<MonthSettings> r = read_month_settings_bytes(
      minimal("2026-10", agency("Huyện đoàn Ân Lộc") + agency("Huyện đoàn Ân Lộc")), "m.xml",
      schema());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors),
            "m.xml:7:1: agency key=\"Huyện đoàn Ân Lộc\" is named twice; each agency once\n");
}

TEST(MonthSettingsReader, SchemaErrorsNameThePlace) {
  const Result<MonthSettings> r = read_month_settings_bytes(
      minimal("2026-10", "<agency key=\"A\" layout=\"dang\" reports=\"personal\"><place>P</place></agency>\n"), "m.xml",
      schema());
  ASSERT_FALSE(r.ok());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].file, "m.xml");
  EXPECT_EQ(r.errors[0].line, 6);
  EXPECT_NE(r.errors[0].message.find("issuer"), std::string::npos) << all(r.errors);
}

// Each meaning gets its prefix; the profile respells it per family later ("T/M" -> "TM.").
TEST(MonthSettingsReader, AuthorityIsWrittenAsItsMeaning) {
  const std::string signature =
      "<signature><authority meaning=\"on-behalf\">Ủy ban nhân dân</authority>"
      "<authority meaning=\"deputy\">Chủ tịch</authority><role>Phó Chủ tịch</role>"
      "<signer>Lê Thị B</signer></signature>";
  const Result<MonthSettings> r = read_month_settings_bytes(
      minimal("2026-10", agency("UBND", "reports=\"organisation\" first-report-number=\"3\"",
                                signature)),
      "m.xml", schema());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(r.value->agencies[0].signature->lines.authority,
            (std::vector<std::string>{"T/M Ủy ban nhân dân", "K/T Chủ tịch"}));
  EXPECT_EQ(r.value->agencies[0].first_report_number, 3);
}

// Reports in an organisation's number series are signed for it: without an authority line (or
// without any signature block) the month is refused, at the element that lacks it.
TEST(MonthSettingsReader, OrganisationReportsNeedAnAuthority) {
  const Result<MonthSettings> unsigned_block = read_month_settings_bytes(
      minimal("2026-10", agency("Đảng ủy xã A", "reports=\"organisation\"",
                                "\n<signature><role>Bí thư</role><signer>X</signer></signature>")),
      "m.xml", schema());
  ASSERT_FALSE(unsigned_block.ok());
  ASSERT_EQ(unsigned_block.errors.size(), 1u) << all(unsigned_block.errors);
  EXPECT_EQ(unsigned_block.errors[0].line, 7);
  EXPECT_EQ(unsigned_block.errors[0].column, 1);
  EXPECT_NE(unsigned_block.errors[0].message.find(
                "agency key=\"Đảng ủy xã A\" issues its reports in its own number series"),
            std::string::npos)
      << all(unsigned_block.errors);

  const Result<MonthSettings> no_block = read_month_settings_bytes(
      minimal("2026-10", agency("Đảng ủy xã A", "reports=\"organisation\"")), "m.xml", schema());
  ASSERT_FALSE(no_block.ok());
  EXPECT_EQ(all(no_block.errors).substr(0, 10), "m.xml:6:1:") << all(no_block.errors);
  EXPECT_NE(all(no_block.errors).find("add the <signature>"), std::string::npos);
}

// A personal report has no number of the agency's series and no organisation's signature.
TEST(MonthSettingsReader, PersonalReportsHaveNoNumberNorSignature) {
  const Result<MonthSettings> r = read_month_settings_bytes(
      minimal("2026-10",
              agency("Hội Nông dân xã A", "reports=\"personal\" first-report-number=\"4\"") +
                  agency("Hội Phụ nữ xã A", "reports=\"personal\"",
                         "\n<signature><authority meaning=\"on-behalf\">Ban Thường vụ</authority>"
                         "<role>Chủ tịch</role><signer>Y</signer></signature>")),
      "m.xml", schema());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_EQ(r.errors[0].line, 6);
  EXPECT_NE(r.errors[0].message.find("a cadre's personal report has no number"), std::string::npos);
  EXPECT_EQ(r.errors[1].line, 8);  // at its <signature>
  EXPECT_NE(r.errors[1].message.find("signed by the cadre who reports"), std::string::npos);
}

TEST(MonthSettingsReader, UnknownMeaningIsASchemaError) {
  const Result<MonthSettings> r = read_month_settings_bytes(
      minimal("2026-10", agency("A", "reports=\"organisation\"",
                                "<signature><authority meaning=\"T/M\">Ban</authority><role>R"
                                "</role><signer>S</signer></signature>")),
      "m.xml", schema());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(all(r.errors).find("on-behalf, deputy, by-order, authorised or acting"),
            std::string::npos)
      << all(r.errors);
}

TEST(MonthSettingsReader, MissingFile) {
  const Result<MonthSettings> r = read_month_settings("/nonexistent/month.xml", schema());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, "/nonexistent/month.xml");
}

}  // namespace
}  // namespace vanban
