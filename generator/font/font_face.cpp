#include "font/font_face.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H

#include <atomic>
#include <fstream>
#include <vector>

#include "text/utf8_decode.h"

namespace vanban {

namespace {

// Code points above the BMP are not in the table: PoDoFo 0.9.8 records used glyphs as UTF-16
// units, so it could not embed them anyway; has_glyph() reports them missing.
constexpr std::size_t kTableSize = 0x10000;

// Closes what FreeType opened for one load; nothing FreeType-owned outlives load(), so a loaded
// face is plain data and safe to read from any number of threads.
struct FtSession {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  ~FtSession() {
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }
};

}  // namespace

struct FontFace::Impl {
  std::string path;
  std::string family;
  std::string style;
  std::string postscript;
  std::string data;  // the whole file
  std::uint64_t id = 0;
  double units_per_em = 1000;
  double ascent = 0;
  double descent = 0;
  std::vector<std::uint16_t> advance_units;  // font units, indexed by code point
  std::vector<bool> present;                 // has a glyph, indexed by code point
  std::vector<std::uint16_t> glyph;          // glyph index, indexed by code point

  // Advance in font units of one code point; 0 when missing.
  std::uint32_t units(char32_t cp) const {
    return cp < kTableSize ? advance_units[cp] : 0;
  }
};

FontFace::FontFace(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontFace::FontFace(FontFace&&) noexcept = default;
FontFace& FontFace::operator=(FontFace&&) noexcept = default;
FontFace::~FontFace() = default;

Result<FontFace> FontFace::load(const std::string& path) {
  auto fail = [&](const std::string& message) {
    return Result<FontFace>::failure({path, 0, 0, message});
  };
  auto impl = std::make_unique<Impl>();
  // Read at once into a string of the file's size: through a stream iterator, a character at a
  // time, loading the fonts was a third of the instructions of rendering one document.
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  if (size > 0 && in.seekg(0)) {
    impl->data.resize(static_cast<std::size_t>(size));
    in.read(impl->data.data(), size);
  }
  FtSession ft;
  if (FT_Init_FreeType(&ft.library) != 0) return fail("cannot initialise FreeType");
  if (!in || FT_New_Memory_Face(ft.library, reinterpret_cast<const FT_Byte*>(impl->data.data()),
                                static_cast<FT_Long>(impl->data.size()), 0, &ft.face) != 0) {
    return fail("cannot read font file (missing, unreadable or not a font)");
  }
  FT_Face face = ft.face;
  FT_ULong glyf_length = 0;
  if (!FT_IS_SFNT(face) || FT_Load_Sfnt_Table(face, TTAG_glyf, 0, nullptr, &glyf_length) != 0) {
    return fail("not a TrueType (glyf) font; OpenType/CFF and other outline formats cannot be "
                "subset by the PDF writer: use a .ttf with TrueType outlines");
  }
  if (face->num_faces > 1) {
    return fail("font collections (.ttc) are not supported: use a single-face .ttf file");
  }
  if (FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
    return fail("font has no Unicode character map");
  }

  static std::atomic<std::uint64_t> next_id{1};
  impl->id = next_id.fetch_add(1, std::memory_order_relaxed);
  impl->path = path;
  impl->family = face->family_name ? face->family_name : "";
  impl->style = face->style_name ? face->style_name : "";
  const char* postscript = FT_Get_Postscript_Name(face);
  impl->postscript = postscript ? postscript : "";
  impl->units_per_em = face->units_per_EM;
  impl->ascent = face->ascender / impl->units_per_em;
  impl->descent = -face->descender / impl->units_per_em;
  impl->advance_units.assign(kTableSize, 0);
  impl->present.assign(kTableSize, false);
  impl->glyph.assign(kTableSize, 0);

  FT_UInt glyph = 0;
  for (FT_ULong cp = FT_Get_First_Char(face, &glyph); glyph != 0 && cp < kTableSize;
       cp = FT_Get_Next_Char(face, cp, &glyph)) {
    FT_Fixed advance = 0;
    if (FT_Get_Advance(face, glyph, FT_LOAD_NO_SCALE, &advance) != 0) {
      return fail("cannot read the advance width of glyph " + std::to_string(glyph));
    }
    impl->advance_units[cp] = static_cast<std::uint16_t>(advance);
    impl->present[cp] = true;
    impl->glyph[cp] = static_cast<std::uint16_t>(glyph);
  }
  Result<FontFace> result;
  result.value.emplace(FontFace(std::move(impl)));
  return result;
}

const std::string& FontFace::path() const { return impl_->path; }
const std::string& FontFace::family_name() const { return impl_->family; }
const std::string& FontFace::style_name() const { return impl_->style; }
double FontFace::ascent() const { return impl_->ascent; }
double FontFace::descent() const { return impl_->descent; }

bool FontFace::has_glyph(char32_t cp) const { return cp < kTableSize && impl_->present[cp]; }

std::string_view FontFace::file_data() const { return impl_->data; }
std::uint16_t FontFace::glyph_id(char32_t cp) const {
  return cp < kTableSize ? impl_->glyph[cp] : 0;
}
const std::string& FontFace::postscript_name() const { return impl_->postscript; }
std::uint64_t FontFace::id() const { return impl_->id; }

double FontFace::advance(char32_t cp) const { return impl_->units(cp) / impl_->units_per_em; }

double FontFace::text_width(std::string_view utf8, double size) const {
  // Sums integer font units and scales once.
  std::uint64_t total = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) total += impl_->units(text::next_code_point(p, end));
  return static_cast<double>(total) * size / impl_->units_per_em;
}

}  // namespace vanban
