#include "batch/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "temp_dir.h"

namespace vanban {
namespace {

using testing::TempDir;
using testing::write_bytes;

const std::string kHashA(64, 'a');
const std::string kHashB = std::string(63, '0') + "f";

using Entries = std::map<std::string, ManifestEntry>;

// What read_manifest gives of a manifest.txt holding `text`.
Entries parse(const std::string& text) {
  TempDir dir;
  write_bytes(dir.path() / kManifestFile, text);
  Entries entries;
  read_manifest(dir.path().string(), [&](std::string_view name, const ManifestEntry& e) {
    EXPECT_TRUE(entries.emplace(std::string(name), e).second) << name;
  });
  return entries;
}

TEST(Manifest, OneLineAnEntryAndReadBack) {
  const std::string text = std::string(manifest_header()) + manifest_line("a first with spaces", {kHashB, 3, 4, 0, 5}) +
                           manifest_line("z-last", {kHashA, 10, 20, 30, 40});
  EXPECT_EQ(text, "vanban-manifest 3\n" + kHashB + " 3 4 0 5 a first with spaces\n" + kHashA + " 10 20 30 40 z-last\n");
  EXPECT_EQ(parse(text), (Entries{{"a first with spaces", {kHashB, 3, 4, 0, 5}}, {"z-last", {kHashA, 10, 20, 30, 40}}}));
}

TEST(Manifest, DropsDamagedLinesAndForeignFiles) {
  const std::string good = kHashA + " 1 2 0 3 good\n";
  const Entries m = parse("vanban-manifest 3\n" + good +
                          "xyz 1 2 0 3 short-hash\n" +               // not a hash
                          kHashB.substr(0, 63) + "G 1 2 0 3 bad\n" +  // not hex
                          kHashB + " 1 2 0 two words\n" +             // size not a number
                          kHashB + " 1 2 0 3 \n" +                    // no name
                          kHashB + " 5 6 0 3 cut-short");             // no newline
  EXPECT_EQ(m, (Entries{{"good", {kHashA, 1, 2, 0, 3}}}));
  // An earlier version (no article record) is an empty manifest: every document renders again.
  EXPECT_TRUE(parse("vanban-manifest 2\n" + kHashA + " 1 2 0 good\n").empty());
  EXPECT_TRUE(parse("").empty());
  EXPECT_TRUE(parse("vanban-manifest 3").empty());
  TempDir none;
  read_manifest(none.file("missing"), [](std::string_view name, const ManifestEntry&) { ADD_FAILURE() << name; });
}

TEST(Manifest, BelievesOnlyPlainNamesInsideTheFolder) {
  const Entries m = parse("vanban-manifest 3\n" + kHashA + " 1 2 0 3 ../../victim/file\n" + kHashA + " 1 2 0 3 /tmp/x\n" +
                          kHashA + " 1 2 0 3 sub/doc\n" + kHashA + " 1 2 0 3 ..\n" + kHashA + " 1 2 0 3 .hidden\n" +
                          kHashA + " 1 2 0 3 back\\slash\n" + kHashA + " 1 2 0 3 bell\x07\n" + kHashA +
                          " 1 2 0 3 plain name\n");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m.count("plain name"), 1u);
}

TEST(Manifest, RemovesOnlyTheFilesItWroteAtTheirRecordedSizes) {
  TempDir dir;
  write_bytes(dir.path() / "doc.pdf", "%PDF-");
  write_bytes(dir.path() / "doc.html", "<html> replaced by the user");
  write_bytes(dir.path() / "doc.article", "vanban-article 1\n");
  write_bytes(dir.path() / "other.pdf", "%PDF-");
  std::filesystem::create_symlink(dir.path() / "other.pdf", dir.path() / "doc-a5.pdf");
  remove_recorded_outputs(dir.path().string(), "doc", {kHashA, 5, 6, 5, 17});
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "doc.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "doc.article"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "doc.html"));          // not the size vanban wrote
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path() / "doc-a5.pdf"));    // a link is never followed
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "other.pdf"));
}

TEST(Manifest, UpToDateNeedsTheHashAndBothFilesAtTheirSizes) {
  TempDir dir;
  write_bytes(dir.path() / "doc.pdf", "%PDF-");
  write_bytes(dir.path() / "doc.html", "<html>");
  const ManifestEntry e{kHashA, 5, 6};
  const std::string d = dir.path().string();
  EXPECT_TRUE(up_to_date(&e, d, "doc", kHashA));
  EXPECT_FALSE(up_to_date(&e, d, "doc", kHashB));      // the markup or the engine changed
  EXPECT_FALSE(up_to_date(nullptr, d, "doc", kHashA));  // never built
  write_bytes(dir.path() / "doc.html", "<html>changed by hand");
  EXPECT_FALSE(up_to_date(&e, d, "doc", kHashA));
  write_bytes(dir.path() / "doc.html", "<html>");
  std::filesystem::remove(dir.path() / "doc.pdf");
  EXPECT_FALSE(up_to_date(&e, d, "doc", kHashA));
}

TEST(Manifest, ABookletIsUpToDateOnlyWithItsA5File) {
  TempDir dir;
  write_bytes(dir.path() / "guide.pdf", "%PDF-");
  write_bytes(dir.path() / "guide.html", "<html>");
  const ManifestEntry e{kHashA, 5, 6, 7};
  const std::string d = dir.path().string();
  EXPECT_FALSE(up_to_date(&e, d, "guide", kHashA));
  write_bytes(dir.path() / "guide-a5.pdf", "%PDF-1.");
  EXPECT_TRUE(up_to_date(&e, d, "guide", kHashA));
}

TEST(DocumentHash, DependsOnTheEngineAndTheMarkup) {
  const std::string h = document_hash("engine-1", "<document/>");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, document_hash("engine-1", "<document/>"));
  EXPECT_NE(h, document_hash("engine-2", "<document/>"));
  EXPECT_NE(h, document_hash("engine-1", "<document />"));
  // The separator keeps the two parts apart.
  EXPECT_NE(document_hash("ab", "c"), document_hash("a", "bc"));
}

}  // namespace
}  // namespace vanban
