#include "pdf/embedded_font.h"

#include <ft2build.h>
#include <gtest/gtest.h>
#include <zlib.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "font/font_set.h"
#include "text/utf8_decode.h"
#include "pdf/pdf_writer.h"
#include "pdf/truetype_subset.h"
#include "shipped_data.h"

namespace vanban {
namespace {

const FontSet& fonts() { return testing::shipped_fonts(); }

// Every Vietnamese letter (most are composite glyphs in Liberation: base + marks, nested for
// the double diacritics) plus ASCII letters, digits and punctuation.
const std::string kRepertoire =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
    "bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ0123456789 .,;:!?()-–“”/%";

std::vector<char32_t> sorted_code_points(const std::string& utf8) {
  std::set<char32_t> set;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) set.insert(text::next_code_point(p, end));
  return {set.begin(), set.end()};
}

std::string inflate(const std::string& compressed, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = size;
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                       reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()),
            Z_OK);
  EXPECT_EQ(length, size);
  return out;
}

std::string inflate(const std::string& compressed) {
  std::string out(1 << 20, '\0');
  uLongf length = out.size();
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                       reinterpret_cast<const Bytef*>(compressed.data()), compressed.size()),
            Z_OK);
  out.resize(length);
  return out;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(s[at + i]);
  return v;
}

struct Ft {
  FT_Library library = nullptr;
  std::vector<FT_Face> faces;
  Ft() { FT_Init_FreeType(&library); }
  ~Ft() {
    for (FT_Face f : faces) FT_Done_Face(f);
    FT_Done_FreeType(library);
  }
  FT_Face open(std::string_view bytes) {
    FT_Face face = nullptr;
    if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()),
                           static_cast<FT_Long>(bytes.size()), 0, &face) != 0) {
      return nullptr;
    }
    faces.push_back(face);
    return face;
  }
};

// The outline points and contour ends of a glyph in font units, components resolved.
std::vector<long> outline(FT_Face face, unsigned gid) {
  EXPECT_EQ(FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING), 0);
  const FT_Outline& o = face->glyph->outline;
  std::vector<long> v;
  for (int i = 0; i < o.n_points; ++i) {
    v.push_back(o.points[i].x);
    v.push_back(o.points[i].y);
  }
  for (int i = 0; i < o.n_contours; ++i) v.push_back(o.contours[i]);
  return v;
}

// CID i is code point i-1 of the sorted set, drawn with exactly the original glyph's outline
// and advance: FreeType loads the subset from memory and resolves the renumbered components.
TEST(EmbeddedFont, SubsetHasTheOriginalOutlinesAndAdvancesUnderTheirCids) {
  const std::vector<char32_t> cps = sorted_code_points(kRepertoire);
  for (int style = 0; style < 4; ++style) {
    const FontFace& face = fonts().face(static_cast<FontStyle>(style));
    const EmbeddedFont e = build_embedded_font(face, cps);
    const std::string program = inflate(e.font_file, e.font_file_length);
    Ft ft;
    FT_Face original = ft.open(face.file_data());
    FT_Face subset = ft.open(program);
    ASSERT_TRUE(original && subset) << face.path();
    EXPECT_GE(subset->num_glyphs, static_cast<FT_Long>(cps.size() + 1));
    EXPECT_LT(subset->num_glyphs, original->num_glyphs / 4) << "not a subset";
    EXPECT_EQ(subset->units_per_EM, original->units_per_EM);
    int composites = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
      const unsigned old_gid = face.glyph_id(cps[i]);
      const unsigned cid = static_cast<unsigned>(i + 1);
      const std::vector<long> expected = outline(original, old_gid);
      const FT_Pos advance = original->glyph->advance.x;
      composites += FT_Load_Glyph(original, old_gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_RECURSE) == 0 &&
                    original->glyph->format == FT_GLYPH_FORMAT_COMPOSITE;
      EXPECT_EQ(outline(subset, cid), expected)
          << "U+" << std::hex << static_cast<unsigned>(cps[i]) << " style " << style;
      EXPECT_EQ(subset->glyph->advance.x, advance)
          << "U+" << std::hex << static_cast<unsigned>(cps[i]);
      EXPECT_NEAR(advance / static_cast<double>(original->units_per_EM), face.advance(cps[i]),
                  1e-12);
    }
    EXPECT_GT(composites, 50) << "the repertoire should exercise composite glyphs";
  }
}

TEST(EmbeddedFont, SubsetKeepsOnlyTheTablesACidFontNeedsWithValidChecksums) {
  const FontFace& face = fonts().face(FontStyle::Regular);
  const EmbeddedFont e = build_embedded_font(face, sorted_code_points("Việt Nam"));
  const std::string font = inflate(e.font_file, e.font_file_length);
  const std::size_t tables =
      static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]);
  std::vector<std::string> tags;
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t entry = 12 + 16 * i;
    tags.push_back(font.substr(entry, 4));
    const std::uint32_t offset = be32(font, entry + 8), length = be32(font, entry + 12);
    ASSERT_LE(offset + length, font.size());
    std::string table = font.substr(offset, (length + 3) & ~3u);
    if (tags.back() == "head") table.replace(8, 4, 4, '\0');  // checkSumAdjustment excluded
    std::uint32_t sum = 0;
    for (std::size_t k = 0; k < table.size(); k += 4) sum += be32(table, k);
    EXPECT_EQ(sum, be32(font, entry + 4)) << tags.back();
  }
  EXPECT_EQ(tags, (std::vector<std::string>{"glyf", "head", "hhea", "hmtx", "loca", "maxp"}));
  std::uint32_t whole = 0;
  for (std::size_t k = 0; k < font.size(); k += 4) whole += be32(font, k);
  EXPECT_EQ(whole, 0xB1B0AFBAu);
  EXPECT_EQ(font.size() % 4, 0u);
}

TEST(EmbeddedFont, WidthsToUnicodeAndNameFollowTheSortedCodePoints) {
  const FontFace& face = fonts().face(FontStyle::Bold);
  const std::vector<char32_t> cps = {U' ', U'A', U'B', U'C', U'a', U'\u0110'};  // Đ
  const EmbeddedFont e = build_embedded_font(face, cps);
  // Liberation Serif Bold advances (2048 units/em): space 512, A 1479, B 1366, C 1479,
  // a 1024, Đ 1479; written in 1/1000 glyph units.
  EXPECT_EQ(e.widths, "[1[250 722.168 666.992 722.168 500 722.168]]");
  const std::string cmap = inflate(e.to_unicode);
  EXPECT_NE(cmap.find("4 beginbfrange\n<0001> <0001> <0020>\n<0002> <0004> <0041>\n"
                      "<0005> <0005> <0061>\n<0006> <0006> <0110>\nendbfrange\n"),
            std::string::npos)
      << cmap;
  ASSERT_EQ(e.base_font.size(), 7 + face.postscript_name().size());
  EXPECT_EQ(e.base_font.substr(6), "+LiberationSerif-Bold");
  for (int i = 0; i < 6; ++i) EXPECT_TRUE(e.base_font[i] >= 'A' && e.base_font[i] <= 'Z');
  EXPECT_EQ(build_embedded_font(face, cps).base_font, e.base_font);
  EXPECT_NE(build_embedded_font(face, {cps.begin(), cps.end() - 1}).base_font, e.base_font);
  EXPECT_EQ(e.flags, 32);
  EXPECT_EQ(fonts().face(FontStyle::Italic).postscript_name(), "LiberationSerif-Italic");
  EXPECT_EQ(build_embedded_font(fonts().face(FontStyle::Italic), cps).flags, 32 | 64);
}

// The first `count` code points from U+0020 that the face can draw.
std::vector<char32_t> drawable(const FontFace& face, std::size_t count) {
  std::vector<char32_t> cps;
  for (char32_t cp = 0x20; cps.size() < count; ++cp) {
    if (face.has_glyph(cp)) cps.push_back(cp);
  }
  return cps;
}

// A bfrange may only vary in the last byte of the CID and of the code point (PDF 32000 9.10.3);
// read back, the map gives every CID its code point.
TEST(EmbeddedFont, ToUnicodeMapsEveryCidAndNoRangeCrossesAHighByte) {
  const FontFace& face = fonts().face(FontStyle::Regular);
  const std::vector<char32_t> consecutive = drawable(face, 600);
  std::vector<char32_t> scattered;  // every other one: a range each, several blocks of 100
  for (std::size_t i = 0; i < consecutive.size(); i += 2) scattered.push_back(consecutive[i]);
  for (const auto& cps : {consecutive, scattered}) {
    const std::string cmap = inflate(build_embedded_font(face, cps).to_unicode);
    std::vector<char32_t> mapped(cps.size() + 1, 0);
    std::size_t at = 0;
    unsigned lo = 0, hi = 0, dst = 0;
    while ((at = cmap.find("\n<", at)) != std::string::npos) {
      ++at;
      if (std::sscanf(cmap.c_str() + at, "<%x> <%x> <%x>", &lo, &hi, &dst) != 3) continue;
      EXPECT_EQ(lo >> 8, hi >> 8) << cmap.substr(at, 22);
      EXPECT_EQ(dst >> 8, (dst + hi - lo) >> 8) << cmap.substr(at, 22);
      for (unsigned cid = lo; cid <= hi && cid < mapped.size(); ++cid) mapped[cid] = dst + cid - lo;
    }
    for (std::size_t i = 0; i < cps.size(); ++i) {
      EXPECT_EQ(static_cast<unsigned>(mapped[i + 1]), static_cast<unsigned>(cps[i])) << i;
    }
  }
  EXPECT_NE(inflate(build_embedded_font(face, scattered).to_unicode).find("100 beginbfrange"),
            std::string::npos);

  const std::vector<char32_t> across = {U'\u00FE', U'\u00FF', U'\u0100', U'\u0101'};  // þÿĀā
  EXPECT_NE(inflate(build_embedded_font(face, across).to_unicode)
                .find("2 beginbfrange\n<0001> <0002> <00FE>\n<0003> <0004> <0100>\n"),
            std::string::npos);
}

TEST(EmbeddedFont, MalformedFontDataIsAnErrorNotACrash) {
  const std::string_view real = fonts().face(FontStyle::Regular).file_data();
  EXPECT_THROW(TrueTypeFont(std::string_view("not a font")), std::runtime_error);
  EXPECT_THROW(TrueTypeFont(real.substr(0, 200)), std::runtime_error);
  const TrueTypeFont ok(real);
  EXPECT_GT(ok.glyph_count(), 2000);
  // Cut glyf to 10 bytes in the table directory: loca then points past its end.
  std::string broken(real);
  for (std::size_t i = 0; i < be32(broken, 4) >> 16; ++i) {
    const std::size_t entry = 12 + 16 * i;
    if (broken.compare(entry, 4, "glyf") == 0)
      broken.replace(entry + 12, 4, std::string("\0\0\0\x0A", 4));
  }
  const TrueTypeFont bad(broken);
  const std::vector<std::uint16_t> glyphs = {0, 36};
  EXPECT_THROW(bad.subset(glyphs), std::runtime_error);
  const std::vector<std::uint16_t> out_of_range = {0, 60000};
  EXPECT_THROW(ok.subset(out_of_range), std::runtime_error);
}

bool cache_disabled() {
  const char* env = std::getenv("VANBAN_PDF_FONT_CACHE");
  return env && std::string(env) == "0";
}

// A hit returns the entry built the first time, byte-identical to an uncached build.
TEST(EmbeddedFontCache, HitReturnsTheSameBytesAsABuild) {
  if (cache_disabled()) GTEST_SKIP() << "VANBAN_PDF_FONT_CACHE=0";
  const FontFace& face = fonts().face(FontStyle::Regular);
  const std::vector<char32_t> cps = sorted_code_points("Cộng hòa xã hội chủ nghĩa");
  const auto first = embedded_font(face, cps);
  const auto second = embedded_font(face, cps);
  EXPECT_EQ(first, second);
  const EmbeddedFont built = build_embedded_font(face, cps);
  EXPECT_EQ(first->font_file, built.font_file);
  EXPECT_EQ(first->to_unicode, built.to_unicode);
  EXPECT_EQ(first->widths, built.widths);
  EXPECT_EQ(first->base_font, built.base_font);
  // Same code points in another face: another entry.
  EXPECT_NE(embedded_font(fonts().face(FontStyle::Bold), cps)->font_file, first->font_file);
}

TEST(EmbeddedFontCache, IsBoundedLeastRecentlyUsedFirstOut) {
  if (cache_disabled()) GTEST_SKIP() << "VANBAN_PDF_FONT_CACHE=0";
  const FontFace& face = fonts().face(FontStyle::Italic);
  const std::vector<char32_t> kept = {U'k'};
  const std::vector<char32_t> dropped = {U'd'};
  const auto dropped_first = embedded_font(face, dropped);
  const auto kept_first = embedded_font(face, kept);
  // Fill the cache with other sets, touching `kept` so that it stays recent.
  const std::vector<char32_t> others = drawable(face, kEmbeddedFontCacheCapacity + 1);
  for (std::size_t i = 1; i < others.size(); ++i) {
    embedded_font(face, std::vector<char32_t>{others[0], others[i]});
    if (i % 100 == 0) {
      EXPECT_EQ(embedded_font(face, kept), kept_first);
    }
  }
  EXPECT_EQ(embedded_font(face, kept), kept_first);
  const auto dropped_again = embedded_font(face, dropped);
  EXPECT_NE(dropped_again, dropped_first) << "still cached after capacity other sets";
  EXPECT_EQ(dropped_again->font_file, dropped_first->font_file);
}

}  // namespace
}  // namespace vanban
