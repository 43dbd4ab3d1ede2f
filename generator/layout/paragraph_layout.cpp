#include "layout/paragraph_layout.h"

#include <algorithm>
#include <cstring>

#include "text/utf8_decode.h"
#include "layout/line_breaker.h"
#include "text/line_breaks.h"
#include "text/text_memo.h"

namespace vanban {

namespace {

// A piece of a word in one style: the unit a box draws.
struct Piece {
  std::string text;
  FontStyle style;
};

struct PreparedParagraph {
  std::vector<Piece> pieces;
  std::vector<LineItem> items;
};

constexpr double kFinishingStretch = 1e5;  // "infinite" stretch of the last line's fill

// Penalties for a break inside a kept phrase. Justified text: a hard phrase costs more than
// any line within tolerance (500^2 demerits against 210^2), a soft one about a line of
// badness 40. Ragged text (balanced breaking): a soft one weighs more than uneven lines, a hard
// one is forbidden or, as a last resort, dearer than anything else.
constexpr double kJustifiedHardPenalty = 500;
constexpr double kSoftPenalty = 50;
constexpr double kLastResortPenalty = 5000;
// Cutting a word wider than the line (no hyphen is added): at a code's joint ("784-QĐ/TU"
// after "-" or "/") it reads well; between two letters only when there is no joint.
constexpr double kJointCutPenalty = 50;
constexpr double kLetterCutPenalty = 1000;

enum class PhraseBreaks { Justified, Never, LastResort };

// The penalty of a break at the space at byte `gap`: from the strongest span around it.
// `too_wide[k]`: span k alone is wider than the line, so in LastResort mode only it may break.
double gap_penalty(const std::vector<text::KeptSpan>& spans, const std::vector<bool>& too_wide, std::size_t gap,
                   PhraseBreaks mode) {
  double soft = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const text::KeptSpan& s = spans[k];
    if (s.begin >= gap || gap >= s.end) continue;
    if (s.bond == text::Bond::Hard) {
      switch (mode) {
        case PhraseBreaks::Justified: return kJustifiedHardPenalty;
        case PhraseBreaks::Never: return kInfinitePenalty;
        case PhraseBreaks::LastResort:
          if (!too_wide[k]) return kInfinitePenalty;
          soft += kLastResortPenalty;
          continue;
      }
    }
    soft += kSoftPenalty;
  }
  return soft;
}

// Adds the boxes of one word cut where the style changes; a fixed space (the draft number's
// blank) becomes an undrawn box of its own width, whatever the font has for it.
void add_word(PreparedParagraph& out, std::string_view word, FontStyle style, double size, const FontSet& fonts) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(word.data());
  const auto* const end = begin + word.size();
  const auto* p = begin;
  while (p < end) {
    const auto* const piece_start = p;
    const auto* q = p;
    const bool blank = text::fixed_space_width(text::next_code_point(q, end)) > 0;
    double blank_width = 0;
    // The longest run of blanks, or of other characters.
    while (p < end) {
      q = p;
      const double em = text::fixed_space_width(text::next_code_point(q, end));
      if ((em > 0) != blank) break;
      blank_width += em * size;
      p = q;
    }
    if (blank) {
      out.items.push_back(LineItem::box(blank_width, -1));
      continue;
    }
    Piece piece{std::string(word.substr(piece_start - begin, p - piece_start)), style};
    out.items.push_back(LineItem::box(fonts.face(style).text_width(piece.text, size), static_cast<int>(out.pieces.size())));
    out.pieces.push_back(std::move(piece));
  }
}

// The cuts of a word too wide for the line that layout may use: its joints, and between
// letters only inside a piece between two joints that is itself wider than `measure`.
template <class Width>
std::vector<text::WordCut> usable_cuts(std::string_view word, const Width& width_of, double measure) {
  const std::vector<text::WordCut> cuts = text::word_cuts(word);
  std::vector<std::size_t> joints{0};
  for (const text::WordCut& c : cuts)
    if (c.at_joint) joints.push_back(c.offset);
  joints.push_back(word.size());
  std::vector<text::WordCut> out;
  for (std::size_t k = 0; k + 1 < joints.size(); ++k) {
    if (k > 0) out.push_back({joints[k], true});
    if (width_of(joints[k], joints[k + 1]) <= measure) continue;
    for (const text::WordCut& c : cuts)
      if (!c.at_joint && joints[k] < c.offset && c.offset < joints[k + 1]) out.push_back(c);
  }
  return out;
}

const text::KeepTogether& rules_only() {
  static const text::KeepTogether none;
  return none;
}

std::string joined(const Inlines& runs) {
  std::string text;
  for (const TextRun& r : runs) text += r.text;
  return text;
}

// The phrases of the runs' text to keep on one line.
std::vector<text::KeptSpan> kept_spans(const Inlines& runs, const text::KeepTogether* keep_together) {
  return (keep_together ? *keep_together : rules_only()).spans(joined(runs));
}

// Turns runs into boxes (word pieces) and glue (spaces), using the breaks between words of the
// whole paragraph so that a break never falls inside a word whose pieces differ in style.
// A space inside a kept phrase gets a penalty before its glue, so the break can only be there.
// `spans` are the phrases kept together (kept_spans). `measure` is the line's width (0: unknown,
// as when measuring a table cell): a word wider than it is cut, and in LastResort mode only a
// phrase wider than it may break.
PreparedParagraph prepare(const Inlines& runs, const ParagraphStyle& st, const FontSet& fonts,
                          const std::vector<text::KeptSpan>& spans, PhraseBreaks mode, double measure = 0) {
  PreparedParagraph out;
  std::string text;
  std::vector<std::size_t> run_end;
  std::vector<FontStyle> run_style;
  for (const TextRun& r : runs) {
    text += r.text;
    run_end.push_back(text.size());
    run_style.push_back(font_style(r.bold || st.bold, r.italic || st.italic));
  }
  auto run_at = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(run_end.begin(), run_end.end(), offset) - run_end.begin());
  };
  std::vector<bool> too_wide(spans.size(), false);
  if (mode == PhraseBreaks::LastResort)
    for (std::size_t k = 0; k < spans.size(); ++k)
      too_wide[k] = fonts.face(run_style[run_at(spans[k].begin)])
                        .text_width(std::string_view(text).substr(spans[k].begin, spans[k].end - spans[k].begin), st.size) >
                    measure;
  const bool justify = mode == PhraseBreaks::Justified;

  if (st.first_indent > 0) out.items.push_back(LineItem::box(st.first_indent, -1));
  std::size_t start = 0;
  for (const text::BreakOpportunity& opportunity : text::breaks_between_words(text)) {
    const std::size_t end = opportunity.offset;
    std::size_t word_end = end;
    while (word_end > start && text[word_end - 1] == ' ') --word_end;
    const bool at_space = word_end < end;
    // The word, cut where the style changes and, when it alone is wider than the line, where
    // text::word_cuts allows, so that nothing is drawn past the margin.
    auto add_range = [&](std::size_t from, std::size_t to) {
      for (std::size_t pos = from; pos < to;) {
        const std::size_t r = run_at(pos);
        const std::size_t piece_end = std::min(to, run_end[r]);
        add_word(out, std::string_view(text).substr(pos, piece_end - pos), run_style[r], st.size, fonts);
        pos = piece_end;
      }
    };
    const std::size_t word_items = out.items.size(), word_pieces = out.pieces.size();
    add_range(start, word_end);
    double word_width = 0;
    for (std::size_t i = word_items; i < out.items.size(); ++i) word_width += out.items[i].width;
    if (measure > 0 && word_width > measure) {
      out.items.resize(word_items);
      out.pieces.resize(word_pieces);
      const std::string_view word = std::string_view(text).substr(start, word_end - start);
      std::size_t from = start;
      for (const text::WordCut& cut : usable_cuts(word, [&](std::size_t begin, std::size_t end) {
             return fonts.face(run_style[run_at(start + begin)]).text_width(word.substr(begin, end - begin), st.size);
           }, measure)) {
        add_range(from, start + cut.offset);
        out.items.push_back(LineItem::penalty_item(0, cut.at_joint ? kJointCutPenalty : kLetterCutPenalty));
        from = start + cut.offset;
      }
      add_range(from, word_end);
    }
    if (end == text.size()) break;
    if (at_space) {
      const double penalty = gap_penalty(spans, too_wide, word_end, mode);
      if (penalty > 0) out.items.push_back(LineItem::penalty_item(0, penalty));
      const double space = fonts.face(run_style[run_at(word_end)]).advance(U' ') * st.size;
      out.items.push_back(justify ? LineItem::glue(space, space / 2, space / 3) : LineItem::glue(space, 0, 0));
    } else {
      out.items.push_back(LineItem::penalty_item(0, -kInfinitePenalty));
    }
    start = end;
  }
  out.items.push_back(LineItem::glue(0, kFinishingStretch, 0));
  out.items.push_back(LineItem::penalty_item(0, -kInfinitePenalty));
  return out;
}

bool is_discardable(const LineItem& it) { return it.kind != LineItem::Kind::Box; }

bool is_forced_break(const LineItem& it) {
  return it.kind == LineItem::Kind::Penalty && it.penalty <= -kInfinitePenalty;
}

double baseline_in_line(const FontSet& fonts, double size, double line_height) {
  const FontFace& f = fonts.face(FontStyle::Regular);
  return (line_height - (f.ascent() + f.descent()) * size) / 2 + f.ascent() * size;
}

}  // namespace

double single_line_height(const FontSet& fonts, double size) {
  const FontFace& f = fonts.face(FontStyle::Regular);
  return (f.ascent() + f.descent()) * size;
}

namespace {

// A paragraph laid out, as the memo holds it.
struct LaidParagraph {
  std::vector<Fragment> lines;
  int split_phrases = 0;

  static std::size_t bytes(const LaidParagraph& p) {
    std::size_t n = p.lines.size() * sizeof(Fragment);
    for (const Fragment& f : p.lines)
      for (const TextItem& t : f.texts) n += sizeof(TextItem) + t.text.size();
    return n;
  }
};

LaidParagraph lay_out(const Inlines& runs, const ParagraphStyle& st, double width, const FontSet& fonts,
                      const std::vector<text::KeptSpan>& spans) {
  const bool justify = st.align == LineAlign::Justify;
  const double first_width = width - st.left_indent - std::max(0.0, st.first_indent) -
                             std::min(0.0, st.first_indent);
  const double rest_width = width - st.left_indent;
  PreparedParagraph p;
  LineBreaks breaks;
  if (justify) {
    p = prepare(runs, st, fonts, spans, PhraseBreaks::Justified, rest_width);
    breaks = break_lines(p.items, width - st.left_indent, rest_width);
  } else {
    const auto ragged_breaks = [&](const std::vector<LineItem>& items) {
      return break_ragged_lines(items, first_width, rest_width, st.ragged);
    };
    p = prepare(runs, st, fonts, spans, PhraseBreaks::Never, rest_width);
    breaks = ragged_breaks(p.items);
    if (breaks.overflow > 0 && st.may_split_phrases) {
      PreparedParagraph split = prepare(runs, st, fonts, spans, PhraseBreaks::LastResort, rest_width);
      LineBreaks split_breaks = ragged_breaks(split.items);
      if (split_breaks.overflow < breaks.overflow) {
        p = std::move(split);
        breaks = std::move(split_breaks);
      }
    }
  }
  const double baseline = baseline_in_line(fonts, st.size, st.line_height);
  LaidParagraph out;
  // A break inside a kept phrase is at the penalty prepare() put before the space (a cut inside
  // a word has its penalty before a box).
  for (const std::size_t end : breaks.ends)
    if (end + 1 < p.items.size() && p.items[end].kind == LineItem::Kind::Penalty && p.items[end].penalty > 0 &&
        p.items[end + 1].kind == LineItem::Kind::Glue)
      ++out.split_phrases;

  std::vector<Fragment>& lines = out.lines;
  std::size_t begin = 0;
  for (std::size_t k = 0; k < breaks.ends.size(); ++k) {
    const std::size_t end = breaks.ends[k];
    if (k > 0)
      while (begin < end && is_discardable(p.items[begin])) ++begin;
    // Ragged lines: natural width without the glue before the break.
    std::size_t last = end;
    while (last > begin && is_discardable(p.items[last - 1])) --last;
    double natural = 0;
    for (std::size_t i = begin; i < last; ++i) natural += p.items[i].width;
    const double line_start = st.left_indent + (k == 0 && st.first_indent < 0 ? st.first_indent : 0);
    const double available = (k == 0 ? (justify ? width - st.left_indent : first_width) : rest_width);
    double x = line_start;
    if (st.align == LineAlign::Center) x += (available - natural) / 2;
    if (st.align == LineAlign::Right) x += available - natural;
    // The last line of a justified paragraph keeps natural spaces unless it had to shrink.
    const bool last_line = k + 1 == breaks.ends.size();
    const double ratio = !justify ? 0 : last_line ? std::min(0.0, breaks.ratios[k]) : breaks.ratios[k];

    Fragment line;
    line.height = st.line_height;
    TextItem pending;
    bool has_pending = false;
    auto flush = [&] {
      if (has_pending) line.texts.push_back(std::move(pending));
      has_pending = false;
    };
    for (std::size_t i = begin; i < last; ++i) {
      const LineItem& it = p.items[i];
      if (it.kind == LineItem::Kind::Box) {
        if (it.piece < 0) {
          flush();  // an indent or a blank: the next text starts after it
        } else {
          const Piece& piece = p.pieces[it.piece];
          if (has_pending && pending.style == piece.style) {
            pending.text += piece.text;
          } else {
            flush();
            pending = TextItem{x, baseline, piece.style, st.size, piece.text};
            has_pending = true;
          }
        }
        x += it.width;
      } else if (it.kind == LineItem::Kind::Glue) {
        // At natural spacing a space is just a character: keep the run whole (fewer, longer
        // runs for the PDF and a cleaner text layer).
        if (ratio == 0 && has_pending && i + 1 < last && p.items[i + 1].kind == LineItem::Kind::Box &&
            p.items[i + 1].piece >= 0 && p.pieces[p.items[i + 1].piece].style == pending.style) {
          pending.text += ' ';
        } else {
          flush();
        }
        x += it.width + (ratio > 0 ? ratio * it.stretch : ratio * it.shrink);
      }
    }
    flush();
    lines.push_back(std::move(line));
    begin = end + 1;
  }
  return out;
}

template <class T>
void append_bytes(std::string& key, const T& value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  key.append(bytes, sizeof(T));
}

// Everything a paragraph's lines depend on: the fonts, the runs, the style, the width and the
// phrases kept together in its text (found from the document's names, so they are in the key,
// not the object that found them).
std::string memo_key(const Inlines& runs, const ParagraphStyle& st, double width, const FontSet& fonts,
                     const std::vector<text::KeptSpan>& spans) {
  std::string key;
  append_bytes(key, fonts.serial());
  for (const TextRun& r : runs) {
    append_bytes(key, r.text.size());
    key += r.text;
    key += static_cast<char>(r.bold * 2 + r.italic);
  }
  key += '\0';
  for (const double v : {st.size, st.line_height, st.first_indent, st.left_indent, width}) append_bytes(key, v);
  key += static_cast<char>(st.bold * 2 + st.italic);
  key += static_cast<char>(st.align);
  key += static_cast<char>(st.may_split_phrases);
  key += static_cast<char>(st.ragged);
  for (const text::KeptSpan& k : spans) {
    append_bytes(key, k.begin);
    append_bytes(key, k.end);
    key += static_cast<char>(k.bond);
  }
  return key;
}

// Most paragraphs of a month are laid out many times over (headers, titles, the templates'
// sentences, the same names): once per thread for each distinct one.
constexpr std::size_t kMemoBudget = std::size_t{4} << 20;  // bytes per thread

}  // namespace

std::vector<Fragment> layout_paragraph(const Inlines& runs, const ParagraphStyle& st, double width,
                                       const FontSet& fonts, int* split_phrases) {
  const std::vector<text::KeptSpan> spans = kept_spans(runs, st.keep_together);
  thread_local text::TextMemo<LaidParagraph> memo(kMemoBudget, LaidParagraph::bytes);
  const LaidParagraph& laid =
      memo.get(memo_key(runs, st, width, fonts, spans), [&] { return lay_out(runs, st, width, fonts, spans); });
  if (split_phrases) *split_phrases = laid.split_phrases;
  return laid.lines;
}

std::vector<Fragment> layout_text(const std::string& text, const TextStyle& style, LineAlign align,
                                  double width, const FontSet& fonts, double line_height,
                                  const text::KeepTogether* keep_together) {
  ParagraphStyle st;
  st.keep_together = keep_together;
  st.size = style.size;
  st.line_height = line_height > 0 ? line_height : single_line_height(fonts, style.size);
  st.align = align;
  return layout_paragraph({{text, style.bold, style.italic}}, st, width, fonts);
}

TextExtent measure_inlines(const Inlines& runs, double size, bool bold, const FontSet& fonts,
                           const text::KeepTogether* keep_together) {
  ParagraphStyle st;
  st.size = size;
  st.bold = bold;
  st.keep_together = keep_together;
  const PreparedParagraph p = prepare(runs, st, fonts, kept_spans(runs, keep_together), PhraseBreaks::Never);
  TextExtent e;
  double word = 0;    // the piece since the last place a line may break
  double phrase = 0;  // the same, not breaking inside a soft phrase either
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const LineItem& it = p.items[i];
    const double penalty_before = it.kind == LineItem::Kind::Glue && i > 0 && p.items[i - 1].kind == LineItem::Kind::Penalty
                                      ? p.items[i - 1].penalty
                                      : 0;
    const bool forced = is_forced_break(it);
    if (it.kind == LineItem::Kind::Box || penalty_before >= kInfinitePenalty) {
      word += it.width;
      phrase += it.width;
      e.max_width += it.width;
      continue;
    }
    if (it.kind != LineItem::Kind::Glue && !forced) continue;
    e.min_width = std::max(e.min_width, word);
    word = 0;
    if (it.kind == LineItem::Kind::Glue && it.stretch < kFinishingStretch) e.max_width += it.width;
    if (penalty_before > 0 && !forced) {
      phrase += it.width;
    } else {
      e.kept_min_width = std::max(e.kept_min_width, phrase);
      phrase = 0;
    }
  }
  e.min_width = std::max(e.min_width, word);
  e.kept_min_width = std::max({e.kept_min_width, phrase, e.min_width});
  return e;
}

}  // namespace vanban
