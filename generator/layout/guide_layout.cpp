#include "layout/guide_layout.h"

#include <algorithm>

#include "layout/paragraph_layout.h"

namespace vanban {

namespace {

Fragment centred_lines(const StyledText& t, double width, const FontSet& fonts, const text::KeepTogether* keep) {
  Fragment f;
  for (const Fragment& line : layout_text(t.text, t.style, LineAlign::Center, width, fonts, 0, keep))
    f.append_below(line);
  return f;
}

}  // namespace

Fragment layout_cover(const std::vector<ResolvedCoverLine>& cover, const FontSet& fonts, double width,
                      double height, const text::KeepTogether* keep_together) {
  // Three bands: the organisation lines at the top, title and subtitle around 40% of the
  // height, the issuer and place lines at the foot.
  Fragment top, middle, foot;
  for (const ResolvedCoverLine& line : cover) {
    const Fragment text = centred_lines(line.text, width * 0.9, fonts, keep_together);
    switch (line.role) {
      case CoverLine::Role::Organisation: top.append_below(text, width * 0.05, 2); break;
      case CoverLine::Role::Title:
      case CoverLine::Role::Subtitle: middle.append_below(text, width * 0.05, middle.height > 0 ? 12 : 0); break;
      case CoverLine::Role::Issuer:
      case CoverLine::Role::Place: foot.append_below(text, width * 0.05, foot.height > 0 ? 6 : 0); break;
    }
  }
  Fragment page;
  page.height = height;
  page.place(top, 0, 0);
  if (top.height > 0) {
    // A short rule under the organisation, as under a title line.
    const double y = top.height + 8;
    page.paths.push_back(make_rule(width * 0.4, y, width * 0.6, y, 0.8));
  }
  page.place(middle, 0, std::max(top.height + 24, height * 0.4 - middle.height / 2));
  page.place(foot, 0, height - foot.height);
  return page;
}

std::vector<Fragment> layout_toc(const std::string& title, const std::vector<TocEntry>& entries,
                                 const TextStyle& title_style, const ParagraphStyle& entry, double width,
                                 const FontSet& fonts) {
  std::vector<Fragment> out;
  Fragment heading;
  for (const Fragment& line : layout_text(title, title_style, LineAlign::Center, width, fonts))
    heading.append_below(line);
  heading.height += entry.line_height / 2;
  out.push_back(std::move(heading));

  // A long title fills its first line rather than balancing two short ones: the leaders follow
  // its last line.
  ParagraphStyle st = entry;
  st.align = LineAlign::Left;
  st.ragged = RaggedLines::Filled;
  st.first_indent = -st.left_indent;
  const FontStyle style = font_style(st.bold, st.italic);
  const FontFace& face = fonts.face(style);
  const double number_column = face.text_width("000", st.size);
  const double dot = face.text_width(".", st.size);
  const double gap = face.advance(U' ') * st.size;
  for (const TocEntry& e : entries) {
    auto lines = layout_paragraph({{e.text, st.bold, st.italic}}, st, width - number_column - 4 * gap, fonts);
    Fragment f;
    for (const Fragment& line : lines) f.append_below(line);
    // Dot leaders from the end of the last line to the number column.
    const Fragment& last = lines.back();
    double end = 0;
    if (!last.texts.empty()) {
      const TextItem& t = last.texts.back();
      end = t.x + fonts.face(t.style).text_width(t.text, t.size);
    }
    const double baseline =
        f.height - last.height + (last.texts.empty() ? st.line_height * 0.8 : last.texts.front().baseline);
    const double leader_end = width - number_column - gap;
    const int dots = static_cast<int>((leader_end - end - gap) / dot);
    if (dots > 0) f.texts.push_back({leader_end - dots * dot, baseline, style, st.size, std::string(dots, '.')});
    if (e.page > 0) {
      const std::string number = std::to_string(e.page);
      f.texts.push_back({width - face.text_width(number, st.size), baseline, style, st.size, number});
    }
    out.push_back(std::move(f));
  }
  return out;
}

Fragment layout_notes(const std::string& title, const TextStyle& title_style, double line_height,
                      double width, double height, const FontSet& fonts) {
  Fragment page;
  for (const Fragment& line : layout_text(title, title_style, LineAlign::Center, width, fonts))
    page.append_below(line);
  for (double y = page.height + line_height * 1.5; y <= height; y += line_height) {
    PathItem rule = make_rule(0, y, width, y, 0.4);
    rule.stroke_color = {0.55, 0.55, 0.55};
    page.paths.push_back(std::move(rule));
  }
  page.height = height;
  return page;
}

}  // namespace vanban
