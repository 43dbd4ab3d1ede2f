#include "batch/write_if_changed.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <vector>

#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::TempDir;
using testing::write_bytes;

// Written a piece at a time, as the manifest and the run report are.
std::string write_pieces(const TempDir& dir, const std::vector<std::string>& pieces, bool& written) {
  FileIfChanged file(dir.path().string(), "report.json");
  for (const std::string& piece : pieces) file.write(piece);
  return file.finish(&written);
}

ino_t inode(const fs::path& path) {
  struct stat st {};
  EXPECT_EQ(lstat(path.c_str(), &st), 0);
  return st.st_ino;
}

TEST(FileIfChanged, TheSameBytesInPiecesLeaveTheFileAlone) {
  TempDir dir;
  bool written = false;
  ASSERT_EQ(write_pieces(dir, {"{\n", "  \"a\": 1\n", "}\n"}, written), "");
  EXPECT_TRUE(written);
  const ino_t before = inode(dir.path() / "report.json");
  ASSERT_EQ(write_pieces(dir, {"{\n  \"a\"", ": 1\n}", "\n"}, written), "");
  EXPECT_FALSE(written);
  EXPECT_EQ(inode(dir.path() / "report.json"), before);
}

// From the first difference on a new file is written, beginning with the old bytes that matched.
TEST(FileIfChanged, ADifferenceAnywhereWritesTheWholeNewFile) {
  TempDir dir;
  const fs::path path = dir.path() / "report.json";
  const std::string old(200'000, 'x');  // more than one piece of the copy
  for (const std::vector<std::string>& pieces : std::vector<std::vector<std::string>>{
           {old.substr(0, 150'000), "y", old.substr(150'001)},  // changed in the middle
           {old, "more"},                                       // longer
           {old.substr(0, 199'999)},                            // shorter
           {"y" + old.substr(1)},                               // changed at once
           {}}) {                                               // empty
    write_bytes(path, old);
    bool written = false;
    ASSERT_EQ(write_pieces(dir, pieces, written), "");
    EXPECT_TRUE(written);
    std::string expected;
    for (const std::string& piece : pieces) expected += piece;
    EXPECT_EQ(read_bytes(path), expected);
  }
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"report.json"});  // no temporary file
}

TEST(FileIfChanged, ALinkInItsPlaceIsReplacedNotFollowed) {
  TempDir dir;
  write_bytes(dir.path() / "elsewhere.json", "same");
  fs::create_symlink(dir.path() / "elsewhere.json", dir.path() / "report.json");
  bool written = false;
  ASSERT_EQ(write_pieces(dir, {"same"}, written), "");
  EXPECT_TRUE(written);
  EXPECT_FALSE(fs::is_symlink(dir.path() / "report.json"));
  EXPECT_EQ(read_bytes(dir.path() / "report.json"), "same");
  EXPECT_EQ(read_bytes(dir.path() / "elsewhere.json"), "same");
}

}  // namespace
}  // namespace vanban
