#include "batch/manifest.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "temp_dir.h"

namespace vanban {
namespace {

using testing::TempDir;
using testing::write_bytes;

const std::string kHashA(64, 'a');
const std::string kHashB = std::string(63, '0') + "f";

TEST(Manifest, SerialisesSortedByNameAndParsesBack) {
  Manifest m;
  m.set("z-last", {kHashA, 10, 20, 30, 40});
  m.set("a first with spaces", {kHashB, 3, 4, 0, 5});
  const std::string text = m.serialise();
  EXPECT_EQ(text, "vanban-manifest 3\n" + kHashB + " 3 4 0 5 a first with spaces\n" + kHashA + " 10 20 30 40 z-last\n");
  EXPECT_EQ(Manifest::parse(text).entries(), m.entries());
}

TEST(Manifest, DropsDamagedLinesAndForeignFiles) {
  const std::string good = kHashA + " 1 2 0 3 good\n";
  const Manifest m = Manifest::parse("vanban-manifest 3\n" + good +
                                     "xyz 1 2 0 3 short-hash\n" +               // not a hash
                                     kHashB.substr(0, 63) + "G 1 2 0 3 bad\n" +  // not hex
                                     kHashB + " 1 2 0 two words\n" +             // size not a number
                                     kHashB + " 1 2 0 3 \n" +                    // no name
                                     kHashB + " 5 6 0 3 cut-short");             // no newline
  ASSERT_EQ(m.entries().size(), 1u);
  EXPECT_EQ(*m.find("good"), (ManifestEntry{kHashA, 1, 2, 0, 3}));
  // An earlier version (no article record) is an empty manifest: every document renders again.
  EXPECT_TRUE(Manifest::parse("vanban-manifest 2\n" + kHashA + " 1 2 0 good\n").entries().empty());
  EXPECT_TRUE(Manifest::parse("").entries().empty());
}

TEST(Manifest, BelievesOnlyPlainNamesInsideTheFolder) {
  const Manifest m = Manifest::parse("vanban-manifest 3\n" + kHashA + " 1 2 0 3 ../../victim/file\n" +
                                     kHashA + " 1 2 0 3 /tmp/x\n" + kHashA + " 1 2 0 3 sub/doc\n" + kHashA +
                                     " 1 2 0 3 ..\n" + kHashA + " 1 2 0 3 .hidden\n" + kHashA +
                                     " 1 2 0 3 back\\slash\n" + kHashA + " 1 2 0 3 bell\x07\n" + kHashA +
                                     " 1 2 0 3 plain name\n");
  ASSERT_EQ(m.entries().size(), 1u);
  EXPECT_NE(m.find("plain name"), nullptr);
}

TEST(Manifest, RemovesOnlyTheFilesItWroteAtTheirRecordedSizes) {
  TempDir dir;
  write_bytes(dir.path() / "doc.pdf", "%PDF-");
  write_bytes(dir.path() / "doc.html", "<html> replaced by the user");
  write_bytes(dir.path() / "doc.article", "vanban-article 1\n");
  write_bytes(dir.path() / "other.pdf", "%PDF-");
  std::filesystem::create_symlink(dir.path() / "other.pdf", dir.path() / "doc-a5.pdf");
  Manifest m;
  m.set("doc", {kHashA, 5, 6, 5, 17});
  const std::string d = dir.path().string();
  EXPECT_TRUE(m.remove_outputs(d, "doc"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "doc.pdf"));
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "doc.article"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "doc.html"));          // not the size vanban wrote
  EXPECT_TRUE(std::filesystem::is_symlink(dir.path() / "doc-a5.pdf"));    // a link is never followed
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "other.pdf"));
  EXPECT_EQ(m.find("doc"), nullptr);
  EXPECT_FALSE(m.remove_outputs(d, "doc"));  // forgotten
}

TEST(Manifest, SavesAtomicallyAndLoads) {
  TempDir dir;
  Manifest m;
  m.set("doc", {kHashA, 7, 8});
  ASSERT_EQ(m.save(dir.file("out")), "");
  EXPECT_EQ(Manifest::load(dir.file("out")).entries(), m.entries());
  EXPECT_TRUE(Manifest::load(dir.file("missing")).entries().empty());
  // Saving the same entries again leaves the file alone.
  const auto before = std::filesystem::last_write_time(dir.path() / "out" / Manifest::kFileName);
  ASSERT_EQ(m.save(dir.file("out")), "");
  EXPECT_EQ(std::filesystem::last_write_time(dir.path() / "out" / Manifest::kFileName), before);
}

TEST(Manifest, UpToDateNeedsTheHashAndBothFilesAtTheirSizes) {
  TempDir dir;
  write_bytes(dir.path() / "doc.pdf", "%PDF-");
  write_bytes(dir.path() / "doc.html", "<html>");
  Manifest m;
  m.set("doc", {kHashA, 5, 6});
  const std::string d = dir.path().string();
  EXPECT_TRUE(m.up_to_date(d, "doc", kHashA));
  EXPECT_FALSE(m.up_to_date(d, "doc", kHashB));    // the markup or the engine changed
  EXPECT_FALSE(m.up_to_date(d, "other", kHashA));  // never built
  write_bytes(dir.path() / "doc.html", "<html>changed by hand");
  EXPECT_FALSE(m.up_to_date(d, "doc", kHashA));
  write_bytes(dir.path() / "doc.html", "<html>");
  std::filesystem::remove(dir.path() / "doc.pdf");
  EXPECT_FALSE(m.up_to_date(d, "doc", kHashA));
}

TEST(Manifest, ABookletIsUpToDateOnlyWithItsA5File) {
  TempDir dir;
  write_bytes(dir.path() / "guide.pdf", "%PDF-");
  write_bytes(dir.path() / "guide.html", "<html>");
  Manifest m;
  m.set("guide", {kHashA, 5, 6, 7});
  const std::string d = dir.path().string();
  EXPECT_FALSE(m.up_to_date(d, "guide", kHashA));
  write_bytes(dir.path() / "guide-a5.pdf", "%PDF-1.");
  EXPECT_TRUE(m.up_to_date(d, "guide", kHashA));
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
