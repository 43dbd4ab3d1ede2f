#include "output/record_file.h"

#include <gtest/gtest.h>

#include <fstream>

#include "output/output_name.h"

namespace vanban {
namespace {

TEST(RecordLines, OnlyCompleteLinesAfterTheRightHeader) {
  using Lines = std::vector<std::string_view>;
  EXPECT_EQ(record_lines("fmt 2\na b\n\nc", "fmt 2"), (Lines{"a b", ""}));  // "c" was cut short
  EXPECT_EQ(record_lines("fmt 1\na b\n", "fmt 2"), Lines{});
  EXPECT_EQ(record_lines("fmt 2", "fmt 2"), Lines{});
  EXPECT_EQ(record_lines("", "fmt 2"), Lines{});
  const std::string text = record_text("fmt 2", {"a b", "c"});
  EXPECT_EQ(text, "fmt 2\na b\nc\n");
  EXPECT_EQ(record_lines(text, "fmt 2"), (Lines{"a b", "c"}));
}

// The same lines read from the file a line at a time.
TEST(RecordLines, ReadFromTheFileAsFromItsText) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "record_lines_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const std::string text : {"fmt 2\na b\n\nc", "fmt 1\na b\n", "fmt 2", "", "fmt 2\n", "fmt 2\nx\ny\n"}) {
    std::ofstream(dir / "records.txt", std::ios::binary) << text;
    std::vector<std::string> read;
    for_each_record_line(dir.string(), "records.txt", "fmt 2", [&](std::string_view line) { read.emplace_back(line); });
    std::vector<std::string> whole;
    for (std::string_view line : record_lines(text, "fmt 2")) whole.emplace_back(line);
    EXPECT_EQ(read, whole) << text;
  }
  for_each_record_line(dir.string(), "missing.txt", "fmt 2", [](std::string_view line) { ADD_FAILURE() << line; });
  std::filesystem::remove_all(dir);
}

TEST(TakeNumber, ANumberThenOneSpace) {
  std::string_view line = "123 x.pdf";
  std::uint64_t n = 0;
  EXPECT_TRUE(take_number(line, n));
  EXPECT_EQ(n, 123u);
  EXPECT_EQ(line, "x.pdf");
  for (std::string_view bad : {"x 1", "12", "12x y", "-1 y", " 1 y"}) {
    std::string_view rest = bad;
    EXPECT_FALSE(take_number(rest, n)) << bad;
    EXPECT_EQ(rest, bad);
  }
}

TEST(IsFileOfSize, ARegularFileOfThatSizeNotALink) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "record_file_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.pdf") << "four";
  std::filesystem::create_symlink(dir / "a.pdf", dir / "link.pdf");
  EXPECT_TRUE(is_file_of_size(dir / "a.pdf", 4));
  EXPECT_FALSE(is_file_of_size(dir / "a.pdf", 5));
  EXPECT_FALSE(is_file_of_size(dir / "link.pdf", 4));
  EXPECT_FALSE(is_file_of_size(dir / "missing.pdf", 0));
  EXPECT_FALSE(is_file_of_size(dir, 4096));
  std::ofstream(dir / "manifest.txt") << "fmt 2\nx\n";
  EXPECT_EQ(read_record_file(dir.string(), "manifest.txt"), "fmt 2\nx\n");
  EXPECT_EQ(read_record_file(dir.string(), "none.txt"), "");
  std::filesystem::remove_all(dir);
}

TEST(IsPlainOutputName, OneFileNameThatStaysInItsFolder) {
  EXPECT_TRUE(is_plain_output_name("cong-van-nha-nuoc"));
  EXPECT_TRUE(is_plain_output_name("x.pdf"));
  for (std::string_view bad : {"../x", "/tmp/x", "a/b", ".hidden", "", "a\nb", "doc.xml"})
    EXPECT_FALSE(is_plain_output_name(bad)) << bad;
}

}  // namespace
}  // namespace vanban
