#include "serve/content_path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "serve/draft_store.h"

namespace vanban::serve {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("vanban-serve-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

TEST(ContentPath, OnlyPlainNamesAreDraftNames) {
  EXPECT_EQ(bad_draft_name("cong-van_12.ban-2"), "");
  for (const char* bad : {"", "..", "../x", "a/b", "/etc/passwd", ".hidden", "a..b", "a\\b", "tên", "a b", "a\nb"})
    EXPECT_NE(bad_draft_name(bad), "") << bad;
}

TEST(ContentPath, SymbolicLinksOutOfTheFolderAreRefused) {
  TempDir t;
  fs::create_directories(t.path / "drafts");
  std::ofstream(t.path / "outside.xml") << "secret";
  fs::create_symlink(t.path / "outside.xml", t.path / "drafts" / "link.xml");
  fs::create_directories(t.path / "elsewhere");
  fs::create_directory_symlink(t.path / "elsewhere", t.path / "drafts" / "sub");
  EXPECT_EQ(confined_file((t.path / "drafts").string(), "link", ".xml"), std::nullopt);
  EXPECT_EQ(confined_file((t.path / "drafts").string(), "../outside", ".xml"), std::nullopt);
  EXPECT_EQ(*confined_file((t.path / "drafts").string(), "new", ".xml"), (fs::canonical(t.path / "drafts") / "new.xml").string());

  DraftStore store((t.path / "drafts").string());
  EXPECT_EQ(store.load("link"), std::nullopt);
  EXPECT_EQ(store.save("link", "<x/>", "").outcome, SaveOutcome::BadName);
  std::ifstream in(t.path / "outside.xml");
  std::string kept;
  std::getline(in, kept);
  EXPECT_EQ(kept, "secret");
  EXPECT_EQ(store.list(), std::vector<std::string>{});
}

TEST(DraftStore, ASaveFromAStaleVersionIsRefused) {
  TempDir t;
  DraftStore store((t.path / "drafts").string());
  const SaveResult first = store.save("a", "<one/>", "");
  ASSERT_EQ(first.outcome, SaveOutcome::Saved);
  EXPECT_EQ(store.save("a", "<again/>", "").outcome, SaveOutcome::Conflict);  // exists already
  const SaveResult second = store.save("a", "<two/>", first.version);
  ASSERT_EQ(second.outcome, SaveOutcome::Saved);
  const SaveResult stale = store.save("a", "<three/>", first.version);
  EXPECT_EQ(stale.outcome, SaveOutcome::Conflict);
  EXPECT_EQ(stale.version, second.version);
  EXPECT_EQ(store.load("a")->bytes, "<two/>");
  EXPECT_EQ(store.list(), std::vector<std::string>{"a"});
}

}  // namespace
}  // namespace vanban::serve
