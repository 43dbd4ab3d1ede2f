// What a PDF needs to embed one face for the code points a document draws: a CIDFontType2 whose
// CIDs are 1..n for the n code points in ascending order (CID = glyph of the subset font, so
// /CIDToGIDMap /Identity), its widths, the compressed TrueType subset and ToUnicode map.
// Everything here depends only on the face and the code points, so it can be shared between
// documents and threads without changing a byte of their output.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "font/font_face.h"

namespace vanban {

struct EmbeddedFont {
  std::string base_font;               // subset tag + PostScript name: "QTCBMA+LiberationSerif"
  std::vector<std::int32_t> advances;  // of CIDs 1..n in 1/1000 glyph units (1e-6 em)
  std::string widths;                  // the /W array in PDF syntax, the same values
  std::string font_file;               // FontFile2, Flate-compressed
  std::size_t font_file_length = 0;    // its uncompressed size, /Length1
  std::string to_unicode;              // ToUnicode CMap, Flate-compressed
  // FontDescriptor values in glyph space (1/1000 em).
  std::array<long long, 4> bbox{};
  long long ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
  double italic_angle = 0;
  int flags = 0;
};

// `code_points` are ascending, distinct, below U+10000 and all have a glyph in `face`.
// Throws std::runtime_error if the font file is malformed.
EmbeddedFont build_embedded_font(const FontFace& face, std::span<const char32_t> code_points);

// 64 glyph sets per face of a four-face set: a batch reuses few sets per face, and an entry
// (mostly the compressed font program) is 5-20 KB.
inline constexpr std::size_t kEmbeddedFontCacheCapacity = 256;

// build_embedded_font through a process-wide cache keyed by face and exact code points: an LRU of
// kEmbeddedFontCacheCapacity entries, safe to call from several threads. VANBAN_PDF_FONT_CACHE=0
// in the environment turns it off (for measuring).
std::shared_ptr<const EmbeddedFont> embedded_font(const FontFace& face,
                                                  std::span<const char32_t> code_points);

}  // namespace vanban
