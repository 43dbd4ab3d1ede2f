// Laid-out pages: positioned primitives, the only things a paged writer draws (as Typst's
// Frame). Coordinates are PDF points with the origin at the TOP-left of the page and y growing
// downwards; text is positioned by its baseline. The PDF writer flips y.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/diagnostic.h"

namespace vanban {

enum class FontStyle { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

inline FontStyle font_style(bool bold, bool italic) {
  return static_cast<FontStyle>((bold ? 1 : 0) | (italic ? 2 : 0));
}

// A run of text drawn at one position with one font. Text is NFC UTF-8 and every code point
// has a glyph in the font (checked at input). Justified lines are split into one run per word.
struct TextItem {
  double x = 0;
  double baseline = 0;
  FontStyle style = FontStyle::Regular;
  double size = 14;  // pt
  std::string text;
};

struct Color {
  double r = 0, g = 0, b = 0;  // 0..1
  bool operator==(const Color&) const = default;
};

struct PathOp {
  enum class Kind { MoveTo, LineTo, CurveTo, Close };
  Kind kind = Kind::MoveTo;
  double x = 0, y = 0;                    // end point
  double c1x = 0, c1y = 0, c2x = 0, c2y = 0;  // control points (CurveTo)
};

// Rules, table borders, the brace of a recipient group, chart bars: vector paths.
struct PathItem {
  std::vector<PathOp> ops;
  double line_width = 0.5;  // pt
  bool stroke = true;
  bool fill = false;
  Color stroke_color;
  Color fill_color;
};

// A rectangle in page coordinates (top-left origin, y down, pt).
struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};

struct Page {
  // In pt, from the profile's paper: no default, so a page whose size was never set is refused
  // by the writers instead of silently printing on A4.
  double width = 0;
  double height = 0;
  std::vector<TextItem> texts;
  std::vector<PathItem> paths;
  // The signing space of the signature block (NĐ 30 box 7c: between the role and the signer's
  // name), where `vanban sign` centres the handwritten signature image.
  std::optional<Rect> signature_box{};
};

// Document information dictionary (Title, Author, Subject, Keywords) and the timestamp used for
// CreationDate/ModDate: never the clock, so that output is byte-identical.
struct DocumentInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  long long timestamp = 0;  // seconds since 1970-01-01 UTC
};

struct Pages {
  std::vector<Page> pages;
  DocumentInfo info;
  // Non-empty: the PDF carries an empty signature field of this name over the signature box,
  // for a signing tool to fill.
  std::string signature_field;
  // What layout could not fit (a table wider than the text block even at its smallest size):
  // the document must not be written.
  Diagnostics problems;
};

// A straight line as a path (rules under titles, underlines, borders).
PathItem make_rule(double x1, double y1, double x2, double y2, double width = 0.5);

}  // namespace vanban
