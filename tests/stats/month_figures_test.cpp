#include "stats/month_figures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "../data/month/small_month.h"
#include "input/meeting_xml_reader.h"
#include "stats/calendar.h"
#include "stored_month.h"

namespace vanban {
namespace {

// The small month in its store, its figures computed once: the gaps are read back from it.
testing::StoredMonth& small_store() {
  static testing::StoredMonth month(testing::small_month());
  return month;
}
MonthFigures small_figures() {
  static const MonthFigures figures = small_store().figures({5});
  return figures;
}
// The figures of a month in a store of its own.
MonthFigures figures_of(const MeetingData& d, const FigureOptions& options) {
  return testing::StoredMonth(d).figures(options);
}

struct Expected {
  int branches, met, meetings, regular, present, on_roll;
  const char* rate;
  int assignments, attended, by_assigned, on_time, late, missing;
};

void expect_tally(const Tally& t, const Expected& e) {
  EXPECT_EQ(t.branches, e.branches);
  EXPECT_EQ(t.branches_met, e.met);
  EXPECT_EQ(t.meetings, e.meetings);
  EXPECT_EQ(t.meetings_on_regular_day, e.regular);
  EXPECT_EQ(t.present, e.present);
  EXPECT_EQ(t.on_roll, e.on_roll);
  EXPECT_EQ(t.attendance_rate, e.rate);
  EXPECT_EQ(t.assignments, e.assignments);
  EXPECT_EQ(t.attended, e.attended);
  EXPECT_EQ(t.attended_by_assigned, e.by_assigned);
  EXPECT_EQ(t.reports_on_time, e.on_time);
  EXPECT_EQ(t.reports_late, e.late);
  EXPECT_EQ(t.reports_missing, e.missing);
}

// By hand, per meeting (see small_month.h):
//   M1 B1: regular (5 = 5), 18/20, C1 assigned, filed 10-08 <= due 10-10: on time
//   M2 B2: not regular (12 != 10), 31/40, C1 assigned, filed 10-20 > due 10-17: late
//   M3 B3: regular (31 = 31), 24/30, nobody attended: no report owed
//   M4 B4: regular (20 = 20), 41/50, C4 attended but only C3 is assigned there: missing
//   M5 B5: regular (15 = 15), 20/25, C4 assigned, filed 10-20 = due 10-20: on time
// Total: 6 branches, 5 of them met (not B6), 5 meetings, 4 on the regular day, 18+31+24+41+20 = 134 present of
// 20+40+30+50+25 = 165 on roll: 134/165 = 81,2121...% -> "81,21%"; 6 assignments; 4 attended
// (M1 M2 M4 M5), 3 by the assigned cadre (M1 M2 M5); on time 2 (M1 M5), late 1, missing 1.
TEST(MonthFigures, TotalMatchesHandComputation) {
  const MonthFigures f = small_figures();
  EXPECT_EQ(f.month.year, 2026);
  EXPECT_EQ(f.month.month, 10);
  EXPECT_EQ(f.report_deadline_days, 5);
  expect_tally(f.total, {6, 5, 5, 4, 134, 165, "81,21%", 6, 4, 3, 2, 1, 1});
  // Grades: M1 and M5 good, M2 fair, M4 average, M3 ungraded.
  EXPECT_EQ(f.total.by_quality, (std::array<int, 4>{2, 1, 1, 0}));
  EXPECT_EQ(f.by_organisation[static_cast<int>(Organisation::Farmers)].by_quality,
            (std::array<int, 4>{0, 1, 1, 0}));
}

// (Each branch met at most once: branches met = meetings.)
// Party: B1 only: 18/20 = 90,00%.
// Front: no branch: all zero, no rate.
// Farmers: B2 + B4: 2 branches, 2 meetings, 1 regular (M4), 31+41 = 72 of 40+50 = 90 = 80,00%;
//   2 assignments; attended 2 (M2 M4); by the assigned 1 (M2); late 1 (M2), missing 1 (M4).
// Women: B3: 24/30 = 80,00%; 1 assignment, nobody attended.
// Veterans: B6: 1 branch, 1 assignment, no meeting: no rate.
// Youth: B5: 20/25 = 80,00%; attended by its assigned cadre, on time.
TEST(MonthFigures, PerOrganisationMatchesHandComputation) {
  const MonthFigures f = small_figures();
  const auto org = [&](Organisation o) { return f.by_organisation[static_cast<int>(o)]; };
  expect_tally(org(Organisation::Party), {1, 1, 1, 1, 18, 20, "90%", 1, 1, 1, 1, 0, 0});
  expect_tally(org(Organisation::Front), {0, 0, 0, 0, 0, 0, "", 0, 0, 0, 0, 0, 0});
  expect_tally(org(Organisation::Farmers), {2, 2, 2, 1, 72, 90, "80%", 2, 2, 1, 0, 1, 1});
  expect_tally(org(Organisation::Women), {1, 1, 1, 1, 24, 30, "80%", 1, 0, 0, 0, 0, 0});
  expect_tally(org(Organisation::Veterans), {1, 0, 0, 0, 0, 0, "", 1, 0, 0, 0, 0, 0});
  expect_tally(org(Organisation::Youth), {1, 1, 1, 1, 20, 25, "80%", 1, 1, 1, 1, 0, 0});
}

// Districts in Vietnamese order: "huyện Ân Lộc" before "huyện Bình Sơn" (byte order would put
// "Bình" first: 'B' < 0xC3).
// Ân Lộc = B4 B5 B6: 3 branches, 2 meetings, both regular, 41+20 = 61 of 50+25 = 75 = 81,333%;
//   3 assignments; attended 2 (M4 M5), by the assigned 1 (M5); on time 1, missing 1.
//   One commune, xã Tân Hòa: the same figures.
// Bình Sơn = B1 B2 B3: 3 branches, 3 meetings, 2 regular (M1 M3), 18+31+24 = 73 of 90 = 81,111%;
//   3 assignments; attended 2 (M1 M2), both by the assigned; on time 1, late 1.
//   Communes: xã Ân Phú (B3: 24/30) before xã Bình Lợi (B1 B2: 49/60 = 81,666%).
TEST(MonthFigures, PerDistrictAndCommuneInVietnameseOrder) {
  const MonthFigures f = small_figures();
  ASSERT_EQ(f.by_district.size(), 2u);
  EXPECT_EQ(f.by_district[0].name, "huyện Ân Lộc");
  expect_tally(f.by_district[0].tally, {3, 2, 2, 2, 61, 75, "81,33%", 3, 2, 1, 1, 0, 1});
  ASSERT_EQ(f.by_district[0].communes.size(), 1u);
  EXPECT_EQ(f.by_district[0].communes[0].name, "xã Tân Hòa");
  expect_tally(f.by_district[0].communes[0].tally, {3, 2, 2, 2, 61, 75, "81,33%", 3, 2, 1, 1, 0, 1});

  EXPECT_EQ(f.by_district[1].name, "huyện Bình Sơn");
  expect_tally(f.by_district[1].tally, {3, 3, 3, 2, 73, 90, "81,11%", 3, 2, 2, 1, 1, 0});
  ASSERT_EQ(f.by_district[1].communes.size(), 2u);
  EXPECT_EQ(f.by_district[1].communes[0].name, "xã Ân Phú");
  expect_tally(f.by_district[1].communes[0].tally, {1, 1, 1, 1, 24, 30, "80%", 1, 0, 0, 0, 0, 0});
  EXPECT_EQ(f.by_district[1].communes[1].name, "xã Bình Lợi");
  expect_tally(f.by_district[1].communes[1].tally, {2, 2, 2, 1, 49, 60, "81,67%", 2, 2, 2, 1, 1, 0});
}

// Gaps: C2 absent at M3; C1 late at M2; C3 absent at M4 (B6 did not meet: no gap there); C4
// missing at M4. Agencies in Vietnamese order: "Ban Dân vận ...", "Hội Nông dân ...", "Huyện
// đoàn ..." ("Hội" < "Huyện" as o < u; byte order would put "Huyện" first). Within Bình Sơn:
// Lê Thị Ánh before Trần Văn Bảy.
TEST(MonthFigures, GapsGroupedByAgency) {
  const MonthFigures f = small_figures();
  ASSERT_EQ(f.gaps_by_agency.size(), 3u);

  const AgencyGaps& binh_son = f.gaps_by_agency[0];
  EXPECT_EQ(binh_son.agency, "Ban Dân vận Huyện ủy Bình Sơn");
  EXPECT_EQ(binh_son.absent, 1);
  EXPECT_EQ(binh_son.late, 1);
  EXPECT_EQ(binh_son.missing, 0);
  ASSERT_EQ(binh_son.count(), 2u);
  const std::vector<testing::GapRow> binh_son_gaps = small_store().gaps(binh_son.agency);
  ASSERT_EQ(binh_son_gaps.size(), 2u);
  const testing::GapRow& absent = binh_son_gaps[0];
  EXPECT_EQ(absent.gap.kind, GapKind::Absent);
  EXPECT_EQ(absent.cadre.name, "Lê Thị Ánh");
  EXPECT_EQ(absent.cadre.position, "Chuyên viên Ban Dân vận Huyện ủy");
  EXPECT_EQ(absent.branch.name, "Chi hội Phụ nữ ấp Ông Đề");
  EXPECT_EQ(absent.branch.commune, "xã Ân Phú");
  EXPECT_EQ(absent.branch.district, "huyện Bình Sơn");
  EXPECT_EQ(absent.gap.meeting_date, (CivilDate{2026, 10, 31}));
  const testing::GapRow& late = binh_son_gaps[1];
  EXPECT_EQ(late.gap.kind, GapKind::ReportLate);
  EXPECT_EQ(late.cadre.id, "C1");
  EXPECT_EQ(late.branch.id, "B2");
  EXPECT_EQ(late.gap.meeting_date, (CivilDate{2026, 10, 12}));
  EXPECT_EQ(late.gap.report_due, (CivilDate{2026, 10, 17}));
  EXPECT_EQ(late.gap.report_filed, (CivilDate{2026, 10, 20}));
  EXPECT_EQ(late.gap.days_late, 3);

  EXPECT_EQ(f.gaps_by_agency[1].agency, "Hội Nông dân huyện Ân Lộc");
  const std::vector<testing::GapRow> farmers = small_store().gaps(f.gaps_by_agency[1].agency);
  ASSERT_EQ(farmers.size(), 1u);
  EXPECT_EQ(farmers[0].gap.kind, GapKind::Absent);
  EXPECT_EQ(farmers[0].cadre.name, "Nguyễn Văn Út");
  EXPECT_EQ(farmers[0].branch.id, "B4");

  EXPECT_EQ(f.gaps_by_agency[2].agency, "Huyện đoàn Ân Lộc");
  const std::vector<testing::GapRow> youth = small_store().gaps(f.gaps_by_agency[2].agency);
  ASSERT_EQ(youth.size(), 1u);
  const testing::GapRow& missing = youth[0];
  EXPECT_EQ(missing.gap.kind, GapKind::ReportMissing);
  EXPECT_EQ(missing.cadre.name, "Đỗ Minh Châu");
  EXPECT_EQ(missing.branch.id, "B4");
  EXPECT_EQ(missing.gap.report_due, (CivilDate{2026, 10, 25}));
  EXPECT_EQ(f.gaps_by_agency[2].missing, 1);
}

// Topics in Vietnamese order: "Bảo hiểm xã hội", "Giá vật tư nông nghiệp", "Giao thông nông
// thôn" ("Giá" < "Giao": a prefix; byte order would put "Giao" first). Within "Giá vật tư": M4
// (huyện Ân Lộc) before M2 (huyện Bình Sơn).
TEST(MonthFigures, OpinionsGroupedByTopic) {
  const MonthFigures f = small_figures();
  ASSERT_EQ(f.opinions_by_topic.size(), 3u);
  EXPECT_EQ(f.opinions_by_topic[0].topic, "Bảo hiểm xã hội");
  EXPECT_EQ(f.opinions_by_topic[1].topic, "Giá vật tư nông nghiệp");
  EXPECT_EQ(f.opinions_by_topic[2].topic, "Giao thông nông thôn");
  const auto& prices = f.opinions_by_topic[1].opinions;
  ASSERT_EQ(prices.size(), 2u);
  EXPECT_EQ(prices[0].branch_id, "B4");
  EXPECT_EQ(prices[0].text, "Đề nghị kiểm tra chất lượng thuốc bảo vệ thực vật");
  EXPECT_EQ(prices[0].district, "huyện Ân Lộc");
  EXPECT_EQ(prices[1].branch_id, "B2");
  EXPECT_EQ(prices[1].meeting_date, (CivilDate{2026, 10, 12}));
}

// A limit keeps the first opinions of each topic in the summary's order and counts the rest:
// what the figures hold stays the same however many meetings the month has (the memory of a
// province of a million branches does not grow with its opinions).
TEST(MonthFigures, KeepsOnlyTheOpinionsTheSummaryQuotes) {
  const auto with_opinions = [](int meetings) {
    MeetingData d = testing::small_month();
    for (int i = 0; i < meetings; ++i) {
      // A branch of its own for each, beside B2 or B4: a branch meets once a day.
      Branch b = d.branches[i % 2 ? 1 : 3];
      b.id += "-" + std::to_string(i);
      d.branches.push_back(b);
      Meeting m;
      m.branch_id = b.id;
      m.date = {2026, 10, 1 + i % 28};
      m.present = 10;
      m.opinions.push_back({"Giá vật tư nông nghiệp", "Ý kiến số " + std::to_string(1000 + i)});
      d.meetings.push_back(std::move(m));
    }
    return d;
  };
  for (const int meetings : {30, 300}) {
    const MeetingData d = with_opinions(meetings);
    const MonthFigures all = figures_of(d, {5});
    const MonthFigures kept = figures_of(d, {5, 3});
    ASSERT_EQ(kept.opinions_by_topic.size(), all.opinions_by_topic.size());
    const TopicOpinions& prices = kept.opinions_by_topic[1];
    const TopicOpinions& every = all.opinions_by_topic[1];
    EXPECT_EQ(prices.count, static_cast<std::size_t>(meetings) + 2);  // with B2's and B4's own
    EXPECT_EQ(every.opinions.size(), prices.count);
    ASSERT_EQ(prices.opinions.size(), 3u);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_EQ(prices.opinions[j].text, every.opinions[j].text);
      EXPECT_EQ(prices.opinions[j].branch_id, every.opinions[j].branch_id);
      EXPECT_EQ(prices.opinions[j].meeting_date, every.opinions[j].meeting_date);
    }
  }
}

// The deadline is an option: with 7 days, M2 (filed 8 days after) is still late, and with 8 it
// is on time.
TEST(MonthFigures, DeadlineIsConfigurable) {
  EXPECT_EQ(figures_of(testing::small_month(), {7}).total.reports_late, 1);
  const MonthFigures f = figures_of(testing::small_month(), {8});
  EXPECT_EQ(f.total.reports_late, 0);
  EXPECT_EQ(f.total.reports_on_time, 3);
  EXPECT_EQ(f.report_deadline_days, 8);
}

// A regular day of 31 in a 30-day month means the last day.
TEST(MonthFigures, RegularDayBeyondTheMonthIsItsLastDay) {
  MeetingData d = testing::small_month();
  d.month = {2026, 11};
  for (Meeting& m : d.meetings) m.date.month = 11;
  d.meetings.erase(d.meetings.begin() + 2);  // M3 on the 31st does not exist in November
  Meeting m3;
  m3.branch_id = "B3";
  m3.date = {2026, 11, 30};
  m3.present = 10;
  d.meetings.push_back(m3);
  for (Meeting& m : d.meetings)
    if (m.report_filed) m.report_filed->month = 11;
  const MonthFigures f = figures_of(d, {5});
  EXPECT_EQ(f.by_organisation[static_cast<int>(Organisation::Women)].meetings_on_regular_day, 1);
  EXPECT_EQ(f.total.meetings_on_regular_day, 4);
}

// A second meeting of B1 on 10-25 (off its day 5; 15 present; C1, filed 10-26 on time): the
// branch counts once as met, its roll twice: 134 + 15 = 149 of 165 + 20 = 185 = 80,5405...%.
TEST(MonthFigures, ABranchThatMeetsTwiceCountsOnceAsMet) {
  MeetingData d = testing::small_month();
  Meeting again;
  again.branch_id = "B1";
  again.date = {2026, 10, 25};
  again.present = 15;
  again.cadre_id = "C1";
  again.report_filed = CivilDate{2026, 10, 26};
  d.meetings.push_back(again);
  expect_tally(figures_of(d, {5}).total,
               {6, 5, 6, 4, 149, 185, "80,54%", 6, 5, 4, 3, 1, 1});
}

// Records in any order give the same figures and the same lists.
TEST(MonthFigures, IndependentOfRecordOrder) {
  const MonthFigures a = small_figures();
  MeetingData d = testing::small_month();
  std::mt19937 rng(42);
  std::shuffle(d.branches.begin(), d.branches.end(), rng);
  std::shuffle(d.cadres.begin(), d.cadres.end(), rng);
  std::shuffle(d.assignments.begin(), d.assignments.end(), rng);
  std::shuffle(d.meetings.begin(), d.meetings.end(), rng);
  testing::StoredMonth shuffled(d);
  const MonthFigures b = shuffled.figures({5});
  EXPECT_EQ(b.total.present, a.total.present);
  ASSERT_EQ(b.by_district.size(), a.by_district.size());
  for (std::size_t i = 0; i < a.by_district.size(); ++i)
    EXPECT_EQ(b.by_district[i].name, a.by_district[i].name);
  ASSERT_EQ(b.gaps_by_agency.size(), a.gaps_by_agency.size());
  for (std::size_t i = 0; i < a.gaps_by_agency.size(); ++i) {
    const std::vector<testing::GapRow> ga = small_store().gaps(a.gaps_by_agency[i].agency);
    const std::vector<testing::GapRow> gb = shuffled.gaps(b.gaps_by_agency[i].agency);
    ASSERT_EQ(gb.size(), ga.size());
    for (std::size_t j = 0; j < ga.size(); ++j) {
      EXPECT_EQ(gb[j].cadre.id, ga[j].cadre.id);
      EXPECT_EQ(gb[j].branch.id, ga[j].branch.id);
    }
  }
  for (std::size_t i = 0; i < a.opinions_by_topic.size(); ++i)
    for (std::size_t j = 0; j < a.opinions_by_topic[i].opinions.size(); ++j)
      EXPECT_EQ(b.opinions_by_topic[i].opinions[j].text, a.opinions_by_topic[i].opinions[j].text);
}

// Records naming an unknown branch or cadre (rejected by the checks) are left out.
TEST(MonthFigures, UnknownReferencesAreLeftOut) {
  MeetingData d = testing::small_month();
  d.assignments.push_back({"C9", "B1", {}});
  d.assignments.push_back({"C1", "B9", {}});
  Meeting stray;
  stray.branch_id = "B9";
  stray.date = {2026, 10, 3};
  stray.present = 99;
  d.meetings.push_back(stray);
  testing::StoredMonth stored(d);
  // Each rejected by the checks (beside the warning about M4's substitute).
  EXPECT_EQ(std::count_if(stored.messages().begin(), stored.messages().end(), [](const Diagnostic& m) { return !m.warning; }), 3);
  const MonthFigures f = stored.figures({5});
  EXPECT_EQ(f.total.meetings, 5);
  EXPECT_EQ(f.total.present, 134);
  EXPECT_EQ(f.total.assignments, 6);
}

// The same month written as XML (tests/data/meetings/small/2026-10.xml), through the reader:
// the figures computed by hand above.
TEST(MonthFigures, SmallFixtureReadFromXml) {
  const std::string dir = std::string(VANBAN_SOURCE_DIR);
  const Result<MeetingData> data = read_meetings_xml(
      dir + "/tests/data/meetings/small/2026-10.xml", dir + "/templates/schema/meetings.rng");
  ASSERT_TRUE(data.ok());
  testing::StoredMonth stored(*data.value);
  const MonthFigures f = stored.figures({5});
  expect_tally(f.total, {6, 5, 5, 4, 134, 165, "81,21%", 6, 4, 3, 2, 1, 1});
  expect_tally(f.by_organisation[static_cast<int>(Organisation::Farmers)],
               {2, 2, 2, 1, 72, 90, "80%", 2, 2, 1, 0, 1, 1});
  ASSERT_EQ(f.by_district.size(), 2u);
  EXPECT_EQ(f.by_district[0].name, "huyện Ân Lộc");
  ASSERT_EQ(f.gaps_by_agency.size(), 3u);
  EXPECT_EQ(stored.gaps(f.gaps_by_agency[0].agency).at(1).gap.days_late, 3);
  EXPECT_EQ(f.opinions_by_topic[1].topic, "Giá vật tư nông nghiệp");
}

// Data with districts (months before July 2025) is grouped by district; then by_commune stays
// empty, since two districts may each have a commune of the same name.
TEST(MonthFigures, DistrictDataHasNoFlatCommuneList) {
  EXPECT_TRUE(small_figures().by_commune.empty());
}

// The two-tier administration: the same month with its communes directly under the province
// (tests/data/meetings/two-tier: B1 B2 xã Bình Lợi, B3 phường Ân Phú, B4-B6 đặc khu Hòn Tre).
// No district: by_district is empty and the communes are the areas, in Vietnamese order
// (đ < p < x), with the figures of the district-grouped communes above.
TEST(MonthFigures, TwoTierDataGroupsByCommune) {
  const std::string dir = std::string(VANBAN_SOURCE_DIR);
  const Result<MeetingData> data = read_meetings_xml(
      dir + "/tests/data/meetings/two-tier/2026-10.xml", dir + "/templates/schema/meetings.rng");
  ASSERT_TRUE(data.ok());
  testing::StoredMonth stored(*data.value);
  const MonthFigures f = stored.figures({5});
  EXPECT_TRUE(f.by_district.empty());
  ASSERT_EQ(f.by_commune.size(), 3u);
  EXPECT_EQ(f.by_commune[0].name, "đặc khu Hòn Tre");
  expect_tally(f.by_commune[0].tally, {3, 2, 2, 2, 61, 75, "81,33%", 3, 2, 1, 1, 0, 1});
  EXPECT_EQ(f.by_commune[1].name, "phường Ân Phú");
  expect_tally(f.by_commune[1].tally, {1, 1, 1, 1, 24, 30, "80%", 1, 0, 0, 0, 0, 0});
  EXPECT_EQ(f.by_commune[2].name, "xã Bình Lợi");
  expect_tally(f.by_commune[2].tally, {2, 2, 2, 1, 49, 60, "81,67%", 2, 2, 2, 1, 1, 0});
  expect_tally(f.total, {6, 5, 5, 4, 134, 165, "81,21%", 6, 4, 3, 2, 1, 1});
  // Gaps and opinions carry no district; a gap knows its branch's organisation.
  for (const AgencyGaps& a : f.gaps_by_agency)
    for (const testing::GapRow& g : stored.gaps(a.agency)) EXPECT_EQ(g.branch.district, "") << g.cadre.id;
  // Vietnamese order: "Ban ..." < "Đoàn ..." (đ after d) < "Hội ...".
  ASSERT_EQ(f.gaps_by_agency.size(), 3u);
  const AgencyGaps& youth = f.gaps_by_agency[1];
  EXPECT_EQ(youth.agency, "Đoàn đặc khu Hòn Tre");
  const std::vector<testing::GapRow> youth_gaps = stored.gaps(youth.agency);
  ASSERT_EQ(youth_gaps.size(), 1u);
  EXPECT_EQ(youth_gaps[0].branch.organisation, Organisation::Farmers);  // C4 at B4, a farmers' branch
}

// A rate that is a whole percentage exactly prints without decimals: 18/20 -> "90%" for the
// Party (B1 alone), 90/90 = "100%" when every member came; others keep two decimals.
TEST(MonthFigures, WholeRatesHaveNoDecimals) {
  const MonthFigures f = small_figures();
  EXPECT_EQ(f.by_organisation[static_cast<int>(Organisation::Party)].attendance_rate, "90%");
  MeetingData d = testing::small_month();
  for (Meeting& m : d.meetings)
    for (const Branch& b : d.branches)
      if (b.id == m.branch_id) m.present = b.members;
  EXPECT_EQ(figures_of(d, {5}).total.attendance_rate, "100%");
}

TEST(Calendar, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(add_days({2026, 10, 28}, 5), (CivilDate{2026, 11, 2}));
  EXPECT_EQ(add_days({2026, 12, 30}, 3), (CivilDate{2027, 1, 2}));
  EXPECT_EQ(add_days({2028, 2, 27}, 2), (CivilDate{2028, 2, 29}));
  EXPECT_EQ(add_days({2026, 3, 1}, -1), (CivilDate{2026, 2, 28}));
  EXPECT_EQ(days_in_month(2026, 11), 30);
  EXPECT_EQ(days_in_month(2028, 2), 29);
}

}  // namespace
}  // namespace vanban
