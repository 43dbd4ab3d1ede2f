// The four faces a document uses: real Regular, Bold, Italic and Bold Italic files, never
// synthetic styles. The shipped set is Liberation Serif (metric-compatible with Times New
// Roman); a user may point at a folder holding their own Times New Roman.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "font/font_face.h"
#include "model/diagnostic.h"
#include "model/page.h"

namespace vanban {

class FontSet {
 public:
  // Loads the four faces from `dir`, recognising the file names of Liberation Serif
  // (LiberationSerif-Regular.ttf ...) and of Times New Roman (times.ttf, timesbd.ttf,
  // timesi.ttf, timesbi.ttf, or "Times New Roman.ttf", "Times New Roman Bold.ttf", ...).
  static Result<FontSet> load_dir(const std::string& dir);

  const FontFace& face(FontStyle style) const { return faces_[static_cast<int>(style)]; }
  // True if every style can draw `cp`; used to refuse text that would print blank.
  bool covers(char32_t cp) const;
  const std::string& family_name() const { return face(FontStyle::Regular).family_name(); }
  // Different for every set loaded in a run (a copy or a move keeps it): memos of what was
  // measured with a set name it by this, not by an address a later set may take.
  std::uint64_t serial() const { return serial_; }

 private:
  explicit FontSet(std::array<FontFace, 4> faces);
  std::array<FontFace, 4> faces_;
  std::uint64_t serial_;
  std::vector<bool> covered_;  // by code point: every face has a glyph (asked for each letter read)
};

}  // namespace vanban
