#include "store/month_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "../input/meeting_test_util.h"
#include "input/meeting_checks.h"
#include "input/meeting_csv_reader.h"
#include "input/meeting_xml_reader.h"
#include "output/atomic_file.h"
#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& ds) {
  std::string out;
  for (const Diagnostic& d : ds) out += d.to_string() + (d.warning ? " [w]\n" : "\n");
  return out;
}

// Everything a reader's caller sees of a record's place once checked.
std::string place(const RecordSource& s) {
  return s.file.str() + ":" + std::to_string(s.line) + ":" + std::to_string(s.column) +
         (s.fields.empty() && !s.rejected ? "" : " (with fields)");
}

// The valid records as the store gives them back, as a MeetingData; every meeting's branch and
// cadre are checked to be the ones it names.
MeetingData read_back(MonthStore& store, const MeetingMonth& month, std::string& places) {
  MeetingData d;
  d.month = month;
  store.for_each_branch([&](const Branch& b) {
    d.branches.push_back(b);
    places += "branch " + place(b.source) + "\n";
  });
  store.for_each_cadre([&](const Cadre& c) {
    d.cadres.push_back(c);
    places += "cadre " + place(c.source) + "\n";
  });
  store.for_each_assignment([&](const Assignment& a) {
    d.assignments.push_back(a);
    places += "assignment " + place(a.source) + "\n";
  });
  store.for_each_meeting([&](const StoredMeeting& m) {
    d.meetings.push_back(m.meeting);
    places += "meeting " + place(m.meeting.source) + "\n";
    EXPECT_EQ(m.branch.id, m.meeting.branch_id);
    EXPECT_EQ(m.cadre ? m.cadre->id : "", m.meeting.cadre_id);
    const std::optional<Meeting> by_row = store.meeting(m.row);
    ASSERT_TRUE(by_row);
    EXPECT_EQ(by_row->topics, m.meeting.topics);
  });
  return d;
}

std::string places_of(const MeetingData& d) {
  std::string out;
  for (const Branch& b : d.branches) out += "branch " + place(b.source) + "\n";
  for (const Cadre& c : d.cadres) out += "cadre " + place(c.source) + "\n";
  for (const Assignment& a : d.assignments) out += "assignment " + place(a.source) + "\n";
  for (const Meeting& m : d.meetings) out += "meeting " + place(m.source) + "\n";
  return out;
}

// Every month of the checkout, CSV folders and XML files: the test data (good, bad, legacy
// encodings), the content and the examples.
std::vector<std::string> months(const std::string& file_name) {
  std::vector<std::string> out;
  for (const char* root : {"tests/data/meetings", "content", "examples"})
    for (const fs::directory_entry& e : fs::recursive_directory_iterator(fs::path(VANBAN_SOURCE_DIR) / root)) {
      const std::string name = e.path().filename().string();
      if (file_name == "meetings.csv" && name == file_name) out.push_back(e.path().parent_path().string());
      if (file_name == "meetings.xml" && e.path().extension() == ".xml" &&
          testing::read_bytes(e.path()).find("<meetings") != std::string::npos)
        out.push_back(e.path().string());
    }
  std::sort(out.begin(), out.end());
  return out;
}

// Reads `from` with `read(from, sink)` into memory and into a store: the same messages, and the
// same valid records at the same places.
template <class Read>
void expect_same(const std::string& from, Read read) {
  SCOPED_TRACE(from);
  MeetingDataSink memory;
  const Result<MeetingMonth> in_memory = read(from, memory);
  testing::TempDir out;
  std::string error;
  std::unique_ptr<MonthStore> store = MonthStore::create(out.path().string(), error);
  ASSERT_TRUE(store) << error;
  const Result<MeetingMonth> stored = read(from, *store);
  EXPECT_EQ(all(stored.errors), all(in_memory.errors));
  ASSERT_EQ(stored.ok(), in_memory.ok());
  if (!in_memory.ok()) return;
  memory.checked().month = *in_memory.value;
  std::string places;
  const MeetingData back = read_back(*store, *stored.value, places);
  EXPECT_EQ(testing::dump(back), testing::dump(memory.checked()));
  EXPECT_EQ(places, places_of(memory.checked()));
  EXPECT_EQ(store->error(), "");
}

TEST(MonthStore, ChecksEveryCsvMonthAsCheckMeetingsDoes) {
  const std::vector<std::string> dirs = months("meetings.csv");
  ASSERT_GE(dirs.size(), 10u);
  for (const std::string& dir : dirs)
    expect_same(dir, [](const std::string& d, MeetingSink& sink) { return read_meetings_csv(d, sink); });
}

TEST(MonthStore, ChecksEveryXmlMonthAsCheckMeetingsDoes) {
  const std::vector<std::string> files = months("meetings.xml");
  ASSERT_GE(files.size(), 6u);
  for (const std::string& file : files)
    expect_same(file, [](const std::string& f, MeetingSink& sink) {
      return read_meetings_xml(f, testing::meetings_schema(), sink);
    });
}

// Records made in code, with every rule that looks at other records: ids used twice, references
// to rejected and unknown records, an assignment twice, two meetings of a branch on one day, a
// substitute cadre, a report before its meeting.
TEST(MonthStore, ChecksRecordsThatReferToOneAnotherAsCheckMeetingsDoes) {
  MeetingData raw;
  raw.month = {2026, 10};
  const auto at = [](int line) {
    RecordSource s;
    s.file = "month.xml";
    s.line = line;
    s.column = 3;
    s.fields = {{"id", line, 7}, {"cadre", line, 9}, {"branch", line, 11}, {"date", line, 13}};
    return s;
  };
  const auto branch = [&](const char* id, int members, int line) {
    Branch b;
    b.id = id;
    b.kind = "chi bộ";
    b.name = std::string("Chi bộ ") + id;
    b.commune = "xã A";
    b.members = members;
    b.meeting_day = 5;
    b.source = at(line);
    return b;
  };
  raw.branches = {branch("B1", 10, 1), branch("B2", 0, 2), branch("B1", 5, 3), branch("B3", 8, 4), branch("", 3, 5)};
  raw.branches[3].district = "huyện X";
  Cadre c1{"C1", "An", "Bí thư", "Đảng ủy xã A", "xã", at(6)};
  Cadre c2{"C2", "Bình", "Phó", "Đảng ủy xã A", "xã", at(7)};
  Cadre c1again{"C1", "Chi", "Phó", "Đảng ủy xã A", "xã", at(8)};
  Cadre rejected{"C9", "Dũng", "Phó", "Đảng ủy xã A", "xã", at(9)};
  rejected.source.rejected = true;
  raw.cadres = {c1, c2, c1again, rejected};
  raw.assignments = {{"C1", "B1", at(10)}, {"C1", "B1", at(11)}, {"C9", "B2", at(12)}, {"C7", "B3", at(13)},
                     {"C2", "B3", at(14)}};
  const auto meeting = [&](const char* branch_id, int day, int present, const char* cadre_id, int line) {
    Meeting m;
    m.branch_id = branch_id;
    m.date = {2026, 10, day};
    m.present = present;
    m.cadre_id = cadre_id;
    m.topics = {"Giá phân bón", std::string("Chủ đề ") + branch_id};
    m.opinions = {{"Giá", "cao"}};
    m.proposals = {"Hỗ trợ"};
    m.source = at(line);
    return m;
  };
  raw.meetings = {meeting("B1", 5, 9, "C1", 20), meeting("B1", 5, 8, "", 21), meeting("B1", 6, 11, "C1", 22),
                  meeting("B2", 5, 1, "", 23), meeting("B3", 5, 4, "C1", 24), meeting("B9", 5, 1, "C9", 25),
                  meeting("B3", 7, 2, "C2", 26), meeting("B3", 8, 2, "", 27),
                  meeting("B1", 5, 3, "", 28)};
  raw.meetings[6].report_filed = CivilDate{2026, 10, 1};
  raw.meetings[7].report_filed = CivilDate{2026, 10, 9};
  raw.meetings[4].quality = QualityGrade::Fair;
  raw.meetings[0].date.month = 11;

  testing::TempDir out;
  std::string error;
  std::unique_ptr<MonthStore> store = MonthStore::create(out.path().string(), error);
  ASSERT_TRUE(store) << error;
  for (const Branch& b : raw.branches) store->add(b);
  for (const Cadre& c : raw.cadres) store->add(c);
  for (const Assignment& a : raw.assignments) store->add(a);
  for (const Meeting& m : raw.meetings) store->add(m);
  Diagnostics from_store;
  ASSERT_TRUE(store->check(raw.month, from_store));

  Diagnostics from_memory;
  const MeetingData kept = check_meetings(raw, from_memory);
  EXPECT_EQ(all(from_store), all(from_memory));
  EXPECT_NE(all(from_memory).find("already met that day"), std::string::npos);
  EXPECT_GE(from_memory.size(), 13u);  // every rule above said something
  std::string places;
  const MeetingData back = read_back(*store, raw.month, places);
  EXPECT_EQ(testing::dump(back), testing::dump(kept));
  EXPECT_EQ(places, places_of(kept));

  ASSERT_TRUE(store->branch("B1"));
  EXPECT_EQ(store->branch("B1")->members, 10);  // the first of the two, the second rejected
  EXPECT_FALSE(store->branch("B2"));            // rejected
  EXPECT_FALSE(store->branch("B4"));            // unknown
  EXPECT_EQ(store->cadre("C2")->name, "Bình");
  EXPECT_FALSE(store->cadre("C9"));
  EXPECT_EQ(store->meeting(2)->present, 8);  // by row, valid or not
}

// The database is a temporary file of the output folder, of the pattern a later run removes when
// its process is gone, and goes with the store.
TEST(MonthStore, KeepsItsFileInTheOutputFolderAndRemovesIt) {
  testing::TempDir out;
  std::string error;
  std::unique_ptr<MonthStore> store = MonthStore::create(out.path().string(), error);
  ASSERT_TRUE(store) << error;
  const fs::path file = store->path();
  EXPECT_EQ(file.parent_path(), out.path());
  EXPECT_TRUE(file.filename().string().starts_with(".month-records.sqlite.tmp-")) << file;
  EXPECT_TRUE(remove_stale_temp_files(out.path().string()).empty());  // its process runs
  store->add(Branch{"B1", "chi bộ", Organisation::Party, "Chi bộ 1", "xã A", "", 3, 5, {}});
  Diagnostics d;
  EXPECT_TRUE(store->check({2026, 10}, d));
  // No journal, no temporary file of SQLite's beside it or elsewhere: its file is all.
  EXPECT_EQ(std::distance(fs::directory_iterator(out.path()), fs::directory_iterator()), 1);
  store.reset();
  EXPECT_TRUE(fs::is_empty(out.path())) << "nothing left, no journal either";

  testing::write_bytes(out.path() / "plain", "not a folder");
  EXPECT_FALSE(MonthStore::create((out.path() / "plain").string(), error));
  EXPECT_NE(error.find("plain"), std::string::npos) << error;
}

}  // namespace
}  // namespace vanban
