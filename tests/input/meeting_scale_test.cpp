// A province-sized month (10,000 branches, 10,000 meetings) read from XML and CSV: the readers
// and checks must stay linear (the benchmark reads such a month in well under a second).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "input/meeting_csv_reader.h"
#include "input/meeting_xml_reader.h"
#include "input_test_util.h"
#include "meeting_test_util.h"

namespace vanban {
namespace {

using testing::all;

constexpr int kBranches = 10000;

void write_month(const std::string& dir, std::string& xml) {
  std::string branches = "id,kind,organisation,name,commune,district,members,meeting-day\n";
  std::string cadres = "id,name,position,agency,level\n";
  std::string assignments = "cadre,branch\n";
  std::string meetings = "branch,date,present,cadre,report-filed,topics,opinions,quality,proposals\n";
  xml = "<meeting-month year='2026' month='10'>\n<branches>\n";
  std::string xml_cadres = "<cadres>\n", xml_assign = "<assignments>\n", xml_meet = "<meetings>\n";
  for (int i = 0; i < kBranches; ++i) {
    const std::string id = "B" + std::to_string(i), cadre = "C" + std::to_string(i / 4);
    const std::string day = std::to_string(1 + i % 28), members = std::to_string(20 + i % 40);
    const std::string date = "2026-10-" + std::string(day.size() == 1 ? "0" : "") + day;
    branches += id + ",chi hội,nong-dan,Chi hội Nông dân ấp " + std::to_string(i) +
                ",xã Tân Hòa " + std::to_string(i / 50) + ",huyện Ân Lộc " +
                std::to_string(i / 1000) + "," + members + "," + day + "\n";
    xml += "<branch id='" + id + "' kind='chi hội' organisation='nong-dan' name='Chi hội Nông dân ấp " +
           std::to_string(i) + "' commune='xã Tân Hòa " + std::to_string(i / 50) +
           "' district='huyện Ân Lộc " + std::to_string(i / 1000) + "' members='" + members +
           "' meeting-day='" + day + "'/>\n";
    if (i % 4 == 0) {
      cadres += cadre + ",Cán bộ " + std::to_string(i) + ",Ủy viên,Hội Nông dân huyện,huyện\n";
      xml_cadres += "<cadre id='" + cadre + "' name='Cán bộ " + std::to_string(i) +
                    "' position='Ủy viên' agency='Hội Nông dân huyện' level='huyện'/>\n";
    }
    assignments += cadre + "," + id + "\n";
    xml_assign += "<assign cadre='" + cadre + "' branch='" + id + "'/>\n";
    meetings += id + "," + date + ",15," + cadre + ",2026-10-30,\"Giá lúa\nVay vốn\",\"Giá: thấp\",tot,\n";
    xml_meet += "<meeting branch='" + id + "' date='" + date + "' present='15' cadre='" + cadre +
                "' report-filed='2026-10-30'><topic>Giá lúa</topic><topic>Vay vốn</topic>"
                "<opinion topic='Giá'>thấp</opinion><quality>tot</quality></meeting>\n";
  }
  xml += "</branches>\n" + xml_cadres + "</cadres>\n" + xml_assign + "</assignments>\n" + xml_meet +
         "</meetings>\n</meeting-month>\n";
  std::filesystem::create_directory(dir);
  testing::write_bytes(dir + "/branches.csv", branches);
  testing::write_bytes(dir + "/cadres.csv", cadres);
  testing::write_bytes(dir + "/assignments.csv", assignments);
  testing::write_bytes(dir + "/meetings.csv", meetings);
}

TEST(MeetingScale, ReadsTenThousandBranchesInLinearTime) {
  testing::ScratchDir scratch;
  std::string xml;
  write_month(scratch.file("2026-10"), xml);
  const auto start = std::chrono::steady_clock::now();
  const Result<MeetingData> from_xml =
      read_meetings_xml_bytes(xml, "big.xml", testing::meetings_schema());
  const auto middle = std::chrono::steady_clock::now();
  const Result<MeetingData> from_csv = read_meetings_csv(scratch.file("2026-10"));
  const auto end = std::chrono::steady_clock::now();
  ASSERT_TRUE(from_xml.ok()) << all(from_xml.errors);
  ASSERT_TRUE(from_csv.ok()) << all(from_csv.errors);
  EXPECT_EQ(all(from_xml.errors), "");
  EXPECT_EQ(all(from_csv.errors), "");
  EXPECT_EQ(from_xml.value->meetings.size(), static_cast<std::size_t>(kBranches));
  EXPECT_EQ(testing::dump(*from_xml.value), testing::dump(*from_csv.value));
  const auto ms = [](auto d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  };
  RecordProperty("xml_ms", static_cast<int>(ms(middle - start)));
  RecordProperty("csv_ms", static_cast<int>(ms(end - middle)));
  // Generous for a shared machine (about 3 s alone, 7 s beside the end-to-end tests of a
  // parallel ctest): a quadratic step would take minutes.
  EXPECT_LT(ms(end - start), 20000);
}

}  // namespace
}  // namespace vanban
