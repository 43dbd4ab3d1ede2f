// Saddle-stitch imposition: A5 pages, two per side of A4 landscape sheets, in the order that
// gives a booklet when the stack is printed double-sided (flip on the short edge), folded and
// stapled. Pure functions on laid-out pages.
#pragma once

#include <vector>

#include "model/page.h"

namespace vanban {

// Page indices (0-based; -1 = blank padding) in output order: for each sheet, front left,
// front right, back left, back right. `page_count` is padded with blanks to a multiple of four
// that leaves the last page (the outside back cover) blank.
std::vector<int> booklet_order(int page_count);

// Two pages side by side on each side of a sheet of `sheet_width` x `sheet_height` pt, the pair
// centred on it (two A5 pages, 296 mm, on an A4 landscape sheet, 297 mm).
Pages impose_booklet(const Pages& pages, double sheet_width, double sheet_height);

}  // namespace vanban
