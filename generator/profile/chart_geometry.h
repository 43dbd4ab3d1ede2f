// A bar chart measured for one column width: every position in pt from the chart's top-left
// corner, text widths from the real fonts. Layout measures it (layout/chart_layout.h) and both
// writers draw it, so the PDF and the SVG of the HTML page are the same picture.
#pragma once

#include <string>
#include <vector>

namespace vanban {

struct ChartText {
  std::string text;
  double x = 0;         // left end
  double baseline = 0;
  double width = 0;     // measured: right-aligned labels end at x + width
  double size = 0;      // pt
  bool bold = false;
};

struct ChartRect {
  double x = 0, y = 0, width = 0, height = 0;
};

struct ChartLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  bool grid = false;  // grey gridline; else black (axis, ticks)
};

// The title is not part of it: the PDF sets it above, the HTML page as the figure's caption.
struct ChartGeometry {
  double width = 0, height = 0;
  std::vector<ChartText> labels;  // right-aligned in the label column, one per line
  std::vector<ChartRect> bars;    // in the order of the chart's bars
  std::vector<ChartText> values;  // after each bar, on a white ground
  std::vector<ChartLine> lines;   // drawn under the bars
  std::vector<ChartText> scale;   // centred under the ticks
};

}  // namespace vanban
