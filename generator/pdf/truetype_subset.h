// A TrueType font program cut down to the glyphs one PDF uses, for a CIDFontType2 with
// /CIDToGIDMap /Identity: glyphs are renumbered (smaller /W and loca), and the tables a PDF
// reader does not need for that (cmap, name, post, OS/2, kerning, hinting) are left out.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace vanban {

// The face-wide values a FontDescriptor needs, in font units.
struct TrueTypeMetrics {
  int units_per_em = 1000;
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // head bounding box of all glyphs
  int ascent = 0, descent = 0;                     // hhea; descent is negative
  int cap_height = 0;                              // OS/2 v2+, else the ascent
  int weight = 400;                                // OS/2 usWeightClass
  double italic_angle = 0;                         // post, degrees
  bool italic = false;                             // head macStyle
};

// Reads the tables of a TrueType file in place: `data` must outlive the object. Throws
// std::runtime_error naming the table when the file is malformed.
class TrueTypeFont {
 public:
  explicit TrueTypeFont(std::string_view data);

  const TrueTypeMetrics& metrics() const { return metrics_; }
  int glyph_count() const { return glyph_count_; }
  int advance(std::uint16_t gid) const;  // font units

  // A font whose glyph i is old glyph `glyphs[i]` (glyphs[0] should be 0, .notdef), followed by
  // the components of composite glyphs that are not already among them. Glyph instructions are
  // dropped with fpgm/prep/cvt.
  std::string subset(std::span<const std::uint16_t> glyphs) const;

 private:
  std::string_view glyph(std::uint16_t gid) const;  // its bytes in glyf ("" if empty)

  std::string_view head_, hhea_, maxp_, hmtx_, loca_, glyf_;
  TrueTypeMetrics metrics_;
  int glyph_count_ = 0;
  int h_metrics_ = 0;  // hhea numberOfHMetrics
  bool long_loca_ = false;
};

}  // namespace vanban
