#include "layout/header_layout.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

#include "layout/paragraph_layout.h"
#include "layout/recipients_layout.h"
#include "profile/letter_case.h"

namespace vanban {

namespace {

constexpr double kRuleWidth = 0.6;
constexpr double kColumnGutter = to_pt(Mm(kHeaderColumnGutterMm)).value;
constexpr double kFitTolerance = 0.01;          // pt: rounding, not overflow

double text_width(const FontSet& fonts, const StyledText& t) {
  return fonts.face(font_style(t.style.bold, t.style.italic)).text_width(t.text, t.style.size);
}

double line_width(const Fragment& line, const FontSet& fonts) {
  if (line.texts.empty()) return 0;
  const TextItem& last = line.texts.back();
  return last.x + fonts.face(last.style).text_width(last.text, last.size) - line.texts.front().x;
}

std::string line_text(const Fragment& line) {
  std::string out;
  for (const TextItem& t : line.texts) out += (out.empty() ? "" : " ") + t.text;
  return out;
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

// `t` in balanced lines within `width`, never splitting a kept phrase when `strict`.
std::vector<Fragment> wrap(const StyledText& t, LineAlign align, double width, const FontSet& fonts,
                           const text::KeepTogether* keep, bool strict) {
  ParagraphStyle st;
  st.size = t.style.size;
  st.line_height = single_line_height(fonts, t.style.size);
  st.align = align;
  st.keep_together = keep;
  st.may_split_phrases = !strict;
  return layout_paragraph({{t.text, t.style.bold, t.style.italic}}, st, width, fonts);
}

// Stacks the lines of `t`, wrapped and aligned within `width`, under `column`.
// Returns the width of the widest line.
double stack_text(Fragment& column, const StyledText& t, LineAlign align, double width, const FontSet& fonts,
                  const text::KeepTogether* keep, double gap = 0) {
  if (t.empty()) return 0;
  const auto lines = wrap(t, align, width, fonts, keep, false);
  double widest = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    column.append_below(lines[i], 0, i == 0 ? gap : 0);
    widest = std::max(widest, line_width(lines[i], fonts));
  }
  if (t.style.underline) underline(column, lines, t.style, fonts);
  return widest;
}

// One column of the header: its elements stacked, each kept inside the column's width.
class HeaderColumn {
 public:
  HeaderColumn(const ResolvedDocument& doc, const FontSet& fonts, double width, const char* side,
               Diagnostics* problems)
      : doc_(doc), fonts_(fonts), width_(width), side_(side), problems_(problems) {}

  // Adds `t` (element `what`) in balanced lines; a line that cannot fit even at a phrase
  // boundary is a problem. Returns the width of its widest line; `printed` receives the lines.
  double add(const StyledText& t, Element what, LineAlign align, double gap = 0,
             std::vector<std::string>* printed = nullptr) {
    if (t.empty()) return 0;
    const auto lines = wrap(t, align, width_, fonts_, doc_.keep_together.get(), true);
    double widest = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (printed) printed->push_back(line_text(lines[i]));
      const double w = line_width(lines[i], fonts_);
      if (w > width_ + kFitTolerance) report(lines[i], w, what);
      fragment.append_below(lines[i], 0, i == 0 ? gap : 0);
      widest = std::max(widest, w);
    }
    if (t.style.underline) underline(fragment, lines, t.style, fonts_);
    return widest;
  }

  // A solid rule of `length` centred in the column, `gap_above` under what is there.
  void centred_rule(double length, double gap_above) {
    const double y = fragment.height + gap_above;
    fragment.paths.push_back(make_rule((width_ - length) / 2, y, (width_ + length) / 2, y, kRuleWidth));
    fragment.height = y + kRuleWidth;
  }

  // A box around the text added since `top` (urgency and secrecy marks).
  void box_since(double top) {
    double left = 1e9, right = -1e9;
    for (const TextItem& t : fragment.texts) {
      if (t.baseline < top) continue;
      left = std::min(left, t.x);
      right = std::max(right, t.x + fonts_.face(t.style).text_width(t.text, t.size));
    }
    if (left > right) return;
    const double pad = 3;
    PathItem box;
    box.line_width = 0.8;
    box.ops = {{PathOp::Kind::MoveTo, left - pad, top},
               {PathOp::Kind::LineTo, right + pad, top},
               {PathOp::Kind::LineTo, right + pad, fragment.height + 1},
               {PathOp::Kind::LineTo, left - pad, fragment.height + 1},
               {PathOp::Kind::Close}};
    fragment.paths.push_back(std::move(box));
    fragment.height += 1;
  }

  Fragment fragment;

 private:
  void report(const Fragment& line, double w, Element what) {
    if (!problems_) return;
    const Profile& p = *doc_.profile;
    char measure[96];
    std::snprintf(measure, sizeof measure, "%.0f pt wide; the %s column leaves %.0f pt", w, side_, width_);
    problems_->push_back({doc_.source_file, doc_.line, doc_.column,
                          "the header does not fit layout '" + p.family + "' (" + p.edition + "): the " +
                              element_name(what) + " line '" + line_text(line) + "' is " + measure +
                              " and cannot be broken between phrases to fit; shorten the name or use a "
                              "profile with a wider column"});
  }

  const ResolvedDocument& doc_;
  const FontSet& fonts_;
  double width_;
  const char* side_;
  Diagnostics* problems_;
};

// How badly `t` sets in a column of `width`: whether a line overflows it, the number of lines,
// then how many lines but the last end with one of `phrases` (upper case): an abbreviable
// phrase parted from the words after it, "ỦY BAN MẶT TRẬN TỔ QUỐC / VIỆT NAM TỈNH ...".
std::tuple<bool, std::size_t, int> setting_cost(const StyledText& t, double width, const FontSet& fonts,
                                                const text::KeepTogether* keep,
                                                const std::vector<std::string>& phrases) {
  const auto lines = wrap(t, LineAlign::Center, width, fonts, keep, true);
  bool overflows = false;
  for (const Fragment& line : lines) overflows = overflows || line_width(line, fonts) > width + kFitTolerance;
  int parted = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string text = apply_case(line_text(lines[i]), LetterCase::Upper);
    for (const std::string& phrase : phrases)
      if (text.size() >= phrase.size() && text.compare(text.size() - phrase.size(), phrase.size(), phrase) == 0)
        ++parted;
  }
  return {overflows, lines.size(), parted};
}

// Each issuer line as written, or its short form (the profile's header abbreviations) where
// that sets better in the column: fits where the full name does not, takes fewer lines, or keeps
// the name with what follows it. A Front committee's "ỦY BAN MẶT TRẬN TỔ QUỐC / VIỆT NAM / TỈNH
// TRƯỜNG GIANG" or "ỦY BAN MẶT TRẬN TỔ QUỐC / VIỆT NAM TỈNH TRƯỜNG GIANG" becomes "ỦY BAN MTTQ
// VIỆT NAM / TỈNH TRƯỜNG GIANG", while "ỦY BAN TRUNG ƯƠNG / MẶT TRẬN TỔ QUỐC VIỆT NAM" stays whole.
std::vector<StyledText> fitted_issuer_lines(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  std::vector<StyledText> out = doc.issuer_lines;
  std::vector<std::string> phrases;
  for (const HeaderAbbreviation& a : doc.profile->header.abbreviations)
    phrases.push_back(apply_case(a.full, LetterCase::Upper));
  for (std::size_t i = 0; i < out.size() && i < doc.issuer_abbreviated.size(); ++i) {
    const StyledText& shorter = doc.issuer_abbreviated[i];
    if (shorter.empty()) continue;
    const text::KeepTogether* keep = doc.keep_together.get();
    if (setting_cost(shorter, width, fonts, keep, phrases) < setting_cost(out[i], width, fonts, keep, phrases))
      out[i] = shorter;
  }
  return out;
}

// The header; `issuer` receives the issuer lines it printed (fitted_issuer_lines) and where
// each was broken.
Fragment header(const ResolvedDocument& doc, const FontSet& fonts, double width, Diagnostics* problems,
                PrintedIssuer* issuer = nullptr) {
  const HeaderSetup& h = doc.profile->header;
  // Each column gives half the gutter.
  const double left_width = width * h.left_column - kColumnGutter / 2;
  const double right_x = width * h.left_column + kColumnGutter / 2;
  const LineAlign right_align = h.center_place_date ? LineAlign::Center : LineAlign::Right;

  const std::vector<StyledText> lines = fitted_issuer_lines(doc, fonts, left_width);
  if (issuer) {
    issuer->lines = lines;
    issuer->breaks.assign(lines.size(), {});
  }
  HeaderColumn left(doc, fonts, left_width, "issuer", problems);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool last = i + 1 == lines.size();  // the issuer; the parent body comes first
    const double w = left.add(lines[i], last ? Element::Issuer : Element::Parent, LineAlign::Center, 0,
                              issuer ? &issuer->breaks[i] : nullptr);
    // NĐ 30: the rule is 1/3 to 1/2 of the issuing body's name, centred under it.
    if (last && h.issuer_rule > 0) left.centred_rule(w * h.issuer_rule, 3);
  }
  left.add(doc.issuer_mark, Element::IssuerMark, LineAlign::Center);

  HeaderColumn right(doc, fonts, width - right_x, "title", problems);
  double last_title = 0;
  for (std::size_t i = 0; i < doc.title_lines.size(); ++i)
    last_title = right.add(doc.title_lines[i], i == 0 ? Element::Title : Element::Motto, LineAlign::Center);
  if (h.rule_under_title && last_title > 0) right.centred_rule(last_title, 3);

  // "Số ..." and the place-date line share a baseline (NĐ 30: ô 3 and ô 4 on one line).
  const double row = std::max(left.fragment.height, right.fragment.height) + 4;
  left.fragment.height = right.fragment.height = row;
  left.add(doc.number, Element::Number, LineAlign::Center);
  right.add(doc.place_date, Element::PlaceDate, right_align);
  left.add(doc.letter_subject, Element::LetterSubject, LineAlign::Center, 6);
  for (const StyledText* mark : {&doc.urgency, &doc.secrecy}) {
    if (mark->empty()) continue;
    const double top = left.fragment.height + 8;
    left.add(*mark, Element::Urgency, LineAlign::Center, 10);
    left.box_since(top);
  }

  Fragment out;
  out.place(left.fragment, 0, 0);
  out.place(right.fragment, right_x, 0);
  out.height = std::max(left.fragment.height, right.fragment.height);
  return out;
}

void centred_rule(Fragment& column, double column_width, double length, double gap_above) {
  const double y = column.height + gap_above;
  column.paths.push_back(make_rule((column_width - length) / 2, y, (column_width + length) / 2, y, kRuleWidth));
  column.height = y + kRuleWidth;
}

}  // namespace

Fragment layout_header(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  return header(doc, fonts, width, nullptr);
}

CheckedHeader check_header(const ResolvedDocument& doc, const FontSet& fonts) {
  CheckedHeader out;
  if (!doc.cover.empty()) return out;  // a booklet has a cover instead
  const PageSetup& page = doc.profile->page;
  out.fragment = std::make_shared<const Fragment>(
      header(doc, fonts, to_pt(page.width - page.left - page.right).value, &out.problems, &out.issuer));
  return out;
}

Fragment layout_title_block(const ResolvedDocument& doc, const FontSet& fonts, double width) {
  Fragment block;
  if (doc.type_name.empty()) return block;
  const text::KeepTogether* keep = doc.keep_together.get();
  stack_text(block, doc.type_name, LineAlign::Center, width, fonts, keep);
  // A long subject wraps within 90% of the width, centred on the page.
  Fragment subject;
  const double subject_width = stack_text(subject, doc.subject, LineAlign::Center, width * 0.9, fonts, keep);
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

  const text::KeepTogether* keep = doc.keep_together.get();
  Fragment label_line;
  stack_text(label_line, doc.address_label, LineAlign::Left, label + 1, fonts, keep);
  Fragment addresses;
  for (const StyledText& a : doc.addresses) stack_text(addresses, a, LineAlign::Left, column, fonts, keep);
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
  const text::KeepTogether* keep = doc.keep_together.get();

  Fragment signature;
  for (const StyledText& line : doc.authority) stack_text(signature, line, LineAlign::Center, half, fonts, keep);
  stack_text(signature, doc.role, LineAlign::Center, half, fonts, keep);
  const double signing_space = to_pt(Mm(doc.profile->signature.signing_space)).value;
  signature.signature_box = Rect{0, signature.height, half, signing_space};
  signature.height += signing_space;
  stack_text(signature, doc.signer, LineAlign::Center, half, fonts, keep);

  Fragment recipients;
  if (!doc.recipients_label.empty()) {
    const double column = recipients_column_width(doc, fonts, width);
    stack_text(recipients, doc.recipients_label, LineAlign::Left, column, fonts, keep);
    recipients.append_below(layout_recipient_list(doc, fonts, column));
  }

  Fragment closing;
  closing.place(recipients, 0, 0);
  closing.place(signature, half, 0);
  closing.height = std::max(recipients.height, signature.height);
  return closing;
}

}  // namespace vanban
