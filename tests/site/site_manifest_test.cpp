#include "site/site_manifest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace vanban::site {
namespace {

namespace fs = std::filesystem;

TEST(SiteManifest, RoundTripsAndDropsUnsafePaths) {
  SiteManifest m;
  m.set_slug("2026-10/bao-cao-thang-2026-10", "ket-qua-sinh-hoat");
  m.set_file("van-ban/ket-qua-sinh-hoat.html", 1234);
  m.set_file("index.html", 99);
  const SiteManifest back = SiteManifest::parse(m.serialise());
  EXPECT_EQ(back.slugs(), m.slugs());
  EXPECT_EQ(back.files(), m.files());

  const SiteManifest hostile = SiteManifest::parse(
      "vanban-site 1\nfile 10 ../escape.html\nfile 10 /etc/passwd\nfile 10 van-ban/../../x\n"
      "file 10 other/x.html\nfile 10 .hidden\nfile x index.html\nfile 10 thang/2026-10.html\nfile 5 cut");
  ASSERT_EQ(hostile.files().size(), 1u);
  EXPECT_EQ(hostile.files().begin()->first, "thang/2026-10.html");
  EXPECT_TRUE(SiteManifest::parse("something else\nfile 10 index.html\n").files().empty());
}

// A page made from the same inputs is not made again, while its file is there at its size; a
// version 1 manifest keeps its addresses, and has no digests (every page is made again).
TEST(SiteManifest, HoldsAPageMadeFromTheSameDigest) {
  const fs::path dir = fs::temp_directory_path() / ("vanban-site-digest-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "van-ban");
  std::ofstream(dir / "van-ban/a.html", std::ios::binary) << "page";
  SiteManifest m;
  m.set_file("van-ban/a.html", 4);
  m.set_digest("van-ban/a.html", "d1");
  const SiteManifest back = SiteManifest::parse(m.serialise());
  EXPECT_EQ(back.digest("van-ban/a.html"), "d1");
  EXPECT_TRUE(back.holds(dir.string(), "van-ban/a.html", "d1"));
  EXPECT_FALSE(back.holds(dir.string(), "van-ban/a.html", "d2"));
  EXPECT_FALSE(back.holds(dir.string(), "van-ban/b.html", "d1"));
  std::ofstream(dir / "van-ban/a.html", std::ios::binary) << "page, edited";
  EXPECT_FALSE(back.holds(dir.string(), "van-ban/a.html", "d1"));
  EXPECT_TRUE(SiteManifest::parse("vanban-site 2\nmade d1 ../x.html\n").digest("../x.html").empty());

  const SiteManifest version1 = SiteManifest::parse("vanban-site 1\nslug 2026-10/a a\nfile 4 van-ban/a.html\n");
  EXPECT_EQ(version1.slugs().at("2026-10/a"), "a");
  EXPECT_TRUE(version1.digest("van-ban/a.html").empty());
  fs::remove_all(dir);
}

TEST(SiteManifest, RemovesOnlyItsOwnFilesOfTheRecordedSize) {
  const fs::path dir = fs::temp_directory_path() / ("vanban-site-manifest-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "van-ban");
  const auto write = [&](const std::string& path, const std::string& bytes) {
    std::ofstream(dir / path, std::ios::binary) << bytes;
  };
  write("van-ban/old.html", "old page");
  write("van-ban/edited.html", "changed by someone");
  write("van-ban/kept.html", "kept");
  write("index.html", "home");
  fs::create_symlink(dir / "index.html", dir / "van-ban" / "link.html");

  SiteManifest earlier;
  earlier.set_file("van-ban/old.html", 8);
  earlier.set_file("van-ban/edited.html", 4);  // the size it had when vanban wrote it
  earlier.set_file("van-ban/kept.html", 4);
  earlier.set_file("van-ban/link.html", 4);
  earlier.set_file("index.html", 4);
  SiteManifest current;
  current.set_file("van-ban/kept.html", 4);
  current.set_file("index.html", 4);

  const std::vector<std::string> removed = earlier.remove_files_not_in(current, dir.string());
  EXPECT_EQ(removed, std::vector<std::string>{"van-ban/old.html"});
  EXPECT_FALSE(fs::exists(dir / "van-ban/old.html"));
  EXPECT_TRUE(fs::exists(dir / "van-ban/edited.html"));
  EXPECT_TRUE(fs::is_symlink(dir / "van-ban/link.html"));
  EXPECT_TRUE(fs::exists(dir / "index.html"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace vanban::site
