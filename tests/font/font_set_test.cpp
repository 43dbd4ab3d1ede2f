#include "font/font_set.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;

const std::string kFonts = std::string(VANBAN_SOURCE_DIR) + "/fonts";

void copy_font(const std::string& shipped_style, const testing::TempDir& dir,
               const std::string& name) {
  fs::copy_file(kFonts + "/LiberationSerif-" + shipped_style + ".ttf", dir.file(name));
}

std::string all_messages(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

TEST(FontSet, LoadsShippedLiberationSerif) {
  auto r = FontSet::load_dir(kFonts);
  ASSERT_TRUE(r.ok()) << all_messages(r.errors);
  const FontSet& set = *r.value;
  EXPECT_EQ(set.family_name(), "Liberation Serif");
  EXPECT_EQ(set.face(FontStyle::Regular).style_name(), "Regular");
  EXPECT_EQ(set.face(FontStyle::Bold).style_name(), "Bold");
  EXPECT_EQ(set.face(FontStyle::Italic).style_name(), "Italic");
  EXPECT_EQ(set.face(FontStyle::BoldItalic).style_name(), "Bold Italic");
  EXPECT_EQ(set.face(FontStyle::BoldItalic).path(), kFonts + "/LiberationSerif-BoldItalic.ttf");
}

// What is measured with a set is remembered by its serial: every set loaded has its own, a copy
// or a move keeps it.
TEST(FontSet, EverySetLoadedHasItsOwnSerial) {
  auto first = FontSet::load_dir(kFonts);
  auto second = FontSet::load_dir(kFonts);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first.value->serial(), second.value->serial());
  const std::uint64_t serial = first.value->serial();
  const FontSet moved = std::move(*first.value);
  EXPECT_EQ(moved.serial(), serial);
}

TEST(FontSet, CoversVietnameseButNotCjkOrEmoji) {
  auto r = FontSet::load_dir(kFonts);
  ASSERT_TRUE(r.ok());
  for (char32_t cp : std::u32string(U"ỹỰđĐăâêôơưẠậ“”–…§№")) {
    EXPECT_TRUE(r.value->covers(cp)) << std::hex << static_cast<unsigned>(cp);
  }
  EXPECT_FALSE(r.value->covers(U'中'));
  EXPECT_FALSE(r.value->covers(U'✓'));
  EXPECT_FALSE(r.value->covers(U'😀'));
}

TEST(FontSet, RecognisesTimesNewRomanShortNamesInAnyCase) {
  testing::TempDir dir;
  copy_font("Regular", dir, "TIMES.TTF");
  copy_font("Bold", dir, "timesbd.ttf");
  copy_font("Italic", dir, "TimesI.ttf");
  copy_font("BoldItalic", dir, "timesbi.TTF");
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_TRUE(r.ok()) << all_messages(r.errors);
  EXPECT_EQ(r.value->face(FontStyle::Regular).path(), dir.file("TIMES.TTF"));
  EXPECT_EQ(r.value->face(FontStyle::Italic).path(), dir.file("TimesI.ttf"));
  EXPECT_EQ(r.value->face(FontStyle::BoldItalic).style_name(), "Bold Italic");
}

TEST(FontSet, RecognisesTimesNewRomanLongNames) {
  testing::TempDir dir;
  copy_font("Regular", dir, "Times New Roman.ttf");
  copy_font("Bold", dir, "Times New Roman Bold.ttf");
  copy_font("Italic", dir, "Times New Roman Italic.ttf");
  copy_font("BoldItalic", dir, "Times New Roman Bold Italic.ttf");
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_TRUE(r.ok()) << all_messages(r.errors);
  EXPECT_EQ(r.value->face(FontStyle::Bold).path(), dir.file("Times New Roman Bold.ttf"));
}

TEST(FontSet, PrefersCompleteTimesNewRomanOverLiberation) {
  testing::TempDir dir;
  for (const char* s : {"Regular", "Bold", "Italic", "BoldItalic"}) {
    copy_font(s, dir, std::string("LiberationSerif-") + s + ".ttf");
  }
  copy_font("Regular", dir, "times.ttf");
  copy_font("Bold", dir, "timesbd.ttf");
  copy_font("Italic", dir, "timesi.ttf");
  copy_font("BoldItalic", dir, "timesbi.ttf");
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_TRUE(r.ok()) << all_messages(r.errors);
  EXPECT_EQ(r.value->face(FontStyle::Regular).path(), dir.file("times.ttf"));
}

TEST(FontSet, IncompleteTimesFallsBackToCompleteLiberation) {
  testing::TempDir dir;
  for (const char* s : {"Regular", "Bold", "Italic", "BoldItalic"}) {
    copy_font(s, dir, std::string("LiberationSerif-") + s + ".ttf");
  }
  copy_font("Regular", dir, "times.ttf");
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_TRUE(r.ok()) << all_messages(r.errors);
  EXPECT_EQ(r.value->face(FontStyle::Regular).path(), dir.file("LiberationSerif-Regular.ttf"));
}

TEST(FontSet, MissingStylesAreErrorsNamingFolderAndFiles) {
  testing::TempDir dir;
  copy_font("Regular", dir, "LiberationSerif-Regular.ttf");
  copy_font("Bold", dir, "LiberationSerif-Bold.ttf");
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 2u) << all_messages(r.errors);
  EXPECT_EQ(r.errors[0].file, dir.path().string());
  EXPECT_NE(r.errors[0].message.find("Italic face"), std::string::npos);
  EXPECT_NE(r.errors[0].message.find("LiberationSerif-Italic.ttf"), std::string::npos);
  EXPECT_NE(r.errors[1].message.find("Bold Italic face"), std::string::npos);
  EXPECT_NE(r.errors[1].message.find("LiberationSerif-BoldItalic.ttf"), std::string::npos);
}

TEST(FontSet, EmptyFolderListsEveryAcceptedName) {
  testing::TempDir dir;
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 4u);
  EXPECT_EQ(r.errors[0].to_string(),
            dir.path().string() +
                ":0:0: font folder has no Regular face (looked for times.ttf, Times New "
                "Roman.ttf, LiberationSerif-Regular.ttf); bold and italic are never synthesised");
  EXPECT_NE(r.errors[3].message.find("timesbi.ttf, Times New Roman Bold Italic.ttf, "
                                     "LiberationSerif-BoldItalic.ttf"),
            std::string::npos);
}

TEST(FontSet, BrokenFaceFileIsReported) {
  testing::TempDir dir;
  copy_font("Regular", dir, "times.ttf");
  copy_font("Bold", dir, "timesbd.ttf");
  copy_font("Italic", dir, "timesi.ttf");
  std::ofstream(dir.file("timesbi.ttf")) << "not a font";
  auto r = FontSet::load_dir(dir.path().string());
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, dir.file("timesbi.ttf"));
}

TEST(FontSet, MissingFolderIsAnError) {
  auto r = FontSet::load_dir("/nonexistent/vanban-fonts");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, "/nonexistent/vanban-fonts");
  EXPECT_NE(r.errors[0].message.find("cannot read font folder"), std::string::npos);
}

}  // namespace
}  // namespace vanban
