#include "input/guidance_reader.h"

#include <gtest/gtest.h>

#include "input_test_util.h"

namespace vanban {
namespace {

using testing::all;
using testing::source_path;

std::string schema() { return source_path("templates/schema/guidance.rng"); }

// A small valid guidance file; `topics` and `extra` (news, days ...) are spliced in.
std::string guidance(const std::string& topics, const std::string& extra = "",
                     const std::string& month = "2026-10") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<guidance month=\"" + month + "\">\n"
         "  <issuer><name>Ban Dân vận Tỉnh ủy</name><code>BDVTU</code>"
         "<place>Vĩnh Giang</place><date>2026-09-28</date></issuer>\n"
         "  <organisations>\n"
         "    <organisation id=\"dang\" code=\"TU\">Đảng bộ tỉnh</organisation>\n"
         "    <organisation id=\"nong-dan\" code=\"HNDT\">Hội Nông dân tỉnh</organisation>\n"
         "  </organisations>\n" +
         topics + extra + "</guidance>\n";
}

std::string topic(const std::string& audience, const std::string& title = "Chủ đề") {
  return "  <topic audience=\"" + audience + "\"><title>" + title +
         "</title><section><p>Nội dung.</p></section></topic>\n";
}

Result<Guidance> read(const std::string& bytes) {
  return read_guidance_bytes(bytes, "g.xml", schema());
}

// The one message expected, as FILE:LINE:COL: message.
std::string only_error(const std::string& bytes) {
  const Result<Guidance> r = read(bytes);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.errors.size(), 1u) << all(r.errors);
  return r.errors.empty() ? "" : r.errors.front().to_string();
}

TEST(GuidanceReader, ReadsTheSampleMonth) {
  const Result<Guidance> r = read_guidance(source_path("content/2026-10/guidance.xml"), schema());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  const Guidance& g = *r.value;
  EXPECT_EQ(g.month.year, 2026);
  EXPECT_EQ(g.month.month, 10);
  EXPECT_EQ(g.issuer.name, "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang");
  EXPECT_EQ(g.issuer.code, "BTGDVTU");
  EXPECT_EQ(g.place, "Trường Giang");
  EXPECT_EQ(g.date, (CivilDate{2026, 9, 28}));
  ASSERT_EQ(g.organisations.size(), 6u);
  EXPECT_EQ(g.organisations[2].id, Organisation::Farmers);
  EXPECT_EQ(g.organisations[2].name, "Hội Nông dân tỉnh Trường Giang");
  EXPECT_EQ(g.organisations[2].code, "HNDT");

  ASSERT_EQ(g.topics.size(), 6u);
  EXPECT_TRUE(g.topics[0].audience.everyone);
  EXPECT_FALSE(g.topics[1].audience.everyone);
  EXPECT_EQ(g.topics[1].audience.organisations,
            (std::vector<Organisation>{Organisation::Party, Organisation::Front}));
  EXPECT_TRUE(g.topics[2].audience.includes(Organisation::Farmers));
  EXPECT_FALSE(g.topics[2].audience.includes(Organisation::Party));
  EXPECT_EQ(g.topics[0].sections.size(), 3u);
  EXPECT_EQ(g.topics[0].sections[0].title, "Tình hình hộ nghèo, hộ cận nghèo của tỉnh");
  EXPECT_EQ(g.topics[0].key_points.size(), 3u);
  EXPECT_EQ(g.topics[0].questions.size(), 3u);
  ASSERT_EQ(g.topics[0].key_figures.size(), 3u);
  EXPECT_EQ(g.topics[0].key_figures[0].value, "4.126 hộ");
  // Inline emphasis survives: the second key point reads "... là <b>tự nguyện</b>; ...".
  const Inlines& point = g.topics[0].key_points[1];
  ASSERT_EQ(point.size(), 3u);
  EXPECT_EQ(point[1], (TextRun{"tự nguyện", true, false}));

  ASSERT_EQ(g.news.size(), 4u);
  EXPECT_TRUE(g.news[0].audience.everyone);
  EXPECT_EQ(g.news[2].audience.organisations, std::vector<Organisation>{Organisation::Farmers});
  ASSERT_EQ(g.commemorations.size(), 7u);
  EXPECT_EQ(g.commemorations[3].day, 14);
  EXPECT_EQ(g.commemorations[3].since, 1930);
  EXPECT_EQ(g.commemorations[3].name, "Ngày thành lập Hội Nông dân Việt Nam");
  EXPECT_EQ(g.commemorations[2].since, 0);
  ASSERT_EQ(g.meeting_days.size(), 6u);
  EXPECT_EQ(g.meeting_days[1].first_day, 8);
  EXPECT_EQ(g.meeting_days[1].last_day, 12);
  EXPECT_EQ(g.meeting_days[3].first_day, 15);
  EXPECT_EQ(g.meeting_days[3].last_day, 15);
}

TEST(GuidanceReader, QuotesTidiesSpacesAndNormalisesToNfc) {
  // "Hội" and "Nông" written decomposed (o + combining marks); runs of spaces and new lines.
  const std::string nfd_title = "Ho\u0323\u0302i  No\u0302ng\n dân";
  const Result<Guidance> r = read(guidance(
      "  <topic audience=\"all\"><title>" + nfd_title + "</title><section title=\"  Tình   hình \">"
      "<p>  Hội viên <q>tự nguyện</q>   <i>góp <b>vốn</b></i> </p></section></topic>\n"));
  ASSERT_TRUE(r.ok()) << all(r.errors);
  const GuidanceTopic& t = r.value->topics[0];
  EXPECT_EQ(t.title, "Hội Nông dân");
  EXPECT_EQ(t.sections[0].title, "Tình hình");
  EXPECT_EQ(t.sections[0].paragraphs[0],
            (Inlines{{"Hội viên \u201Ctự nguyện\u201D ", false, false},
                     {"góp ", false, true},
                     {"vốn", true, true}}));
}

TEST(GuidanceReader, AnUnknownOrganisationInAnAudienceNamesTheAllowedIds) {
  EXPECT_EQ(only_error(guidance(topic("all") + topic("nong-dan hoi-sinh-vien"))),
            "g.xml:9:3: unknown organisation 'hoi-sinh-vien' in audience=\"nong-dan hoi-sinh-vien\"; "
            "expected all, or some of: dang, mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan");
}

TEST(GuidanceReader, AnAudienceMustHaveAGuide) {
  EXPECT_EQ(only_error(guidance(topic("doan"))),
            "g.xml:8:3: organisation 'doan' in audience=\"doan\" gets no guide: <organisations> "
            "does not list it");
}

TEST(GuidanceReader, AllStandsAloneAndIdsAreNamedOnce) {
  EXPECT_EQ(only_error(guidance(topic("all dang"))),
            "g.xml:8:3: audience=\"all dang\" mixes all with organisation ids; write all alone");
  EXPECT_EQ(only_error(guidance(topic("dang dang"))),
            "g.xml:8:3: organisation 'dang' is named twice in audience=\"dang dang\"");
}

TEST(GuidanceReader, OrganisationsAreKnownAndListedOnce) {
  std::string bad = guidance(topic("all"));
  bad.replace(bad.find("id=\"nong-dan\""), 13, "id=\"nong-dan-tinh\"");
  EXPECT_EQ(only_error(bad),
            "g.xml:6:5: unknown organisation id=\"nong-dan-tinh\"; expected one of: dang, "
            "mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan");
  bad = guidance(topic("all"));
  bad.replace(bad.find("id=\"nong-dan\""), 13, "id=\"dang\"");
  EXPECT_EQ(only_error(bad),
            "g.xml:6:5: organisation id=\"dang\" is listed twice; each organisation once");
}

TEST(GuidanceReader, DaysFallInTheMonth) {
  EXPECT_EQ(only_error(guidance(topic("all"),
                                "  <commemoration day=\"31\">Ngày kỷ niệm</commemoration>\n",
                                "2026-11")),
            "g.xml:9:3: day=\"31\" is not a day of 11/2026");
  EXPECT_EQ(only_error(guidance(topic("all"),
                                "  <meeting-days from=\"12\" to=\"8\">chi bộ họp</meeting-days>\n")),
            "g.xml:9:3: to=\"8\" is before from=\"12\"");
  EXPECT_EQ(only_error(guidance(topic("all"),
                                "  <commemoration day=\"14\" since=\"2030\">Ngày</commemoration>\n")),
            "g.xml:9:3: since=\"2030\" is after the guidance month");
}

TEST(GuidanceReader, MonthAndDateMustExist) {
  EXPECT_EQ(only_error(guidance(topic("all"), "", "2026-13")),
            "g.xml:2:1: month=\"2026-13\" does not exist; expected YYYY-MM");
  std::string bad = guidance(topic("all"));
  bad.replace(bad.find("2026-09-28"), 10, "2026-02-30");
  EXPECT_EQ(only_error(bad), "g.xml:3:86: date '2026-02-30' does not exist; expected YYYY-MM-DD");
}

TEST(GuidanceReader, EmptyTextIsRefused) {
  EXPECT_EQ(only_error(guidance("  <topic audience=\"all\"><title>T</title><section><p>Có.</p>"
                                "</section><questions><question> <b> </b> </question></questions>"
                                "</topic>\n")),
            "g.xml:8:81: <question> is empty; expected some text");
}

TEST(GuidanceReader, SchemaErrorsSayWhatWasExpected) {
  EXPECT_EQ(only_error(guidance("  <topic audience=\"all\"><section><p>Nội dung.</p></section></topic>\n")),
            "g.xml:8:25: expected element <title> inside <topic> before <section>");
  EXPECT_EQ(only_error(guidance(topic("all"), "  <commemoration day=\"32\">X</commemoration>\n")),
            "g.xml:9:3: attribute day='32' of <commemoration> is not valid; expected a day of the "
            "month from 1 to 31, such as 14");
  EXPECT_EQ(only_error(guidance(topic("Nong-dan"))),
            "g.xml:8:3: attribute audience='Nong-dan' of <topic> is not valid; expected all, or "
            "organisation ids separated by spaces, such as nong-dan phu-nu");
}

TEST(GuidanceReader, AMissingFileIsNamed) {
  const Result<Guidance> r = read_guidance("/nonexistent/guidance.xml", schema());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, "/nonexistent/guidance.xml");
  EXPECT_NE(r.errors[0].message.find("cannot read the file"), std::string::npos);
}

}  // namespace
}  // namespace vanban
