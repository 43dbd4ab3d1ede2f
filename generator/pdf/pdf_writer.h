// Pages -> PDF bytes (PoDoFo 0.9.8; the only module that includes it). Fonts are embedded as
// Identity-H subsets of the real face files, with a ToUnicode map; output is byte-identical
// for the same pages (timestamps come from DocumentInfo, never the clock).
#pragma once

#include <string>

#include "font/font_set.h"
#include "model/diagnostic.h"
#include "model/page.h"

namespace vanban {

Result<std::string> write_pdf(const Pages& pages, const FontSet& fonts);

}  // namespace vanban
