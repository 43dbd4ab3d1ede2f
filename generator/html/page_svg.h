// Laid-out pages (model/page.h) as inline SVG, one <svg> per page: the same lines, breaks and
// positions as the PDF, drawn by a browser. The compose page of vanban serve shows these as its
// preview, since a browser cannot show a PDF's pages in place without a plug-in (headless
// Chromium has none) and nothing in the program rasterises. The text uses four CSS classes, f0
// (regular) f1 (bold) f2 (italic) f3 (bold italic), which the page binds with @font-face to the
// very font files the PDF embeds.
#pragma once

#include <string>

#include "model/page.h"

namespace vanban {

std::string write_page_svgs(const Pages& pages);

}  // namespace vanban
