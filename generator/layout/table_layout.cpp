#include "layout/table_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "layout/paragraph_layout.h"

namespace vanban {

namespace {
constexpr double kPaddingX = 4;  // pt inside each cell border
constexpr double kPaddingY = 3;
constexpr double kBorder = 0.5;

LineAlign to_line_align(Align a) {
  switch (a) {
    case Align::Center: return LineAlign::Center;
    case Align::Right: return LineAlign::Right;
    case Align::Left: break;
  }
  return LineAlign::Left;
}
}  // namespace

namespace {

// Widths in proportion to `weights` that give no column less than its minimum: the columns
// that would fall below get their minimum, the others share what is left by weight, until
// none falls below (the minimums must fit in `width`).
std::vector<double> weighted_widths(const std::vector<double>& min_widths, const std::vector<double>& weights,
                                    double width) {
  const std::size_t n = min_widths.size();
  std::vector<double> w(n, 0);
  std::vector<bool> at_minimum(n, false);
  for (bool changed = true; changed;) {
    changed = false;
    double free_width = width, free_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (at_minimum[i]) free_width -= min_widths[i];
      else free_weight += weights[i];
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (at_minimum[i]) {
        w[i] = min_widths[i];
        continue;
      }
      w[i] = free_weight > 0 ? free_width * weights[i] / free_weight : 0;
      if (w[i] < min_widths[i]) at_minimum[i] = changed = true;
    }
  }
  return w;
}

}  // namespace

std::vector<std::vector<double>> soft_phrase_width_choices(const std::vector<double>& min_widths,
                                                           const std::vector<double>& kept_widths, double width) {
  constexpr std::size_t kEveryChoiceUpTo = 4;  // columns in need: 2^4 choices at most
  const double spare = width - std::accumulate(min_widths.begin(), min_widths.end(), 0.0);
  const auto need = [&](std::size_t i) { return std::max(0.0, kept_widths[i] - min_widths[i]); };
  std::vector<std::size_t> needy;  // by need, least first
  for (std::size_t i = 0; i < min_widths.size(); ++i)
    if (need(i) > 0) needy.push_back(i);
  std::stable_sort(needy.begin(), needy.end(), [&](std::size_t a, std::size_t b) { return need(a) < need(b); });
  // Choice `mask`: bit k raises column needy[k]; empty when it does not fit.
  const auto raised = [&](unsigned mask) {
    std::vector<double> w = min_widths;
    double used = 0;
    for (std::size_t k = 0; k < needy.size(); ++k) {
      if (!(mask >> k & 1u)) continue;
      used += need(needy[k]);
      w[needy[k]] += need(needy[k]);
    }
    return used <= spare ? w : std::vector<double>{};
  };
  // Prefixes of `needy` (the cheapest columns), longest that fits first.
  std::vector<unsigned> masks;
  std::size_t longest = 0;
  while (longest < needy.size() && !raised((1u << (longest + 1)) - 1).empty()) ++longest;
  masks.push_back((1u << longest) - 1);
  if (needy.size() <= kEveryChoiceUpTo) {
    for (unsigned mask = 0; mask < (1u << needy.size()); ++mask)
      if (mask != masks.front()) masks.push_back(mask);
  } else {
    for (std::size_t count = 0; count < longest; ++count) masks.push_back((1u << count) - 1);
  }
  std::vector<std::vector<double>> out;
  for (unsigned mask : masks)
    if (std::vector<double> w = raised(mask); !w.empty()) out.push_back(std::move(w));
  return out;
}

std::vector<double> column_widths(const std::vector<double>& min_widths,
                                  const std::vector<double>& max_widths,
                                  const std::vector<double>& weights, double width) {
  const std::size_t n = min_widths.size();
  std::vector<double> w(n, 0);
  if (n == 0) return w;
  const double sum_min = std::accumulate(min_widths.begin(), min_widths.end(), 0.0);
  if (sum_min > width) {
    for (std::size_t i = 0; i < n; ++i) w[i] = min_widths[i] * width / sum_min;  // overfull: scale
    return w;
  }
  if (weights.size() == n && std::accumulate(weights.begin(), weights.end(), 0.0) > 0)
    return weighted_widths(min_widths, weights, width);
  const double sum_max = std::accumulate(max_widths.begin(), max_widths.end(), 0.0);
  if (sum_max <= width) {
    // Everything fits on one line: share the extra space in proportion to natural widths.
    for (std::size_t i = 0; i < n; ++i)
      w[i] = sum_max > 0 ? max_widths[i] * width / sum_max : width / n;
  } else {
    const double want = sum_max - sum_min;
    for (std::size_t i = 0; i < n; ++i)
      w[i] = min_widths[i] + (width - sum_min) * (max_widths[i] - min_widths[i]) / want;
  }
  return w;
}

namespace {

ParagraphStyle cell_style(double size, const FontSet& fonts, const text::KeepTogether* keep_together) {
  ParagraphStyle st;
  st.size = size;
  st.line_height = single_line_height(fonts, size) * 1.1;
  st.keep_together = keep_together;
  return st;
}

// The cells of `row` laid out between column `edges` (lines, x); adds the phrases they split to
// `splits`.
std::vector<std::pair<std::vector<Fragment>, double>> lay_row(const TableRow& row, const std::vector<double>& edges,
                                                              const ParagraphStyle& cells, const TextStyle& style,
                                                              const FontSet& fonts, int& splits) {
  const int columns = static_cast<int>(edges.size()) - 1;
  std::vector<std::pair<std::vector<Fragment>, double>> out;
  int col = 0;
  for (const TableCell& cell : row.cells) {
    const int span = std::min(std::max(1, cell.column_span), columns - col);
    if (span <= 0) break;
    const double x0 = edges[col], x1 = edges[col + span];
    ParagraphStyle st = cells;
    st.bold = cell.header || style.bold;
    st.italic = style.italic;
    st.align = cell.header ? LineAlign::Center : to_line_align(cell.align);
    int split = 0;
    out.emplace_back(layout_paragraph(cell.content, st, x1 - x0 - 2 * kPaddingX, fonts, &split), x0 + kPaddingX);
    splits += split;
    col += span;
  }
  return out;
}

}  // namespace

TableMeasure measure_table(const Table& table, const TextStyle& style, double width, const FontSet& fonts,
                           const text::KeepTogether* keep_together) {
  TableMeasure out;
  const int columns = table.column_count();
  out.size = style.size;
  if (columns == 0) return out;

  // Content widths at the style's size (text widths scale with the size; padding does not).
  std::vector<double> min_w(columns, 0), max_w(columns, 0), word_w(columns, 0), kept_w(columns, 0);
  for (const TableRow& row : table.rows) {
    int col = 0;
    for (const TableCell& cell : row.cells) {
      if (cell.column_span <= 1 && col < columns) {
        const bool bold = cell.header || style.bold;
        const TextExtent e = measure_inlines(cell.content, style.size, bold, fonts, keep_together);
        min_w[col] = std::max(min_w[col], e.min_width);
        max_w[col] = std::max(max_w[col], e.max_width);
        kept_w[col] = std::max(kept_w[col], e.kept_min_width);
        word_w[col] = std::max(word_w[col], measure_inlines(cell.content, style.size, bold, fonts).min_width);
      }
      col += std::max(1, cell.column_span);
    }
  }
  const double padding = 2 * kPaddingX * columns;
  // The largest size in half points, from the style's down to its minimum, at which `content`
  // (measured at the style's size) fits; 0 if none.
  auto fitting_size = [&](const std::vector<double>& content) {
    const double total = std::accumulate(content.begin(), content.end(), 0.0);
    if (total + padding <= width + 1e-9) return style.size;
    const double smallest = style.min_size > 0 ? style.min_size : style.size;
    const double size = std::floor(2 * (width - padding) * style.size / total) / 2;
    return size >= smallest ? size : 0.0;
  };
  double size = fitting_size(min_w);
  if (size == 0) size = fitting_size(word_w);
  if (size == 0) {
    size = style.min_size > 0 ? style.min_size : style.size;
    out.overflow = std::accumulate(word_w.begin(), word_w.end(), 0.0) * size / style.size + padding - width;
  }
  out.size = size;
  for (int i = 0; i < columns; ++i) {
    min_w[i] = min_w[i] * size / style.size + 2 * kPaddingX;
    max_w[i] = max_w[i] * size / style.size + 2 * kPaddingX;
    kept_w[i] = kept_w[i] * size / style.size + 2 * kPaddingX;
  }
  const ParagraphStyle cells = cell_style(size, fonts, keep_together);
  const auto edges_of = [&](const std::vector<double>& widths) {
    std::vector<double> edges(columns + 1, 0);
    for (int i = 0; i < columns; ++i) edges[i + 1] = edges[i] + widths[i];
    return edges;
  };
  // Phrases split and lines of the rows laid out at `edges`; it stops, as not better, once the
  // rows so far split more phrases than `bound`, or as many in as many lines.
  using Cost = std::pair<int, std::size_t>;
  const auto cost = [&](const std::vector<double>& edges, const Cost* bound) {
    Cost c{0, 0};
    for (const TableRow& row : table.rows) {
      std::size_t tallest = 0;
      for (const auto& cell : lay_row(row, edges, cells, style, fonts, c.first))
        tallest = std::max(tallest, cell.first.size());
      c.second += tallest;
      if (bound && (c.first > bound->first || (c.first == bound->first && c.second >= bound->second))) return *bound;
    }
    return c;
  };
  // Among the ways of keeping soft phrases whole, the one that splits fewest phrases, then
  // gives the fewest lines (the first on a tie).
  const std::vector<std::vector<double>> choices = soft_phrase_width_choices(min_w, kept_w, width);
  out.edges = edges_of(column_widths(choices.empty() ? min_w : choices.front(), max_w, table.column_weights, width));
  if (choices.size() > 1) {
    Cost best = cost(out.edges, nullptr);
    for (std::size_t k = 1; k < choices.size(); ++k) {
      std::vector<double> candidate = edges_of(column_widths(choices[k], max_w, table.column_weights, width));
      const Cost c = cost(candidate, &best);
      if (c < best) {
        best = c;
        out.edges = std::move(candidate);
      }
    }
  }
  for (int i = 0; i < columns; ++i)
    out.whole_soft_phrases.push_back(out.edges[i + 1] - out.edges[i] >= kept_w[i] - 1e-9);
  return out;
}

LaidOutTable layout_table(const Table& table, const TextStyle& style, double width, const FontSet& fonts,
                          const text::KeepTogether* keep_together, const TableMeasure* measured) {
  LaidOutTable out;
  out.header_rows = table.header_row_count();
  const int columns = table.column_count();
  if (columns == 0) return out;
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    out.keep_with_next.push_back(static_cast<int>(i) < out.header_rows ||
                                 (i + 1 < table.rows.size() && table.rows[i].heads_group(columns)));
  const TableMeasure own = measured ? TableMeasure{} : measure_table(table, style, width, fonts, keep_together);
  const TableMeasure& m = measured ? *measured : own;
  out.size = m.size;
  out.overflow = m.overflow;
  const ParagraphStyle cells = cell_style(m.size, fonts, keep_together);

  for (const TableRow& row : table.rows) {
    Fragment fragment;
    std::vector<double> boundaries{0};
    int splits = 0;
    const auto laid = lay_row(row, m.edges, cells, style, fonts, splits);
    double content_height = 0;
    for (const auto& cell : laid) content_height = std::max(content_height, cell.first.size() * cells.line_height);
    int col = 0;
    for (const TableCell& cell : row.cells) {
      const int span = std::min(std::max(1, cell.column_span), columns - col);
      if (span <= 0) break;
      boundaries.push_back(m.edges[col + span]);
      col += span;
    }
    fragment.height = content_height + 2 * kPaddingY;
    for (const auto& [lines, x] : laid) {
      double y = kPaddingY;
      for (const Fragment& line : lines) {
        fragment.place(line, x, y);
        y += line.height;
      }
    }
    fragment.paths.push_back(make_rule(0, 0, width, 0, kBorder));
    fragment.paths.push_back(make_rule(0, fragment.height, width, fragment.height, kBorder));
    if (boundaries.back() < width) boundaries.push_back(width);
    for (double b : boundaries) fragment.paths.push_back(make_rule(b, 0, b, fragment.height, kBorder));
    out.rows.push_back(std::move(fragment));
  }
  return out;
}

}  // namespace vanban
