#include "batch/month_job.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const fs::path kSource = VANBAN_SOURCE_DIR;

// content/2026-10/ holding the small month of tests/data as meetings.xml, the CSV set and month.xml.
fs::path small_month(const TempDir& dir, const fs::path& data = kSource / "tests/data/meetings/small") {
  const fs::path month = dir.path() / "content" / "2026-10";
  fs::create_directories(month);
  fs::copy_file(data / "2026-10.xml", month / "meetings.xml");
  for (const auto& csv : fs::directory_iterator(data / "2026-10")) fs::copy_file(csv.path(), month / csv.path().filename());
  fs::copy_file(kSource / "tests/data/month/small-month.xml", month / "month.xml");
  return month;
}

// The output folder beside content/: the job keeps the month's records there while it lives.
fs::path output_of(const fs::path& month) { return month.parent_path().parent_path() / "out" / "2026-10"; }

MonthJobSettings settings(const fs::path& month, MeetingSource source) {
  return {month.string(), output_of(month).string(), kSource.string(), source};
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

TEST(IsMonthName, AcceptsYearDashMonthOnly) {
  EXPECT_TRUE(is_month_name("2026-10"));
  EXPECT_TRUE(is_month_name("1999-01"));
  for (const char* bad : {"2026-13", "2026-00", "2026-1", "2026_10", "documents", "2026-10x", "20a6-10"})
    EXPECT_FALSE(is_month_name(bad)) << bad;
}

TEST(MonthJob, GeneratesEveryDocumentOfTheSmallMonth) {
  TempDir dir;
  const fs::path month = small_month(dir);
  const FolderJob job = month_job(settings(month, MeetingSource::Auto));
  EXPECT_EQ(job.label, "2026-10");
  EXPECT_EQ(job.input, (month / "meetings.xml").string());
  EXPECT_EQ(job.output_dir, output_of(month).string());
  EXPECT_TRUE(job.input_complete);
  EXPECT_TRUE(job.rejected.empty());
  std::vector<std::string> names;
  for (std::size_t i = 0; i < job.count; ++i) {
    const BuildItem item = *job.item(i).value;
    names.push_back(item.name);
    EXPECT_EQ(job.source_of(item), (month / (item.name + ".xml")).string());
    EXPECT_TRUE(item.markup.empty()) << item.name;  // generated when it is needed
    const Result<std::string> markup = job.markup_of(item);
    ASSERT_TRUE(markup.ok()) << item.name;
    EXPECT_EQ(markup.value->rfind("<?xml", 0), 0u) << item.name;
    EXPECT_EQ(*job.markup_of(item).value, *markup.value) << item.name;  // the same bytes every time
  }
  EXPECT_EQ(names, (std::vector<std::string>{"bao-cao-thang-2026-10", "cong-van-nhac-nho-ban-dan-van-huyen-uy-binh-son",
                                             "cong-van-nhac-nho-hoi-nong-dan-huyen-an-loc",
                                             "cong-van-nhac-nho-huyen-doan-an-loc", "bao-cao-du-sinh-hoat-B1-2026-10-05",
                                             "bao-cao-du-sinh-hoat-B2-2026-10-12", "bao-cao-du-sinh-hoat-B5-2026-10-15",
                                             "bao-cao-du-sinh-hoat-B4-2026-10-20"}));
}

// The month's scratch database lives in the output folder as long as the job (its documents are
// generated from it) and goes with it; nothing else is written there.
TEST(MonthJob, ItsScratchDatabaseGoesWithTheJob) {
  TempDir dir;
  const fs::path month = small_month(dir);
  {
    const FolderJob job = month_job(settings(month, MeetingSource::Auto));
    ASSERT_GT(job.count, 0u);
    for (const std::string& name : files_in(output_of(month)))
      EXPECT_TRUE(name.starts_with(".month-records.sqlite.tmp-")) << name;
    const Result<BuildItem> last = job.item(job.count - 1);
    ASSERT_TRUE(last.ok());
    EXPECT_TRUE(job.markup_of(*last.value).ok());
  }
  EXPECT_TRUE(files_in(output_of(month)).empty());
  // A failed month leaves none either.
  testing::write_bytes(month / "meetings.xml", "<meeting-month year=\"2026\"");
  EXPECT_FALSE(month_job(settings(month, MeetingSource::Auto)).input_complete);
  EXPECT_TRUE(files_in(output_of(month)).empty());
}

TEST(MonthJob, CsvAndXmlGiveTheSameDocuments) {
  TempDir dir;
  const fs::path month = small_month(dir);
  const FolderJob xml = month_job(settings(month, MeetingSource::Xml));
  const FolderJob csv = month_job(settings(month, MeetingSource::Csv));
  EXPECT_EQ(csv.input, month.string());
  ASSERT_EQ(xml.count, 8u);
  ASSERT_EQ(csv.count, xml.count);
  for (std::size_t i = 0; i < xml.count; ++i) {
    const BuildItem from_csv = *csv.item(i).value, from_xml = *xml.item(i).value;
    EXPECT_EQ(from_csv.name, from_xml.name);
    EXPECT_EQ(*csv.markup_of(from_csv).value, *xml.markup_of(from_xml).value) << from_xml.name;
  }
  // Without meetings.xml, Auto reads the CSV set.
  fs::remove(month / "meetings.xml");
  EXPECT_EQ(month_job(settings(month, MeetingSource::Auto)).input, month.string());
}

TEST(MonthJob, BadRecordsAreRejectedAndTheRestBuilt) {
  TempDir dir;
  const fs::path month = small_month(dir, kSource / "tests/data/meetings/bad");
  const FolderJob job = month_job(settings(month, MeetingSource::Xml));
  EXPECT_TRUE(job.input_complete);
  EXPECT_EQ(job.rejected.size(), 23u);
  EXPECT_EQ(job.warnings.size(), 1u);
  ASSERT_FALSE(job.rejected.empty());
  EXPECT_EQ(job.rejected.front().file, (month / "meetings.xml").string());
  EXPECT_EQ(job.rejected.front().line, 10);
  EXPECT_GT(job.count, 0u);
}

TEST(MonthJob, UnreadableDataIsOneRejectionAndNoDocument) {
  TempDir dir;
  const fs::path month = small_month(dir);
  testing::write_bytes(month / "meetings.xml", "<meeting-month year=\"2026\"");
  const FolderJob job = month_job(settings(month, MeetingSource::Auto));
  EXPECT_FALSE(job.input_complete);
  EXPECT_EQ(job.count, 0u);
  ASSERT_FALSE(job.rejected.empty());
  EXPECT_EQ(job.rejected.front().file, (month / "meetings.xml").string());
}

// A path the system cannot even look at (a symbolic link loop) is a rejection with its reason,
// never an exception out of the job.
TEST(MonthJob, AMonthFolderThatCannotBeLookedAtIsARejection) {
  TempDir dir;
  const fs::path month = dir.path() / "content" / "2026-10";
  fs::create_directories(month.parent_path());
  fs::create_directory_symlink(month, month);  // 2026-10 -> itself
  FolderJob job;
  ASSERT_NO_THROW(job = month_job(settings(month, MeetingSource::Auto)));
  EXPECT_EQ(job.count, 0u);
  ASSERT_FALSE(job.rejected.empty());
  EXPECT_NE(job.rejected[0].to_string().find("meetings.xml:0:0: cannot read the file: "), std::string::npos)
      << job.rejected[0].to_string();
}

TEST(MonthJob, AGuidanceFileThatCannotBeLookedAtIsARejection) {
  TempDir dir;
  const fs::path month = small_month(dir);
  fs::create_symlink(month / "guidance.xml", month / "guidance.xml");  // a loop
  FolderJob job;
  ASSERT_NO_THROW(job = month_job(settings(month, MeetingSource::Auto)));
  EXPECT_GT(job.count, 0u);
  ASSERT_EQ(job.rejected.size(), 1u);
  EXPECT_NE(job.rejected[0].to_string().find("guidance.xml:0:0: cannot read the file: "), std::string::npos)
      << job.rejected[0].to_string();
}

}  // namespace
}  // namespace vanban
