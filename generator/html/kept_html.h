// Short-measure text as HTML that breaks where the PDF's layout would: what layout keeps on one
// line (text/keep_together.h: names, dates, a number and its unit) goes in nested inline blocks,
// <span class="nb"> (never split) and <span class="nb soft"> (moved whole to the next line, split
// between the phrases it holds only when it is wider than the line). The page's CSS makes .nb an
// inline block. Used for a document's header, titles and signature, and for the site's banner.
#pragma once

#include <string>
#include <string_view>

#include "text/keep_together.h"

namespace vanban {

// Appends `text`, escaped, with its kept spans.
void append_kept_html(std::string& out, std::string_view text, const text::KeepTogether& keep);

}  // namespace vanban
