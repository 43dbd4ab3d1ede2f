// Knuth-Plass total-fit line breaking over box/glue/penalty items (Knuth & Plass 1981, as in
// TeX and SILE). Pure: items in, breakpoints out; no fonts, so tests can use hand-made widths.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace vanban {

constexpr double kInfinitePenalty = 10000;  // a penalty >= this forbids a break; <= -this forces one

struct LineItem {
  enum class Kind { Box, Glue, Penalty };
  Kind kind = Kind::Box;
  double width = 0;
  double stretch = 0;  // glue
  double shrink = 0;   // glue
  double penalty = 0;  // penalty
  bool flagged = false;
  int piece = -1;  // for boxes: which piece of text it draws (caller's index)

  static LineItem box(double w, int piece) { return {Kind::Box, w, 0, 0, 0, false, piece}; }
  static LineItem glue(double w, double stretch, double shrink) { return {Kind::Glue, w, stretch, shrink, 0, false, -1}; }
  static LineItem penalty_item(double w, double p, bool flagged = false) { return {Kind::Penalty, w, 0, 0, p, flagged, -1}; }
};

struct LineBreakParams {
  double tolerance = 200;          // highest badness accepted on the first pass (TeX \tolerance)
  double line_penalty = 10;        // TeX \linepenalty
  double flagged_demerits = 3000;  // two flagged breaks in a row (TeX \doublehyphendemerits)
  double fitness_demerits = 100;   // adjacent lines of very different tightness (\adjdemerits)
};

struct LineBreaks {
  std::vector<std::size_t> ends;  // index of the item each line breaks at (last = final penalty)
  std::vector<double> ratios;     // adjustment ratio of each line: >0 stretched, <0 shrunk
  double overflow = 0;            // total width by which lines exceed their measure
};

// Breaks `items` (which must end with a forced penalty) into lines of `first_width` (first line)
// and `width` (the others). Tries the total-fit algorithm within `tolerance`, then with any
// badness; a box wider than the line still gets a line of its own (overfull) rather than failing.
LineBreaks break_lines(const std::vector<LineItem>& items, double first_width, double width,
                       const LineBreakParams& params = {});

// How ragged lines share a paragraph's text.
enum class RaggedLines {
  Balanced,  // as even as possible: a heading, a name over two lines (no lone last word)
  Filled,    // each line filled before the next: a contents entry, whose last line ends in leaders
};

// Ragged (left, centred, right) text: the fewest lines that fit, then the least cost: the
// penalties of the breaks taken, a penalty counting as much as a line left empty by
// sqrt(penalty / 100) of its measure, plus each line's slack squared; Filled lines do not count
// the last line's slack, so the lines before it are filled and the last takes what is left. A
// piece that cannot be broken and is wider than the line gets a line of its own, reported in
// `overflow`.
LineBreaks break_ragged_lines(const std::vector<LineItem>& items, double first_width, double width,
                              RaggedLines lines = RaggedLines::Balanced);

}  // namespace vanban
