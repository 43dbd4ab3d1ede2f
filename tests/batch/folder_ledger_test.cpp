#include "batch/folder_ledger.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "output/atomic_file.h"
#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::TempDir;
using testing::write_bytes;

const std::string kHashA(64, 'a');
const std::string kHashB = std::string(63, '0') + "f";

std::unique_ptr<FolderLedger> open(const fs::path& dir) {
  std::string error;
  std::unique_ptr<FolderLedger> ledger = FolderLedger::open(dir.string(), error);
  EXPECT_TRUE(ledger) << error;
  return ledger;
}

std::vector<std::string> names(const FolderLedger& ledger, Listed list) {
  std::vector<std::string> out;
  ledger.for_each(list, [&](std::string_view name) { out.emplace_back(name); });
  return out;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The manifest is written from the database a line at a time, sorted by name as std::string
// sorts (bytes, a prefix first), the bytes the in-memory std::map of earlier versions wrote.
TEST(FolderLedger, SavesTheManifestSortedByNameAsTheMapDid) {
  TempDir dir;
  const std::vector<std::string> names = {"z-last", "a first with spaces", "b", "ba", "b-", "B", "\xc3\xa1-utf8", "~"};
  {
    std::unique_ptr<FolderLedger> ledger = open(dir.path());
    for (const std::string& name : names) ledger->record(name, {kHashA, 1, 2, 0, 3});
    ledger->record("a first with spaces", {kHashB, 3, 4, 0, 5});  // replaces
    ASSERT_EQ(ledger->save_manifest(), "");
  }
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end());
  std::string expected = "vanban-manifest 3\n";
  for (const std::string& name : sorted)
    expected += (name == "a first with spaces" ? kHashB + " 3 4 0 5 " : kHashA + " 1 2 0 3 ") + name + "\n";
  EXPECT_EQ(read_bytes(dir.path() / kManifestFile), expected);

  // Loaded again, damaged lines left out; saved again, the file is left alone.
  write_bytes(dir.path() / kManifestFile, expected + "xyz 1 2 0 3 damaged\n");
  std::unique_ptr<FolderLedger> again = open(dir.path());
  EXPECT_EQ(again->recorded("b"), (ManifestEntry{kHashA, 1, 2, 0, 3}));
  EXPECT_EQ(again->recorded("damaged"), std::nullopt);
  ASSERT_EQ(again->save_manifest(), "");
  EXPECT_EQ(read_bytes(dir.path() / kManifestFile), expected);
  const auto before = fs::last_write_time(dir.path() / kManifestFile);
  ASSERT_EQ(again->save_manifest(), "");
  EXPECT_EQ(fs::last_write_time(dir.path() / kManifestFile), before);
}

TEST(FolderLedger, ANameIsClaimedOnce) {
  TempDir dir;
  std::unique_ptr<FolderLedger> ledger = open(dir.path());
  EXPECT_TRUE(ledger->claim("doc"));
  EXPECT_TRUE(ledger->claim("doc-2"));
  EXPECT_FALSE(ledger->claim("doc"));
  EXPECT_TRUE(ledger->claim("Doc"));  // names are bytes
}

TEST(FolderLedger, GivesThePlannedDocumentsBack) {
  TempDir dir;
  std::unique_ptr<FolderLedger> ledger = open(dir.path());
  PlannedDocument plain;
  plain.item = 4;
  plain.name = "doc";
  ledger->plan(plain);
  ledger->plan(PlannedDocument{7, "bao-cao-thang-2026-10", 12, 3, {2026, 10, 31}, kHashA});
  ASSERT_EQ(ledger->planned(), 2u);
  ASSERT_TRUE(ledger->planned(0) && ledger->planned(1));
  const PlannedDocument first = *ledger->planned(0), second = *ledger->planned(1);
  EXPECT_EQ(first.item, 4u);
  EXPECT_EQ(first.name, "doc");
  EXPECT_EQ(first.register_id, 0);
  EXPECT_EQ(first.hash, "");
  EXPECT_EQ(second.item, 7u);
  EXPECT_EQ(second.name, "bao-cao-thang-2026-10");
  EXPECT_EQ(second.register_id, 12);
  EXPECT_EQ(second.number, 3);
  EXPECT_EQ(second.date, (CivilDate{2026, 10, 31}));
  EXPECT_EQ(second.hash, kHashA);
  // One the records cannot give is no document at all (never a default one: the first item), and
  // the ledger says why; the build stops on that.
  EXPECT_FALSE(ledger->planned(2).has_value());
  EXPECT_EQ(ledger->error(), "document 2 of the plan is missing");
}

// Outputs of names not claimed in this run are deleted (at their recorded sizes only) and
// listed; the claimed ones stay.
TEST(FolderLedger, RemovesTheOutputsOfNamesNoLongerClaimed) {
  TempDir dir;
  for (const char* name : {"gone.pdf", "gone.html", "kept.pdf", "kept.html", "b-gone.pdf"}) write_bytes(dir.path() / name, "12345");
  write_bytes(dir.path() / "b-gone.html", "changed by hand");
  write_bytes(dir.path() / kManifestFile, "vanban-manifest 3\n" + kHashA + " 5 5 0 0 gone\n" + kHashA +
                                              " 5 5 0 0 kept\n" + kHashA + " 5 5 0 0 b-gone\n");
  std::unique_ptr<FolderLedger> ledger = open(dir.path());
  ASSERT_TRUE(ledger->claim("kept"));
  ledger->remove_unclaimed();
  EXPECT_EQ(names(*ledger, Listed::Removed), (std::vector<std::string>{"b-gone", "gone"}));
  EXPECT_EQ(ledger->count(Listed::Removed), 2u);
  EXPECT_EQ(ledger->recorded("gone"), std::nullopt);
  EXPECT_TRUE(ledger->recorded("kept"));
  EXPECT_FALSE(ledger->remove_outputs("gone"));  // forgotten
  EXPECT_EQ(ledger->error(), "");
  ledger.reset();
  EXPECT_EQ(files_in(dir.path()), (std::vector<std::string>{"b-gone.html", "kept.html", "kept.pdf", kManifestFile}));
}

TEST(FolderLedger, ListsWhatBecameOfEachDocumentByName) {
  TempDir dir;
  std::unique_ptr<FolderLedger> ledger = open(dir.path());
  ledger->add_written({"b", "cong-van", 1, 100, 200, 0});
  ledger->add_written({"a", "bao-cao", 0, 10, 20, 30});
  ledger->add(Listed::Unchanged, "d");
  ledger->add(Listed::Unchanged, "c");
  ledger->add(Listed::Failed, "e");
  EXPECT_EQ(ledger->written(), 2u);
  EXPECT_EQ(ledger->count(Listed::Unchanged), 2u);
  EXPECT_EQ(ledger->count(Listed::Removed), 0u);
  std::vector<std::string> written;
  ledger->for_each_written([&](const BuiltDocument& d) { written.push_back(d.name + " " + d.kind + " " + std::to_string(d.booklet_bytes)); });
  EXPECT_EQ(written, (std::vector<std::string>{"a bao-cao 30", "b cong-van 0"}));
  EXPECT_EQ(names(*ledger, Listed::Unchanged), (std::vector<std::string>{"c", "d"}));
  EXPECT_EQ(names(*ledger, Listed::Failed), (std::vector<std::string>{"e"}));
}

// Its database is a scratch file of the output folder: gone with the ledger; a killed run's is
// removed by the next run (remove_stale_temp_files, before it builds).
TEST(FolderLedger, ItsDatabaseIsAScratchFileOfTheFolder) {
  TempDir dir;
  std::unique_ptr<FolderLedger> ledger = open(dir.path());
  const std::vector<std::string> files = files_in(dir.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].starts_with(".build.sqlite.tmp-" + std::to_string(::getpid()) + "-")) << files[0];
  ledger.reset();
  EXPECT_TRUE(files_in(dir.path()).empty());

  write_bytes(dir.path() / ".build.sqlite.tmp-999999999-3", "a killed run's");
  EXPECT_EQ(remove_stale_temp_files(dir.path().string()), std::vector<std::string>{".build.sqlite.tmp-999999999-3"});

  std::string error;
  write_bytes(dir.path() / "plain", "not a folder");
  EXPECT_FALSE(FolderLedger::open((dir.path() / "plain").string(), error));
  EXPECT_NE(error.find("plain"), std::string::npos) << error;
}

}  // namespace
}  // namespace vanban
