// One TrueType face, read with FreeType once: advance widths and glyph coverage for layout, and
// the file bytes and glyph ids the PDF writer subsets (the file is read once, at load).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

class FontFace {
 public:
  // Loads a TrueType (glyf) font. OpenType/CFF fonts are refused: the PDF writer subsets glyf outlines only.
  static Result<FontFace> load(const std::string& path);

  const std::string& path() const;
  const std::string& family_name() const;  // "Liberation Serif", "Times New Roman"
  const std::string& style_name() const;   // "Regular", "Bold", ...

  bool has_glyph(char32_t cp) const;
  // Advance width of one code point in em units (1.0 = font size); 0 when there is no glyph.
  double advance(char32_t cp) const;
  // Width of NFC UTF-8 text at `size` pt (no kerning: PoDoFo does not kern either).
  double text_width(std::string_view utf8, double size) const;
  double ascent() const;   // em units, positive
  double descent() const;  // em units, positive (below the baseline)

  // The font file as read at load; it stays valid and unchanged while the face lives.
  std::string_view file_data() const;
  // Glyph index of a BMP code point in the font's Unicode cmap; 0 (.notdef) when there is none.
  std::uint16_t glyph_id(char32_t cp) const;
  const std::string& postscript_name() const;  // "LiberationSerif-Bold"; "" if the font has none
  // Distinct for every load() in this process (never reused), so caches can key on it.
  std::uint64_t id() const;

  FontFace(FontFace&&) noexcept;
  FontFace& operator=(FontFace&&) noexcept;
  ~FontFace();

 private:
  struct Impl;
  explicit FontFace(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vanban
