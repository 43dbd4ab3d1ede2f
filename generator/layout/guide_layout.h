// The parts of a booklet (a monthly discussion guide) that official letters do not have: the
// cover page, the table of contents and the page of ruled lines for notes.
#pragma once

#include <string>
#include <vector>

#include "font/font_set.h"
#include "layout/fragment.h"
#include "layout/paragraph_layout.h"
#include "profile/resolved_document.h"

namespace vanban {

// The cover fills a whole body area: organisation at the top, title and month in the middle,
// the compiling body and the place near the foot. No line splits a phrase of `keep_together`.
Fragment layout_cover(const std::vector<ResolvedCoverLine>& cover, const FontSet& fonts, double width,
                      double height, const text::KeepTogether* keep_together);

struct TocEntry {
  std::string text;
  int page = 0;  // printed page number; 0 while not yet known
};

// The title line, then one fragment per entry: its text in `entry`'s size, spacing and phrases,
// each line filled before the next begins and the lines after the first standing in by
// `entry.left_indent`, then dot leaders and the page number right-aligned (room for three digits
// is kept whatever the numbers, so that filling them in never changes the pagination).
std::vector<Fragment> layout_toc(const std::string& title, const std::vector<TocEntry>& entries,
                                 const TextStyle& title_style, const ParagraphStyle& entry, double width,
                                 const FontSet& fonts);

// A full body area: the title, then ruled lines every `line_height` down to the foot.
Fragment layout_notes(const std::string& title, const TextStyle& title_style, double line_height,
                      double width, double height, const FontSet& fonts);

}  // namespace vanban
