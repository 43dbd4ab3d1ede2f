#include "layout/chart_layout.h"

#include <algorithm>

#include "layout/paragraph_layout.h"
#include "profile/chart_labels.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

constexpr double kTitleGap = 6;         // pt between the title and the first bar
constexpr double kRowGap = 5;           // pt between rows; half of it above the first and below the last
constexpr double kLabelGap = 6;         // pt between the label column and the axis
constexpr double kValueGap = 4;         // pt between a bar's end and its value
constexpr double kTickLength = 3;       // pt, under the axis
constexpr double kBarShare = 0.85;      // bar thickness, share of the text size
constexpr double kScaleShare = 0.85;    // scale labels, share of the text size
constexpr double kMaxLabelShare = 0.4;  // of the width; longer labels wrap
// A mid grey with a slight blue: calm on screen, an even grey on a black-and-white printer.
constexpr Color kBarFill{0.60, 0.66, 0.74};
constexpr Color kGridColor{0.72, 0.72, 0.72};

PathItem rectangle(double x, double y, double w, double h, Color fill, bool stroke) {
  PathItem p;
  p.ops = {{PathOp::Kind::MoveTo, x, y},
           {PathOp::Kind::LineTo, x + w, y},
           {PathOp::Kind::LineTo, x + w, y + h},
           {PathOp::Kind::LineTo, x, y + h},
           {PathOp::Kind::Close}};
  p.fill = true;
  p.fill_color = fill;
  p.stroke = stroke;
  p.line_width = 0.5;
  return p;
}

// The baseline that centres lower-case and capital letters on `y`.
double centred_baseline(const FontFace& face, double size, double y) {
  return y + (face.ascent() - face.descent()) / 2 * size;
}

}  // namespace

Fragment layout_chart(const Chart& chart, const TextStyle& label_style, double width, const FontSet& fonts) {
  const double size = label_style.size;
  const double line_height = single_line_height(fonts, size) * 1.1;
  const FontFace& face = fonts.face(font_style(label_style.bold, label_style.italic));
  TextStyle title_style = label_style;
  title_style.bold = true;

  Fragment out;
  if (!chart.title.empty()) {
    for (const Fragment& line :
         layout_text(chart.title, title_style, LineAlign::Center, width, fonts, line_height))
      out.append_below(line);
    out.height += kTitleGap;
  }

  const double scale_end = chart_scale_end(chart);

  // Columns: labels as wide as the longest (within a share of the width), then the plot, then
  // room for the widest value after a full-length bar and for the last scale label.
  double label_width = 0, longest_word = 0, value_width = 0;
  for (const ChartBar& bar : chart.bars) {
    const TextExtent e = measure_inlines({{bar.label, false, false}}, size, label_style.bold, fonts);
    label_width = std::max(label_width, e.max_width);
    longest_word = std::max(longest_word, e.min_width);
    value_width = std::max(value_width, face.text_width(chart_value_text(bar.value, chart), size));
  }
  label_width = std::min(label_width, std::max(longest_word, width * kMaxLabelShare));
  const double scale_size = size * kScaleShare;
  const FontFace& regular = fonts.face(FontStyle::Regular);
  const double plot_x = label_width + kLabelGap;
  const double last_scale_half = regular.text_width(chart_scale_text(scale_end, chart), scale_size) / 2;
  const double plot_width =
      std::max(0.0, width - plot_x - std::max(kValueGap + value_width, last_scale_half));

  // Rows, laid out first so that the gridlines can be drawn under them.
  Fragment rows;
  rows.height = kRowGap / 2;
  const double bar_height = size * kBarShare;
  for (const ChartBar& bar : chart.bars) {
    const auto lines = layout_text(bar.label, label_style, LineAlign::Right, label_width, fonts, line_height);
    const double row_height = std::max<double>(lines.size(), 1) * line_height;
    const double middle = rows.height + row_height / 2;
    double y = middle - lines.size() * line_height / 2;
    for (const Fragment& line : lines) {
      rows.place(line, 0, y);
      y += line_height;
    }
    const double length = plot_width * std::clamp(bar.value / scale_end, 0.0, 1.0);
    rows.paths.push_back(rectangle(plot_x, middle - bar_height / 2, length, bar_height, kBarFill, true));
    // The value is printed on white: a gridline never runs through its digits.
    const std::string value = chart_value_text(bar.value, chart);
    const double value_x = plot_x + length + kValueGap;
    rows.paths.push_back(rectangle(value_x - 1, middle - size / 2, face.text_width(value, size) + 1, size,
                                   Color{1, 1, 1}, false));
    rows.texts.push_back({value_x, centred_baseline(face, size, middle),
                          font_style(label_style.bold, label_style.italic), size, value});
    rows.height += row_height + kRowGap;
  }
  rows.height -= kRowGap / 2;

  // Gridlines at each quarter of the scale, the axis at 0, and the scale under the plot.
  const double plot_top = out.height, plot_bottom = out.height + rows.height;
  const double scale_baseline = plot_bottom + kTickLength + 1 + regular.ascent() * scale_size;
  for (int k = 0; k <= 4; ++k) {
    const double x = plot_x + plot_width * k / 4;
    PathItem grid = make_rule(x, plot_top, x, plot_bottom, k == 0 ? 0.6 : 0.4);
    if (k > 0) grid.stroke_color = kGridColor;
    out.paths.push_back(std::move(grid));
    out.paths.push_back(make_rule(x, plot_bottom, x, plot_bottom + kTickLength, 0.5));
    const std::string label = chart_scale_text(scale_end * k / 4, chart);
    out.texts.push_back({x - regular.text_width(label, scale_size) / 2, scale_baseline, FontStyle::Regular,
                         scale_size, label});
  }
  out.paths.push_back(make_rule(plot_x, plot_bottom, plot_x + plot_width, plot_bottom, 0.5));
  out.place(rows, 0, plot_top);
  out.height = scale_baseline + regular.descent() * scale_size;
  return out;
}

}  // namespace vanban
