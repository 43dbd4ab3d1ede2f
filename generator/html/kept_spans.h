// What a browser must keep on one line, as boxes inside boxes. Layout's kept spans may cross
// ("Đảng bộ tỉnh" and "tỉnh Trường Giang"); an HTML page can only nest its spans, so crossing
// spans are joined. Private to the html module.
#pragma once

#include <vector>

#include "text/keep_together.h"

namespace vanban::html {

// The spans to wrap in inline blocks, so the browser breaks where the PDF's layout would: a
// hard span is never broken inside; a soft span moves whole to the next line and breaks inside
// (between the spans it holds) only when it is wider than the line. Any two returned spans are
// nested or apart, sorted by start, the outer one first; a soft span inside a hard one, or
// equal to one, is dropped.
std::vector<text::KeptSpan> nested_kept_spans(std::vector<text::KeptSpan> spans);

}  // namespace vanban::html
