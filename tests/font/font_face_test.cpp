#include "font/font_face.h"

#include <gtest/gtest.h>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <fstream>
#include <iterator>
#include <array>
#include <thread>
#include <string>
#include <vector>

#include "text/utf8_decode.h"
#include "temp_dir.h"

namespace vanban {
namespace {

const std::string kFonts = std::string(VANBAN_SOURCE_DIR) + "/fonts/";
const std::string kRegular = kFonts + "LiberationSerif-Regular.ttf";
const std::array<std::string, 4> kFiles = {
    kRegular, kFonts + "LiberationSerif-Bold.ttf", kFonts + "LiberationSerif-Italic.ttf",
    kFonts + "LiberationSerif-BoldItalic.ttf"};

// Every letter of the Vietnamese alphabet with every tone, both cases, precomposed (NFC).
const std::string kVietnamese =
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

std::u32string code_points(const std::string& s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) out += text::next_code_point(p, end);
  return out;
}

FontFace load_ok(const std::string& path) {
  auto r = FontFace::load(path);
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  return std::move(*r.value);
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(FontFace, NamesAndVerticalMetrics) {
  const std::array<const char*, 4> styles = {"Regular", "Bold", "Italic", "Bold Italic"};
  for (int i = 0; i < 4; ++i) {
    FontFace f = load_ok(kFiles[i]);
    EXPECT_EQ(f.path(), kFiles[i]);
    EXPECT_EQ(f.family_name(), "Liberation Serif");
    EXPECT_EQ(f.style_name(), styles[i]);
    // hhea of Liberation Serif 2: ascender 1825, descender -443 on 2048 units per em.
    EXPECT_DOUBLE_EQ(f.ascent(), 1825.0 / 2048);
    EXPECT_DOUBLE_EQ(f.descent(), 443.0 / 2048);
  }
}

TEST(FontFace, AdvancesMatchTimesNewRomanMetrics) {
  FontFace f = load_ok(kRegular);
  EXPECT_NEAR(f.advance(U'a'), 0.444, 0.0005);
  EXPECT_DOUBLE_EQ(f.advance(U' '), 0.25);
  EXPECT_NEAR(f.advance(U'W'), 0.944, 0.0005);
  EXPECT_NEAR(f.advance(U'Đ'), 0.722, 0.0005);  // as D
  EXPECT_DOUBLE_EQ(f.advance(U'ỹ'), f.advance(U'y'));
  FontFace bold = load_ok(kFiles[1]);
  EXPECT_NEAR(bold.advance(U'a'), 0.5, 0.0005);
}

TEST(FontFace, AdvancesEqualFreeTypeUnscaledAdvances) {
  FT_Library lib;
  ASSERT_EQ(FT_Init_FreeType(&lib), 0);
  for (const auto& path : kFiles) {
    FontFace f = load_ok(path);
    FT_Face face;
    ASSERT_EQ(FT_New_Face(lib, path.c_str(), 0, &face), 0);
    for (char32_t cp : code_points(kVietnamese + " .,;:!?()-0123456789")) {
      ASSERT_EQ(FT_Load_Char(face, cp, FT_LOAD_NO_SCALE), 0);
      EXPECT_DOUBLE_EQ(f.advance(cp),
                       static_cast<double>(face->glyph->advance.x) / face->units_per_EM)
          << path << " U+" << std::hex << static_cast<unsigned>(cp);
    }
    FT_Done_Face(face);
  }
  FT_Done_FreeType(lib);
}

TEST(FontFace, EveryFaceHasEveryVietnameseLetter) {
  for (const auto& path : kFiles) {
    FontFace f = load_ok(path);
    for (char32_t cp : code_points(kVietnamese)) {
      EXPECT_TRUE(f.has_glyph(cp)) << path << " U+" << std::hex << static_cast<unsigned>(cp);
      EXPECT_GT(f.advance(cp), 0.0);
    }
    EXPECT_TRUE(f.has_glyph(U'ỹ'));
    EXPECT_TRUE(f.has_glyph(U'Ự'));
    EXPECT_TRUE(f.has_glyph(U'đ'));
    EXPECT_TRUE(f.has_glyph(U'Đ'));
  }
}

TEST(FontFace, MissingGlyphsHaveNoWidth) {
  FontFace f = load_ok(kRegular);
  EXPECT_FALSE(f.has_glyph(U'中'));
  EXPECT_EQ(f.advance(U'中'), 0.0);
  EXPECT_FALSE(f.has_glyph(U'😀'));  // beyond the BMP: never drawable by the PDF writer
  EXPECT_EQ(f.advance(U'😀'), 0.0);
  EXPECT_FALSE(f.has_glyph(0x110000));
}

TEST(FontFace, TextWidthSumsAdvancesOfDecodedUtf8) {
  FontFace f = load_ok(kRegular);
  const std::string text = "Cộng hòa xã hội chủ nghĩa Việt Nam";
  double expected = 0;
  for (char32_t cp : code_points(text)) expected += f.advance(cp) * 14;
  EXPECT_NEAR(f.text_width(text, 14), expected, 1e-9);
  EXPECT_NEAR(f.text_width("a a", 10), (0.44384765625 * 2 + 0.25) * 10, 1e-9);
  EXPECT_EQ(f.text_width("", 14), 0.0);
  // A truncated sequence adds nothing and does not read past the end.
  EXPECT_NEAR(f.text_width(std::string("a\xE1\xBB", 3), 10), f.advance(U'a') * 10, 1e-9);
}

TEST(FontFace, RefusesMissingAndNonFontFiles) {
  testing::TempDir dir;
  auto missing = FontFace::load(dir.file("nope.ttf"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.errors[0].file, dir.file("nope.ttf"));

  write_file(dir.file("empty.ttf"), "");
  auto empty = FontFace::load(dir.file("empty.ttf"));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.errors[0].to_string().find(dir.file("empty.ttf")), std::string::npos);

  // The first bytes of an OpenType/CFF file, without valid tables.
  write_file(dir.file("cff.otf"), std::string("OTTO\0\x01\0\0\0\0\0\0", 12));
  auto cff = FontFace::load(dir.file("cff.otf"));
  ASSERT_FALSE(cff.ok());
  EXPECT_EQ(cff.errors[0].file, dir.file("cff.otf"));
}

// FreeType opens a bitmap BDF font fine; it is not an sfnt, so it must be refused.
TEST(FontFace, RefusesNonSfntFont) {
  testing::TempDir dir;
  std::string bdf =
      "STARTFONT 2.1\nFONT -misc-fake-medium-r-normal--8-80-75-75-c-80-iso10646-1\n"
      "SIZE 8 75 75\nFONTBOUNDINGBOX 8 8 0 0\nSTARTPROPERTIES 2\nFONT_ASCENT 8\n"
      "FONT_DESCENT 0\nENDPROPERTIES\nCHARS 1\nSTARTCHAR A\nENCODING 65\nSWIDTH 500 0\n"
      "DWIDTH 8 0\nBBX 8 8 0 0\nBITMAP\n";
  for (int i = 0; i < 8; ++i) bdf += "FF\n";
  bdf += "ENDCHAR\nENDFONT\n";
  write_file(dir.file("fake.bdf"), bdf);
  auto r = FontFace::load(dir.file("fake.bdf"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, dir.file("fake.bdf"));
  EXPECT_NE(r.errors[0].message.find("not a TrueType"), std::string::npos) << r.errors[0].message;
}

// An sfnt without a 'glyf' table (outlines in CFF, or none) must be refused: PoDoFo 0.9.8 cannot
// subset it. Renaming the tag in a real TrueType file gives one that FreeType still opens.
TEST(FontFace, RefusesSfntWithoutGlyfTable) {
  testing::TempDir dir;
  std::string bytes = read_file(kRegular);
  const auto tables = static_cast<std::size_t>(static_cast<unsigned char>(bytes[4]) << 8 |
                                               static_cast<unsigned char>(bytes[5]));
  bool renamed = false;
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t entry = 12 + 16 * i;
    if (bytes.compare(entry, 4, "glyf") == 0) {
      bytes.replace(entry, 4, "glyX");
      renamed = true;
    }
  }
  ASSERT_TRUE(renamed);
  write_file(dir.file("noglyf.ttf"), bytes);
  auto r = FontFace::load(dir.file("noglyf.ttf"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].file, dir.file("noglyf.ttf"));
  EXPECT_NE(r.errors[0].message.find("not a TrueType (glyf) font"), std::string::npos)
      << r.errors[0].message;
}

TEST(FontFace, SafeToReadFromSeveralThreadsAfterLoading) {
  FontFace f = load_ok(kRegular);
  const double expected = f.text_width(kVietnamese, 13);
  std::vector<std::thread> threads;
  std::vector<double> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 1000; ++i) got[t] = f.text_width(kVietnamese, 13);
    });
  }
  for (auto& th : threads) th.join();
  for (double g : got) EXPECT_EQ(g, expected);
}

}  // namespace
}  // namespace vanban
