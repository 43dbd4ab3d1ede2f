#include "layout/header_layout.h"

#include <algorithm>

#include "layout/paragraph_layout.h"
#include "layout/recipients_layout.h"

namespace vanban {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kRuleWidth = 0.6;

double text_width(const FontSet& fonts, const StyledText& t) {
  return fonts.face(font_style(t.style.bold, t.style.italic)).text_width(t.text, t.style.size);
}

double line_width(const Fragment& line, const FontSet& fonts) {
  if (line.texts.empty()) return 0;
  const TextItem& last = line.texts.back();
  return last.x + fonts.face(last.style).text_width(last.text, last.size) - line.texts.front().x;
}

void underline(Fragment& column, const std::vector<Fragment>& lines, const TextStyle& style, const FontSet& fonts) {
  double y = column.height - lines.size() * lines.front().height;
  for (const Fragment& line : lines) {
    if (!line.texts.empty()) {
      const double x = line.texts.front().x;
      const double under = y + line.texts.front().baseline + style.size * 0.12;
      column.paths.push_back(make_rule(x, under, x + line_width(line, fonts), under, style.size / 20));
    }
    y += line.height;
  }
}

// Stacks the lines of `t`, wrapped and aligned within `width`, under `column`.
// Returns the width of the widest line.
double stack_text(Fragment& column, const StyledText& t, LineAlign align, double width,
                  const FontSet& fonts, double gap = 0) {
  if (t.empty()) return 0;
  const auto lines = layout_text(t.text, t.style, align, width, fonts);
  double widest = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    column.append_below(lines[i], 0, i == 0 ? gap : 0);
    widest = std::max(widest, line_width(lines[i], fonts));
  }
  if (t.style.underline) underline(column, lines, t.style, fonts);
  return widest;
}

// A line that must not wrap (the title, the motto, the place-date line): centred (or right-
// aligned) in its column, but moved left when it is wider than the column so it never passes
// the right margin. Returns where it starts and how wide it is.
struct Span {
  double x = 0, width = 0;
};
Span stack_single_line(Fragment& column, const StyledText& t, LineAlign align, double width,
                         const FontSet& fonts) {
  if (t.empty()) return {};
  auto lines = layout_text(t.text, t.style, LineAlign::Left, 1e6, fonts);
  const double w = line_width(lines.front(), fonts);
  const double x = std::min(align == LineAlign::Center ? (width - w) / 2 : width - w, width - w);
  column.append_below(lines.front(), x);
  if (t.style.underline) underline(column, lines, t.style, fonts);
  return {x, w};
}

void rule_below(Fragment& column, double x0, double x1, double gap_above) {
  const double y = column.height + gap_above;
  column.paths.push_back(make_rule(x0, y, x1, y, kRuleWidth));
  column.height = y + kRuleWidth;
}

void centred_rule(Fragment& column, double column_width, double length, double gap_above) {
  rule_below(column, (column_width - length) / 2, (column_width + length) / 2, gap_above);
}

// A box drawn around the last `lines` of text added to `column` (urgency and secrecy marks).
void box_last_text(Fragment& column, const FontSet& fonts, double top) {
  double left = 1e9, right = -1e9;
  for (const TextItem& t : column.texts) {
    if (t.baseline < top) continue;
    left = std::min(left, t.x);
    right = std::max(right, t.x + fonts.face(t.style).text_width(t.text, t.size));
  }
  if (left > right) return;
  const double pad = 3;
  PathItem box;
  box.line_width = 0.8;
  box.ops = {{PathOp::Kind::MoveTo, left - pad, top},
             {PathOp::Kind::LineTo, right + pad, top},
             {PathOp::Kind::LineTo, right + pad, column.height + 1},
             {PathOp::Kind::LineTo, left - pad, column.height + 1},
             {PathOp::Kind::Close}};
  column.paths.push_back(std::move(box));
  column.height += 1;
}

}  // namespace

Fragment layout_header(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  const HeaderSetup& h = doc.profile->header;
  const double left_width = width * h.left_column;
  const double right_width = width - left_width;
  const LineAlign right_align = h.center_place_date ? LineAlign::Center : LineAlign::Right;

  Fragment left;
  double issuer_width = 0;
  for (const StyledText& line : doc.issuer_lines)
    issuer_width = std::max(issuer_width, stack_text(left, line, LineAlign::Center, left_width, fonts));
  if (!doc.issuer_mark.empty()) stack_text(left, doc.issuer_mark, LineAlign::Center, left_width, fonts);
  if (h.issuer_rule > 0) centred_rule(left, left_width, issuer_width * h.issuer_rule, 3);

  Fragment right;
  Span last_title;
  for (const StyledText& line : doc.title_lines)
    last_title = stack_single_line(right, line, LineAlign::Center, right_width, fonts);
  if (h.rule_under_title && last_title.width > 0)
    rule_below(right, last_title.x, last_title.x + last_title.width, 3);

  // "Số ..." and the place-date line share a baseline (NĐ 30: ô 3 and ô 4 on one line).
  const double row = std::max(left.height, right.height) + 4;
  left.height = right.height = row;
  stack_text(left, doc.number, LineAlign::Center, left_width, fonts);
  stack_single_line(right, doc.place_date, right_align, right_width, fonts);
  stack_text(left, doc.letter_subject, LineAlign::Center, left_width, fonts, 6);
  for (const StyledText* mark : {&doc.urgency, &doc.secrecy}) {
    if (mark->empty()) continue;
    const double top = left.height + 8;
    stack_text(left, *mark, LineAlign::Center, left_width, fonts, 10);
    box_last_text(left, fonts, top);
  }

  Fragment header;
  header.place(left, 0, 0);
  header.place(right, left_width, 0);
  header.height = std::max(left.height, right.height);
  return header;
}

Fragment layout_title_block(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  Fragment block;
  if (doc.type_name.empty()) return block;
  stack_text(block, doc.type_name, LineAlign::Center, width, fonts);
  // A long subject wraps within 90% of the width, centred on the page.
  Fragment subject;
  const double subject_width = stack_text(subject, doc.subject, LineAlign::Center, width * 0.9, fonts);
  block.append_below(subject, width * 0.05);
  if (doc.profile->header.subject_rule > 0 && subject_width > 0)
    centred_rule(block, width, subject_width * doc.profile->header.subject_rule, 6);
  return block;
}

Fragment layout_address_block(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  Fragment block;
  if (doc.addresses.empty()) return block;
  const double label = text_width(fonts, doc.address_label);
  const double gap = fonts.face(FontStyle::Regular).advance(U' ') * doc.address_label.style.size;
  double widest = 0;
  for (const StyledText& a : doc.addresses) widest = std::max(widest, text_width(fonts, a));
  const double column = std::min(widest + 1, width - label - gap);
  const double x0 = std::max(0.0, (width - (label + gap + column)) / 2);

  Fragment label_line;
  stack_text(label_line, doc.address_label, LineAlign::Left, label + 1, fonts);
  Fragment addresses;
  for (const StyledText& a : doc.addresses) stack_text(addresses, a, LineAlign::Left, column, fonts);
  block.place(label_line, x0, 0);
  block.place(addresses, x0 + label + gap, 0);
  block.height = std::max(label_line.height, addresses.height);
  return block;
}

PathItem make_brace(double x, double y0, double y1, double width) {
  const double mid = (y0 + y1) / 2;
  const double spine = x + width / 2;
  const double r = std::min(width / 2, (y1 - y0) / 4);
  PathItem p;
  p.line_width = 0.6;
  using K = PathOp::Kind;
  p.ops = {{K::MoveTo, x, y0},
           {K::CurveTo, spine, y0 + r, spine, y0, spine, y0},
           {K::LineTo, spine, mid - r},
           {K::CurveTo, x + width, mid, spine, mid, spine, mid},
           {K::CurveTo, spine, mid + r, spine, mid, spine, mid},
           {K::LineTo, spine, y1 - r},
           {K::CurveTo, x, y1, spine, y1, spine, y1}};
  return p;
}

Fragment layout_closing(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  const double half = width / 2;

  Fragment signature;
  for (const StyledText& line : doc.authority) stack_text(signature, line, LineAlign::Center, half, fonts);
  stack_text(signature, doc.role, LineAlign::Center, half, fonts);
  signature.height += doc.profile->signature.signing_space * kPtPerMm;
  stack_text(signature, doc.signer, LineAlign::Center, half, fonts);

  Fragment recipients;
  if (!doc.recipients_label.empty()) {
    const double column = recipients_column_width(doc, fonts, width);
    stack_text(recipients, doc.recipients_label, LineAlign::Left, column, fonts);
    recipients.append_below(layout_recipient_list(doc, fonts, column));
  }

  Fragment closing;
  closing.place(recipients, 0, 0);
  closing.place(signature, half, 0);
  closing.height = std::max(recipients.height, signature.height);
  return closing;
}

}  // namespace vanban
