// A paragraph of styled runs -> lines of positioned words. Break opportunities come from ICU;
// justified text is broken by total fit and each word placed by hand, because PDF word spacing
// (Tw) does not apply to the two-byte fonts vanban must use.
#pragma once

#include <vector>

#include "font/font_set.h"
#include "layout/fragment.h"
#include "layout/line_breaker.h"
#include "model/document.h"
#include "profile/profile.h"
#include "text/keep_together.h"

namespace vanban {

enum class LineAlign { Justify, Left, Center, Right };

struct ParagraphStyle {
  double size = 14;        // pt
  bool bold = false;       // applied on top of each run's own style
  bool italic = false;
  double line_height = 18;  // pt, baseline to baseline
  double first_indent = 0;  // pt, first line only (may be negative for a hanging marker)
  double left_indent = 0;   // pt, every line
  LineAlign align = LineAlign::Justify;
  // Phrases not to split (names from data); null: the rules alone (numbers, dates, proper
  // names). Justified text avoids splitting them; ragged text never splits a hard one unless,
  // with `may_split_phrases`, a phrase alone is wider than the line.
  const text::KeepTogether* keep_together = nullptr;
  bool may_split_phrases = true;
  // How ragged (not justified) lines share the text.
  RaggedLines ragged = RaggedLines::Balanced;
};

// One fragment per line, each `line_height` tall with its baseline placed so the glyphs sit
// centred in it; x is relative to the text column's left edge. `width` is the column width.
// `split_phrases`, when given, receives the number of line breaks inside a kept phrase.
std::vector<Fragment> layout_paragraph(const Inlines& runs, const ParagraphStyle& style,
                                       double width, const FontSet& fonts, int* split_phrases = nullptr);

// Convenience for one-style text (header lines, signature, recipients).
std::vector<Fragment> layout_text(const std::string& text, const TextStyle& style, LineAlign align,
                                  double width, const FontSet& fonts, double line_height = 0,
                                  const text::KeepTogether* keep_together = nullptr);

// Natural width of the widest unbreakable piece (a word, or a phrase that must not be split)
// and of the whole text on one line, for table column widths.
struct TextExtent {
  double min_width = 0;       // the widest piece a line cannot break inside (hard phrases kept)
  double max_width = 0;       // everything on one line
  double kept_min_width = 0;  // the widest piece when soft phrases are kept whole too
};
TextExtent measure_inlines(const Inlines& runs, double size, bool bold, const FontSet& fonts,
                           const text::KeepTogether* keep_together = nullptr);

// Baseline-to-baseline distance for a font size when the profile gives none (single spacing).
double single_line_height(const FontSet& fonts, double size);

}  // namespace vanban
