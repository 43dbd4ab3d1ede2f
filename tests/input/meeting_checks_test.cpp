#include "input/meeting_checks.h"

#include <gtest/gtest.h>

#include "input_test_util.h"
#include "meeting_test_util.h"

namespace vanban {
namespace {

using testing::all;

// Data built in code, as a generator would: no field places, so messages point at the record.
MeetingData month_in_code() {
  MeetingData d;
  d.month = {2026, 2};
  Branch b;
  b.id = "B1";
  b.kind = "chi bộ";
  b.name = "Chi bộ 1";
  b.commune = "x";
  b.district = "y";
  b.members = 10;
  b.meeting_day = 30;  // later than February has: the regular day is the last one then
  b.source = {"gen", 1, 1};
  d.branches.push_back(b);
  Cadre c;
  c.id = "C1";
  c.name = "A";
  c.source = {"gen", 2, 1};
  d.cadres.push_back(c);
  d.assignments.push_back({"C1", "B1", {"gen", 3, 1}});
  Meeting m;
  m.branch_id = "B1";
  m.date = {2026, 2, 28};
  m.present = 10;
  m.cadre_id = "C1";
  m.report_filed = CivilDate{2026, 3, 1};
  m.source = {"gen", 4, 1};
  d.meetings.push_back(m);
  return d;
}

TEST(MeetingChecks, KeepsGoodDataAsItIs) {
  Diagnostics out;
  const MeetingData d = month_in_code();
  const MeetingData checked = check_meetings(d, out);
  EXPECT_EQ(all(out), "");
  EXPECT_EQ(testing::dump(checked), testing::dump(d));
}

// Districts are all or nothing: a branch without one among branches with one is kept, with a
// warning at it; data without any district (the two-tier administration) has none.
TEST(MeetingChecks, WarnsOfABranchWithoutDistrictAmongDistricts) {
  MeetingData d = month_in_code();
  d.branches.push_back(d.branches[0]);
  d.branches[1].id = "B2";
  d.branches[1].district = "";
  d.branches[1].source.line = 5;
  Diagnostics out;
  EXPECT_EQ(check_meetings(d, out).branches.size(), 2u);
  EXPECT_EQ(all(out),
            "gen:5:1: warning: branch 'B2': no district, while other branches name theirs; its "
            "figures are counted under a district with no name\n");

  d.branches[0].district = "";
  Diagnostics none;
  check_meetings(d, none);
  EXPECT_EQ(all(none), "");
}

TEST(MeetingChecks, RejectsNumbersOutOfRangeAndEmptyIds) {
  MeetingData d = month_in_code();
  d.branches.push_back(d.branches[0]);
  d.branches[1].id = "B2";
  d.branches[1].members = -3;
  d.branches[1].meeting_day = 0;
  d.branches[1].source.line = 5;
  d.cadres.push_back(d.cadres[0]);
  d.cadres[1].id = "";
  d.cadres[1].source.line = 6;
  d.meetings[0].present = 0;
  Diagnostics out;
  const MeetingData checked = check_meetings(d, out);
  EXPECT_EQ(all(out),
            "gen:5:1: branch 'B2' rejected: members -3: a branch has at least one member on its "
            "roll\n"
            "gen:5:1: branch 'B2' rejected: meeting-day 0 is not a day of the month (1-31)\n"
            "gen:6:1: cadre rejected: id is empty\n"
            "gen:4:1: meeting of branch 'B1' on 2026-02-28 rejected: present 0: a meeting has at "
            "least one member present\n");
  EXPECT_EQ(checked.branches.size(), 1u);
  EXPECT_EQ(checked.cadres.size(), 1u);
  EXPECT_TRUE(checked.meetings.empty());
}

TEST(MeetingChecks, DropsWhatAReaderRejectedAndSaysSoWhenItIsNamed) {
  MeetingData d = month_in_code();
  d.cadres[0].source.rejected = true;  // the reader has reported it already
  Diagnostics out;
  const MeetingData checked = check_meetings(d, out);
  EXPECT_EQ(all(out),
            "gen:3:1: assignment of cadre 'C1' to branch 'B1' rejected: cadre 'C1' was rejected\n"
            "gen:4:1: meeting of branch 'B1' on 2026-02-28 rejected: cadre 'C1' was rejected\n");
  EXPECT_TRUE(checked.cadres.empty());
  EXPECT_TRUE(checked.assignments.empty());
  EXPECT_TRUE(checked.meetings.empty());
}

}  // namespace
}  // namespace vanban
