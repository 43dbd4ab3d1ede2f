#include "input/meeting_xml_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "../data/month/small_month.h"
#include "input/safe_xml.h"
#include "input_test_util.h"
#include "meeting_test_util.h"
#include "temp_dir.h"

namespace vanban {
namespace {

using testing::all;
using testing::dump;
using testing::meetings_dir;
using testing::meetings_schema;
using testing::messages;
using testing::read_bytes;
using testing::TempDir;
using testing::write_bytes;

Result<MeetingData> read_xml(const std::string& relative) {
  return read_meetings_xml(meetings_dir() + "/" + relative, meetings_schema());
}

Result<MeetingData> read_text(const std::string& xml) {
  return read_meetings_xml_bytes(xml, "m.xml", meetings_schema());
}

TEST(MeetingXmlReader, ReadsTheSmallMonth) {
  const Result<MeetingData> r = read_xml("small/2026-10.xml");
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(dump(*r.value), dump(testing::small_month()));
  // The only remark: C4 attends B4, which is C3's; kept.
  EXPECT_EQ(messages(r.errors, meetings_dir() + "/small"),
            "2026-10.xml:55:57: warning: meeting of branch 'B4' on 2026-10-20: cadre 'C4' is not "
            "assigned to this branch (kept: a substitute)\n");
}

// The two-tier administration (since July 2025): communes directly under the province, no
// district attribute. The old model (small/, with districts) still reads, each branch with its
// district.
TEST(MeetingXmlReader, ReadsTwoTierAndDistrictData) {
  const Result<MeetingData> two_tier = read_xml("two-tier/2026-10.xml");
  ASSERT_TRUE(two_tier.ok()) << all(two_tier.errors);
  ASSERT_EQ(two_tier.value->branches.size(), 6u);
  for (const Branch& b : two_tier.value->branches) EXPECT_EQ(b.district, "") << b.id;
  EXPECT_EQ(two_tier.value->branches[0].commune, "xã Bình Lợi");
  EXPECT_EQ(two_tier.value->branches[5].commune, "đặc khu Hòn Tre");
  EXPECT_EQ(two_tier.value->meetings.size(), testing::small_month().meetings.size());

  const Result<MeetingData> districts = read_xml("small/2026-10.xml");
  ASSERT_TRUE(districts.ok());
  EXPECT_EQ(districts.value->branches[0].district, "huyện Bình Sơn");
  EXPECT_EQ(districts.value->branches[5].district, "huyện Ân Lộc");
}

// Where each record is stays; the places of its values served the checks (their messages name
// them: RejectsEveryBadRecordAndKeepsTheOthers) and are gone, one file path serving all records.
TEST(MeetingXmlReader, KeepsWhereEveryRecordIs) {
  const Result<MeetingData> r = read_xml("small/2026-10.xml");
  ASSERT_TRUE(r.ok());
  const Branch& b6 = r.value->branches[5];
  EXPECT_EQ(b6.source.file.str(), meetings_dir() + "/small/2026-10.xml");
  EXPECT_EQ(&b6.source.file.str(), &r.value->meetings[0].source.file.str());
  EXPECT_EQ(b6.source.line, 15);
  EXPECT_EQ(b6.source.column, 5);
  EXPECT_TRUE(b6.source.fields.empty());
  const Meeting& m = r.value->meetings[1];
  EXPECT_EQ(m.source.line, 45);
  EXPECT_TRUE(m.source.fields.empty());
  EXPECT_FALSE(m.source.rejected);
}

TEST(MeetingXmlReader, RejectsEveryBadRecordAndKeepsTheOthers) {
  const Result<MeetingData> r = read_xml("bad/2026-10.xml");
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(messages(r.errors, meetings_dir() + "/bad"),
      "2026-10.xml:10:13: branch 'B1' rejected: the id is already used at 2026-10.xml:7\n"
      "2026-10.xml:12:136: branch 'B3' rejected: members 'hai mươi' is not a whole number\n"
      "2026-10.xml:14:142: branch 'B4' rejected: meeting-day 32 is not a day of the month (1-31)\n"
      "2026-10.xml:16:36: branch 'B5' rejected: organisation 'hoi-nong-dan' is not one of dang, mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan\n"
      "2026-10.xml:18:152: branch 'B6' rejected: members 0: a branch has at least one member on its roll\n"
      "2026-10.xml:20:58: branch 'B7' rejected: name is empty\n"
      "2026-10.xml:26:12: cadre 'C1' rejected: the id is already used at 2026-10.xml:23\n"
      "2026-10.xml:32:13: assignment of cadre 'C9' to branch 'B1' rejected: there is no cadre 'C9'\n"
      "2026-10.xml:34:24: assignment of cadre 'C1' to branch 'B9' rejected: there is no branch 'B9'\n"
      "2026-10.xml:36:13: assignment of cadre 'C1' to branch 'B1' rejected: the same assignment is already at 2026-10.xml:29\n"
      "2026-10.xml:38:24: assignment of cadre 'C2' to branch 'B4' rejected: branch 'B4' was rejected\n"
      "2026-10.xml:43:14: meeting of branch 'B9' on 2026-10-05 rejected: there is no branch 'B9'\n"
      "2026-10.xml:45:26: meeting of branch 'B2' on 2026-11-02 rejected: the date is outside the month 2026-10\n"
      "2026-10.xml:47:26: meeting of branch 'B2' on 2026-10-32 rejected: date '2026-10-32' is not a date; expected YYYY-MM-DD (or DD/MM/YYYY)\n"
      "2026-10.xml:49:44: meeting of branch 'B2' on 2026-10-03 rejected: 35 members present, more than the 30 on the branch's roll\n"
      "2026-10.xml:51:68: meeting of branch 'B2' on 2026-10-10 rejected: the report is dated 2026-10-09, before the meeting\n"
      "2026-10.xml:53:57: meeting of branch 'B2' on 2026-10-11 rejected: there is no cadre 'C9'\n"
      "2026-10.xml:55:26: meeting of branch 'B1' on 2026-10-05 rejected: the branch already met that day, at 2026-10.xml:41\n"
      "2026-10.xml:57:57: meeting of branch 'B2' on 2026-10-12 rejected: a report is filed but no cadre attended (cadre is empty)\n"
      "2026-10.xml:59:44: meeting of branch 'B2' on 2026-10-13 rejected: present 'mười' is not a whole number\n"
      "2026-10.xml:62:7: meeting of branch 'B2' on 2026-10-14 rejected: quality 'gioi' is not one of tot, kha, trung-binh, yeu\n"
      "2026-10.xml:66:7: meeting of branch 'B2' on 2026-10-15 rejected: opinion 'Giá phân bón tăng' has no topic\n"
      "2026-10.xml:69:14: meeting of branch 'B3' on 2026-10-08 rejected: branch 'B3' was rejected\n"
      "2026-10.xml:71:57: warning: meeting of branch 'B1' on 2026-10-20: cadre 'C2' is not assigned to this branch (kept: a substitute)\n");
  EXPECT_EQ(dump(*r.value),
            "month 2026-10\n"
            "branch B1 | chi bộ | dang | Chi bộ ấp Phú Hữu | xã Bình Lợi | huyện Bình Sơn | 20 | 5\n"
            "branch B2 | chi hội | nong-dan | Chi hội Nông dân ấp Phú Hữu | xã Bình Lợi | huyện "
            "Bình Sơn | 30 | 10\n"
            "cadre C1 | Trần Văn Bảy | Phó Trưởng ban Dân vận Huyện ủy | Ban Dân vận Huyện ủy Bình "
            "Sơn | huyện\n"
            "cadre C2 | Lê Thị Ánh | Chuyên viên Ban Dân vận Huyện ủy | Ban Dân vận Huyện ủy Bình "
            "Sơn | huyện\n"
            "assign C1 -> B1\n"
            "assign C2 -> B2\n"
            "meeting B1 2026-10-05 present 18 cadre C1 filed 2026-10-08 quality -\n"
            "meeting B1 2026-10-20 present 17 cadre C2 filed 2026-10-21 quality -\n");
}

TEST(MeetingXmlReader, MakesEveryStringNfcWithWhiteSpaceCollapsed) {
  const Result<MeetingData> r = read_text(
      "<meeting-month year='2026' month='10'><branches>"
      "<branch id='B1' kind='chi ho\u0323\u0302i' organisation='nong-dan' name=' Chi  hội\n ấp 3 '"
      " commune='x' district='y' members='9' meeting-day='3'/></branches><cadres/><assignments/>"
      "<meetings><meeting branch='B1' date='2026-10-03' present='9'>"
      "<topic>\n  Giá   lúa\n</topic><opinion topic='Giá'> thấp </opinion></meeting></meetings>"
      "</meeting-month>");
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_EQ(r.value->branches[0].kind, "chi hội");
  EXPECT_EQ(r.value->branches[0].name, "Chi hội ấp 3");
  EXPECT_EQ(r.value->meetings[0].topics, std::vector<std::string>{"Giá lúa"});
  EXPECT_EQ(r.value->meetings[0].opinions[0].text, "thấp");
}

TEST(MeetingXmlReader, RefusesAFileThatDoesNotFollowTheSchema) {
  Result<MeetingData> r = read_text(
      "<meeting-month year='2026' month='13'>\n"
      "<branches><branch id='B1'/></branches><cadres/><assignments/><meetings/>\n"
      "</meeting-month>\n");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors).substr(0, 101),
            "m.xml:1:1: attribute month='13' of <meeting-month> is not valid; expected a month from "
            "1 to 12, such ");
  EXPECT_NE(all(r.errors).find("m.xml:2:11: <branch> needs the attribute kind=\"...\""),
            std::string::npos)
      << all(r.errors);

  r = read_text("<meeting-month year='2026' month='10'><branches/><cadres/><assignments/>"
                "<meetings><meeting branch='B1' date='2026-10-03' present='9' chair='x'/>"
                "</meetings></meeting-month>");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), "m.xml:1:83: unexpected attribute chair= on <meeting>\n");

  r = read_meetings_xml("/nonexistent/m.xml", meetings_schema());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), "/nonexistent/m.xml:0:0: cannot read the file: No such file or directory\n");

  const TempDir dir;
  r = read_meetings_xml(dir.path().string(), meetings_schema());
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), dir.path().string() + ":0:0: is a folder, not a file\n");
}

// A month read from disk a piece at a time gives what the same bytes give from memory: the
// records, and a fault found long after the first records (a NUL, a character cut off) in the
// whole file's words, at its place.
TEST(MeetingXml, ReadFromDiskInPiecesAsFromMemory) {
  const std::string good = read_bytes(meetings_dir() + "/small/2026-10.xml");
  std::string records;
  for (int i = 0; i < 3000; ++i)
    records += "    <meeting branch=\"B1\" date=\"2026-10-" + std::to_string(10 + i % 19) + "\" present=\"5\"/>\n";
  const std::size_t after = good.find('>', good.find("<meetings>")) + 2;
  const std::string large = good.substr(0, after) + records + good.substr(after);
  ASSERT_GT(large.size(), 2 * kRecordChunk);
  const std::string cut = large.substr(0, large.size() - 20) + "\xE1\xBB" + large.substr(large.size() - 20);
  const TempDir dir;
  const std::string path = dir.file("2026-10.xml");
  for (const std::string& bytes : {large, large + std::string(1, '\0'), cut}) {
    write_bytes(path, bytes);
    const Result<MeetingData> from_disk = read_meetings_xml(path, meetings_schema());
    const Result<MeetingData> from_memory = read_meetings_xml_bytes(bytes, path, meetings_schema());
    EXPECT_EQ(from_disk.ok(), from_memory.ok());
    EXPECT_EQ(all(from_disk.errors), all(from_memory.errors));
    if (bytes == large) {
      // Each record read and placed: a branch meets once a month, the others are refused at their lines.
      ASSERT_TRUE(from_disk.ok()) << all(from_disk.errors);
      EXPECT_EQ(from_disk.value->meetings.size(), from_memory.value->meetings.size());
      EXPECT_GT(from_disk.errors.size(), 2900u);
    }
  }
  write_bytes(path, large + std::string(1, '\0'));
  const std::string lines = std::to_string(std::count(large.begin(), large.end(), '\n') + 1);
  EXPECT_EQ(all(read_meetings_xml(path, meetings_schema()).errors).substr(0, path.size() + lines.size() + 3),
            path + ":" + lines + ":1");
  write_bytes(path, cut);
  EXPECT_NE(all(read_meetings_xml(path, meetings_schema()).errors).find("not UTF-8: byte 0xE1"), std::string::npos);
}

}  // namespace
}  // namespace vanban
