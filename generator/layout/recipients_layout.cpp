#include "layout/recipients_layout.h"

#include <algorithm>

#include "layout/header_layout.h"
#include "layout/paragraph_layout.h"

namespace vanban {

namespace {

constexpr double kBraceWidth = 5;  // pt
constexpr double kBraceGap = 3;    // pt on each side of the brace
constexpr double kGutter = to_pt(Mm(3)).value;  // between the list and the signature block

double text_width(const FontSet& fonts, const std::string& text, const TextStyle& style) {
  return fonts.face(font_style(style.bold, style.italic)).text_width(text, style.size);
}

double widest_line(const std::vector<Fragment>& lines, const FontSet& fonts) {
  double widest = 0;
  for (const Fragment& line : lines)
    for (const TextItem& t : line.texts)
      widest = std::max(widest, t.x + fonts.face(t.style).text_width(t.text, t.size));
  return widest;
}

// One recipient line; its continuation lines start where the text after the prefix does.
std::vector<Fragment> hanging_lines(const std::string& line, const std::string& prefix, const TextStyle& style,
                                    double width, const FontSet& fonts, const text::KeepTogether* keep) {
  ParagraphStyle st;
  st.size = style.size;
  st.bold = style.bold;
  st.italic = style.italic;
  st.line_height = single_line_height(fonts, style.size);
  st.align = LineAlign::Left;
  st.keep_together = keep;
  if (line.compare(0, prefix.size(), prefix) == 0) {
    st.left_indent = text_width(fonts, prefix, style);
    st.first_indent = -st.left_indent;
  }
  return layout_paragraph({{line, false, false}}, st, width, fonts);
}

}  // namespace

double recipients_column_width(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  const double half = width / 2;
  double signature = 0;
  for (const StyledText* line : {&doc.role, &doc.signer})
    if (!line->empty()) signature = std::max(signature, text_width(fonts, line->text, line->style));
  for (const StyledText& line : doc.authority) signature = std::max(signature, text_width(fonts, line.text, line.style));
  signature = std::min(signature, half);
  return std::max(half, half + (half - signature) / 2 - kGutter);
}

Fragment layout_recipient_list(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  Fragment out;
  const TextStyle& style = doc.profile->style(Element::Recipient);
  const std::string& prefix = doc.profile->recipients.item_prefix;
  for (const ResolvedRecipient& entry : doc.recipients) {
    const double purpose_width =
        entry.purpose.empty() ? 0 : text_width(fonts, entry.purpose, style) + kBraceWidth + 2 * kBraceGap;
    const double top = out.height;
    double widest = 0;
    for (const std::string& line : entry.lines) {
      const auto lines = hanging_lines(line, prefix, style, width - purpose_width, fonts, doc.keep_together.get());
      widest = std::max(widest, widest_line(lines, fonts));
      for (const Fragment& l : lines) out.append_below(l);
    }
    if (entry.purpose.empty()) continue;
    const double bottom = out.height;
    const double bx = widest + kBraceGap;
    out.paths.push_back(make_brace(bx, top + 1, bottom - 1, kBraceWidth));
    Fragment purpose;
    for (const Fragment& l :
         layout_text(entry.purpose, style, LineAlign::Left, purpose_width, fonts, 0, doc.keep_together.get()))
      purpose.append_below(l);
    out.place(purpose, bx + kBraceWidth + kBraceGap, (top + bottom - purpose.height) / 2);
  }
  return out;
}

}  // namespace vanban
