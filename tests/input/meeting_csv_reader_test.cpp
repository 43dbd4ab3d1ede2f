#include "input/meeting_csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../data/month/small_month.h"
#include "input/meeting_xml_reader.h"
#include "input_test_util.h"
#include "meeting_test_util.h"

namespace vanban {
namespace {

using testing::all;
using testing::dump;
using testing::meetings_dir;
using testing::meetings_schema;
using testing::messages;
using testing::ScratchDir;
using testing::write_bytes;

TEST(MeetingCsvReader, ReadsTheSmallMonthAsTheXmlHasIt) {
  const Result<MeetingData> csv = read_meetings_csv(meetings_dir() + "/small/2026-10");
  ASSERT_TRUE(csv.ok()) << all(csv.errors);
  EXPECT_EQ(dump(*csv.value), dump(testing::small_month()));
  const Result<MeetingData> xml =
      read_meetings_xml(meetings_dir() + "/small/2026-10.xml", meetings_schema());
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(dump(*csv.value), dump(*xml.value));
  EXPECT_EQ(messages(csv.errors, meetings_dir() + "/small/2026-10"),
            "meetings.csv:5:4: warning: meeting of branch 'B4' on 2026-10-20: cadre 'C4' is not "
            "assigned to this branch (kept: a substitute)\n");
  // Row 3 of branches.csv, a path all the file's records share; the places of its values (its
  // members in column 7) served the checks and are gone.
  const Branch& b2 = csv.value->branches[1];
  EXPECT_EQ(b2.source.file.str(), meetings_dir() + "/small/2026-10/branches.csv");
  EXPECT_EQ(&b2.source.file.str(), &csv.value->branches[0].source.file.str());
  EXPECT_EQ(b2.source.line, 3);
  EXPECT_EQ(b2.source.column, 1);
  EXPECT_TRUE(b2.source.fields.empty());
}

// The two-tier CSV set has no district column at all (it is optional); it reads as its XML
// twin. The district data of small/ has the column, and keeps it.
TEST(MeetingCsvReader, ReadsTwoTierDataWithoutADistrictColumn) {
  const Result<MeetingData> csv = read_meetings_csv(meetings_dir() + "/two-tier/2026-10");
  ASSERT_TRUE(csv.ok()) << all(csv.errors);
  const Result<MeetingData> xml =
      read_meetings_xml(meetings_dir() + "/two-tier/2026-10.xml", meetings_schema());
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(dump(*csv.value), dump(*xml.value));
  for (const Branch& b : csv.value->branches) EXPECT_EQ(b.district, "") << b.id;
  for (const Diagnostic& d : csv.errors) EXPECT_TRUE(d.warning) << d.to_string();

  const Result<MeetingData> districts = read_meetings_csv(meetings_dir() + "/small/2026-10");
  ASSERT_TRUE(districts.ok());
  EXPECT_EQ(districts.value->branches[3].district, "huyện Ân Lộc");
}

TEST(MeetingCsvReader, RejectsEveryBadRecordAndKeepsTheOthers) {
  const Result<MeetingData> csv = read_meetings_csv(meetings_dir() + "/bad/2026-10");
  ASSERT_TRUE(csv.ok()) << all(csv.errors);
  EXPECT_EQ(messages(csv.errors, meetings_dir() + "/bad/2026-10"),
      "branches.csv:4:1: branch 'B1' rejected: the id is already used at branches.csv:2\n"
      "branches.csv:5:7: branch 'B3' rejected: members 'hai mươi' is not a whole number\n"
      "branches.csv:6:8: branch 'B4' rejected: meeting-day 32 is not a day of the month (1-31)\n"
      "branches.csv:7:3: branch 'B5' rejected: organisation 'hoi-nong-dan' is not one of dang, mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan\n"
      "branches.csv:8:7: branch 'B6' rejected: members 0: a branch has at least one member on its roll\n"
      "branches.csv:9:4: branch 'B7' rejected: name is empty\n"
      "cadres.csv:4:1: cadre 'C1' rejected: the id is already used at cadres.csv:2\n"
      "assignments.csv:4:1: assignment of cadre 'C9' to branch 'B1' rejected: there is no cadre 'C9'\n"
      "assignments.csv:5:2: assignment of cadre 'C1' to branch 'B9' rejected: there is no branch 'B9'\n"
      "assignments.csv:6:1: assignment of cadre 'C1' to branch 'B1' rejected: the same assignment is already at assignments.csv:2\n"
      "assignments.csv:7:2: assignment of cadre 'C2' to branch 'B4' rejected: branch 'B4' was rejected\n"
      "meetings.csv:3:1: meeting of branch 'B9' on 2026-10-05 rejected: there is no branch 'B9'\n"
      "meetings.csv:4:2: meeting of branch 'B2' on 2026-11-02 rejected: the date is outside the month 2026-10\n"
      "meetings.csv:5:2: meeting of branch 'B2' on 2026-10-32 rejected: date '2026-10-32' is not a date; expected YYYY-MM-DD (or DD/MM/YYYY)\n"
      "meetings.csv:6:3: meeting of branch 'B2' on 2026-10-03 rejected: 35 members present, more than the 30 on the branch's roll\n"
      "meetings.csv:7:5: meeting of branch 'B2' on 2026-10-10 rejected: the report is dated 2026-10-09, before the meeting\n"
      "meetings.csv:8:4: meeting of branch 'B2' on 2026-10-11 rejected: there is no cadre 'C9'\n"
      "meetings.csv:9:2: meeting of branch 'B1' on 2026-10-05 rejected: the branch already met that day, at meetings.csv:2\n"
      "meetings.csv:10:5: meeting of branch 'B2' on 2026-10-12 rejected: a report is filed but no cadre attended (cadre is empty)\n"
      "meetings.csv:11:3: meeting of branch 'B2' on 2026-10-13 rejected: present 'mười' is not a whole number\n"
      "meetings.csv:12:8: meeting of branch 'B2' on 2026-10-14 rejected: quality 'gioi' is not one of tot, kha, trung-binh, yeu\n"
      "meetings.csv:13:7: meeting of branch 'B2' on 2026-10-15 rejected: opinion 'Giá phân bón tăng' has no topic\n"
      "meetings.csv:14:1: meeting of branch 'B3' on 2026-10-08 rejected: branch 'B3' was rejected\n"
      "meetings.csv:15:4: warning: meeting of branch 'B1' on 2026-10-20: cadre 'C2' is not assigned to this branch (kept: a substitute)\n");
  const Result<MeetingData> xml =
      read_meetings_xml(meetings_dir() + "/bad/2026-10.xml", meetings_schema());
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(dump(*csv.value), dump(*xml.value));
}

// The small month in legacy encodings (tests/data/meetings/legacy/make_legacy.py): the same data,
// with one warning per file that has text beyond ASCII.
MeetingData read_legacy(const std::string& folder, const std::string& warning) {
  const std::string dir = meetings_dir() + "/legacy/" + folder + "/2026-10";
  const Result<MeetingData> r = read_meetings_csv(dir);
  EXPECT_TRUE(r.ok()) << all(r.errors);
  std::string expected;
  if (!warning.empty())
    expected = "branches.csv:2:2: warning: " + warning + "\n" + "cadres.csv:2:2: warning: " +
               warning + "\n" + "meetings.csv:2:6: warning: " + warning + "\n";
  expected +=
      "meetings.csv:5:4: warning: meeting of branch 'B4' on 2026-10-20: cadre 'C4' is not "
      "assigned to this branch (kept: a substitute)\n";
  EXPECT_EQ(messages(r.errors, dir), expected);
  return r.value.value_or(MeetingData{});
}

TEST(MeetingCsvReader, ReadsTcvn3AndVniFiles) {
  // TCVN3 has no capitals with tone marks: "Ánh" and "Út" were written "ánh", "út".
  MeetingData tcvn3 = testing::small_month();
  tcvn3.cadres[1].name = "Lê Thị ánh";
  tcvn3.cadres[2].name = "Nguyễn Văn út";
  EXPECT_EQ(dump(read_legacy("tcvn3", "text in TCVN3 (ABC) converted to Unicode: the whole file is "
                                      "in TCVN3 (ABC), not UTF-8")),
            dump(tcvn3));
  EXPECT_EQ(dump(read_legacy("tcvn3-as-1252",
                             "text in TCVN3 (ABC) converted to Unicode: the whole file is TCVN3 "
                             "(ABC) read as Windows-1252 (an old .VnTime or VNI-Times sheet saved "
                             "as Unicode)")),
            dump(tcvn3));
  EXPECT_EQ(dump(read_legacy("vni", "text in VNI converted to Unicode: the whole file is in VNI, "
                                    "not UTF-8")),
            dump(testing::small_month()));
}

TEST(MeetingCsvReader, ReadsExcelUnicodeText) {
  EXPECT_EQ(dump(read_legacy("utf16", "")), dump(testing::small_month()));
}

// The same month written both ways, with what the fixtures lack: several topics, opinions and
// proposals (lines of one cell), quoting, a column order of one's own, an extra column.
TEST(MeetingCsvReader, GivesWhatTheXmlGivesForTheSameContent) {
  ScratchDir scratch;
  const std::string dir = scratch.file("2027-02");
  std::filesystem::create_directory(dir);
  write_bytes(dir + "/branches.csv",
              "\xEF\xBB\xBFname,id,kind,organisation,commune,district,members,meeting-day,ghi chú\r\n"
              "\"Chi hội Phụ nữ ấp \"\"Mới\"\"\",P1,chi hội,phu-nu,xã A,huyện B,12,28,x\r\n");
  write_bytes(dir + "/cadres.csv", "id;name;position;agency;level\nK1;Lê Văn Tư;Ủy viên;Hội LHPN "
                                   "huyện B;huyện\n");
  write_bytes(dir + "/assignments.csv", "branch,cadre\nP1,K1\n");
  write_bytes(dir + "/meetings.csv",
              "branch,date,present,cadre,report-filed,topics,opinions,quality,proposals\n"
              "P1,28/02/2027,10,K1,2027-03-02,\"Vay vốn\nTiết kiệm\n\","
              "\"Vay vốn: Thủ tục còn chậm\nVay vốn: Lãi suất: cao\nAn ninh: Trộm chó\",kha,"
              "\"Tập huấn, hướng dẫn\nKiểm tra\"\n");
  const std::string xml =
      "<meeting-month year='2027' month='2'>\n"
      "  <branches><branch id='P1' kind='chi hội' organisation='phu-nu' "
      "name='Chi hội Phụ nữ ấp &quot;Mới&quot;' commune='xã A' district='huyện B' members='12' "
      "meeting-day='28'/></branches>\n"
      "  <cadres><cadre id='K1' name='Lê Văn Tư' position='Ủy viên' agency='Hội LHPN huyện B' "
      "level='huyện'/></cadres>\n"
      "  <assignments><assign cadre='K1' branch='P1'/></assignments>\n"
      "  <meetings><meeting branch='P1' date='2027-02-28' present='10' cadre='K1' "
      "report-filed='2027-03-02'>\n"
      "    <topic>Vay vốn</topic><topic>Tiết kiệm</topic>\n"
      "    <opinion topic='Vay vốn'>Thủ tục còn chậm</opinion>\n"
      "    <opinion topic='Vay vốn'>Lãi suất: cao</opinion>\n"
      "    <opinion topic='An ninh'>Trộm chó</opinion>\n"
      "    <quality>kha</quality><proposal>Tập huấn, hướng dẫn</proposal><proposal>Kiểm tra</proposal>\n"
      "  </meeting></meetings>\n"
      "</meeting-month>\n";
  const Result<MeetingData> from_csv = read_meetings_csv(dir + "/");
  const Result<MeetingData> from_xml = read_meetings_xml_bytes(xml, "m.xml", meetings_schema());
  ASSERT_TRUE(from_csv.ok()) << all(from_csv.errors);
  ASSERT_TRUE(from_xml.ok()) << all(from_xml.errors);
  EXPECT_EQ(all(from_xml.errors), "");
  EXPECT_EQ(messages(from_csv.errors, dir),
            "branches.csv:1:9: warning: column 'ghi chú' is not one of id, kind, organisation, "
            "name, commune, district, members, meeting-day; it is ignored\n");
  EXPECT_EQ(dump(*from_csv.value), dump(*from_xml.value));
  EXPECT_EQ(dump(*from_csv.value),
            "month 2027-2\n"
            "branch P1 | chi hội | phu-nu | Chi hội Phụ nữ ấp \"Mới\" | xã A | huyện B | 12 | 28\n"
            "cadre K1 | Lê Văn Tư | Ủy viên | Hội LHPN huyện B | huyện\n"
            "assign K1 -> P1\n"
            "meeting P1 2027-02-28 present 10 cadre K1 filed 2027-03-02 quality kha\n"
            "  topic Vay vốn\n"
            "  topic Tiết kiệm\n"
            "  opinion Vay vốn: Thủ tục còn chậm\n"
            "  opinion Vay vốn: Lãi suất: cao\n"
            "  opinion An ninh: Trộm chó\n"
            "  proposal Tập huấn, hướng dẫn\n"
            "  proposal Kiểm tra\n");
}

TEST(MeetingCsvReader, RefusesAFolderItCannotUse) {
  ScratchDir scratch;
  Result<MeetingData> r = read_meetings_csv(scratch.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(messages(r.errors, std::filesystem::path(scratch.path()).parent_path().string()),
            std::filesystem::path(scratch.path()).filename().string() +
                ":0:0: the folder must be named after its month, YYYY-MM (such as 2026-10)\n");

  const std::string dir = scratch.file("2026-10");
  std::filesystem::create_directory(dir);
  write_bytes(dir + "/branches.csv", "id,kind,organisation,name,commune,district,members\n");
  write_bytes(dir + "/cadres.csv", "id,name,position,agency,level,id\n");
  write_bytes(dir + "/assignments.csv", "cadre,branch\n");
  r = read_meetings_csv(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(messages(r.errors, dir),
            "branches.csv:1:1: the header has no column 'meeting-day'; branches.csv needs id, kind, "
            "organisation, name, commune, district, members, meeting-day\n"
            "cadres.csv:1:6: column 'id' appears twice\n"
            "meetings.csv:0:0: cannot read the file: No such file or directory\n");
}

}  // namespace
}  // namespace vanban
