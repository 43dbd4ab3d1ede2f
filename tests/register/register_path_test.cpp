#include "register/register_path.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "register/register.h"
#include "temp_dir.h"

namespace vanban {
namespace {

using testing::TempDir;

TEST(RegisterPath, AFileOutsideTheOutputFolderIsFine) {
  TempDir dir;
  EXPECT_EQ(register_path_problem(dir.file("so-di.sqlite"), dir.file("out/2026-11")), "");
  EXPECT_EQ(register_path_problem(dir.file("out/so-di.sqlite"), dir.file("out/2026-11")), "");
}

TEST(RegisterPath, InsideTheOutputFolderIsRefusedHoweverItIsSpelt) {
  TempDir dir;
  std::filesystem::create_directories(dir.file("out/2026-11"));
  const std::string out = dir.file("out/2026-11");
  for (const std::string& path : {out + "/so-di.sqlite", dir.file("out/x/../2026-11/so.db"),
                                  dir.file("out/2026-11/sub/so.db")})
    EXPECT_NE(register_path_problem(path, out).find("inside the output folder"), std::string::npos) << path;
  // Through a link to the output folder.
  std::filesystem::create_directory_symlink(out, dir.file("alias"));
  EXPECT_NE(register_path_problem(dir.file("alias/so.db"), out), "");
}

TEST(RegisterPath, ALinkMustLeadToASqliteRegister) {
  TempDir dir;
  { std::ofstream(dir.file("report.pdf")) << "%PDF-1.7\n"; }
  std::filesystem::create_symlink(dir.file("report.pdf"), dir.file("to-pdf.db"));
  std::filesystem::create_symlink(dir.file("missing.db"), dir.file("dangling.db"));
  for (const char* link : {"to-pdf.db", "dangling.db"})
    EXPECT_NE(register_path_problem(dir.file(link), dir.file("out")).find("not a SQLite register"), std::string::npos)
        << link;
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
  // A link to a real register is how an office shares one.
  ASSERT_TRUE(Register::open(dir.file("real.db")).ok());
  std::filesystem::create_symlink(dir.file("real.db"), dir.file("shared.db"));
  EXPECT_EQ(register_path_problem(dir.file("shared.db"), dir.file("out")), "");
}

}  // namespace
}  // namespace vanban
