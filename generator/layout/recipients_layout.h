// The list under "Nơi nhận:", in the left part of the closing: each entry flush left with its
// continuation lines hanging after the item prefix ("- "), a group of several lines closed by
// one brace with its purpose beside it.
#pragma once

#include "font/font_set.h"
#include "layout/fragment.h"
#include "profile/resolved_document.h"

namespace vanban {

// The entries within `width`; empty (height 0) when there are none.
Fragment layout_recipient_list(const ResolvedDocument& doc, const FontSet& fonts, double width);

// How far the closing's left column may reach: up to the widest line of the signature block
// (centred in the right half) less a gutter, and at least half the width.
double recipients_column_width(const ResolvedDocument& doc, const FontSet& fonts, double width);

}  // namespace vanban
