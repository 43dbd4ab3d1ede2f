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

ChartGeometry measure_chart(const Chart& chart, const TextStyle& label_style, double width, const FontSet& fonts) {
  const double size = label_style.size;
  const double line_height = single_line_height(fonts, size) * 1.1;
  const FontFace& face = fonts.face(font_style(label_style.bold, label_style.italic));
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

  ChartGeometry g;
  g.width = width;
  double top = kRowGap / 2;
  const double bar_height = size * kBarShare;
  for (const ChartBar& bar : chart.bars) {
    const auto lines = layout_text(bar.label, label_style, LineAlign::Right, label_width, fonts, line_height);
    const double row_height = std::max<double>(lines.size(), 1) * line_height;
    const double middle = top + row_height / 2;
    double y = middle - lines.size() * line_height / 2;
    for (const Fragment& line : lines) {
      for (const TextItem& t : line.texts)
        g.labels.push_back({t.text, t.x, y + t.baseline, fonts.face(t.style).text_width(t.text, t.size), t.size,
                            label_style.bold});
      y += line_height;
    }
    const double length = plot_width * std::clamp(bar.value / scale_end, 0.0, 1.0);
    g.bars.push_back({plot_x, middle - bar_height / 2, length, bar_height});
    const std::string value = chart_value_text(bar.value, chart);
    g.values.push_back({value, plot_x + length + kValueGap, centred_baseline(face, size, middle),
                        face.text_width(value, size), size, label_style.bold});
    top += row_height + kRowGap;
  }
  const double plot_bottom = top - kRowGap / 2;

  // Gridlines at each quarter of the scale, the axis at 0, and the scale under the plot.
  const double scale_baseline = plot_bottom + kTickLength + 1 + regular.ascent() * scale_size;
  for (int k = 0; k <= 4; ++k) {
    const double x = plot_x + plot_width * k / 4;
    g.lines.push_back({x, 0, x, plot_bottom, k == 0 ? 0.6 : 0.4, k > 0});
    g.lines.push_back({x, plot_bottom, x, plot_bottom + kTickLength, 0.5, false});
    const std::string label = chart_scale_text(scale_end * k / 4, chart);
    const double w = regular.text_width(label, scale_size);
    g.scale.push_back({label, x - w / 2, scale_baseline, w, scale_size, false});
  }
  g.lines.push_back({plot_x, plot_bottom, plot_x + plot_width, plot_bottom, 0.5, false});
  g.height = scale_baseline + regular.descent() * scale_size;
  return g;
}

Fragment layout_chart(const Chart& chart, const ChartGeometry& g, const TextStyle& label_style,
                      const FontSet& fonts) {
  const double line_height = single_line_height(fonts, label_style.size) * 1.1;
  TextStyle title_style = label_style;
  title_style.bold = true;

  Fragment out;
  if (!chart.title.empty()) {
    for (const Fragment& line :
         layout_text(chart.title, title_style, LineAlign::Center, g.width, fonts, line_height))
      out.append_below(line);
    out.height += kTitleGap;
  }
  const double top = out.height;
  auto text = [&](const ChartText& t) {
    out.texts.push_back({t.x, top + t.baseline, font_style(t.bold, label_style.italic), t.size, t.text});
  };
  for (const ChartLine& l : g.lines) {
    PathItem line = make_rule(l.x1, top + l.y1, l.x2, top + l.y2, l.width);
    if (l.grid) line.stroke_color = kGridColor;
    out.paths.push_back(std::move(line));
  }
  for (const ChartText& t : g.scale) text(t);
  for (const ChartText& t : g.labels) text(t);
  for (std::size_t i = 0; i < g.bars.size(); ++i) {
    const ChartRect& b = g.bars[i];
    out.paths.push_back(rectangle(b.x, top + b.y, b.width, b.height, kBarFill, true));
    // The value is printed on white: a gridline never runs through its digits.
    const ChartText& v = g.values[i];
    const double middle = top + b.y + b.height / 2;
    out.paths.push_back(rectangle(v.x - 1, middle - v.size / 2, v.width + 1, v.size, Color{1, 1, 1}, false));
    text(v);
  }
  out.height = top + g.height;
  return out;
}

}  // namespace vanban
