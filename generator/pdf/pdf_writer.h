// Pages -> PDF bytes, written directly (pdf/pdf_file.h) in the syntax PoDoFo 0.9.8 wrote, which
// `vanban sign` still uses to read and update them. Fonts are embedded as Identity-H subsets of
// the real face files, with a ToUnicode map; output is byte-identical for the same pages
// (timestamps come from DocumentInfo, never the clock).
#pragma once

#include <string>

#include "font/font_set.h"
#include "model/diagnostic.h"
#include "model/page.h"

namespace vanban {

// Every PDF is PDF/A-2b (pdf/pdfa.h); it fails when the sRGB ICC profile cannot be read.
// A page with a signature box carries it as kSignatureBoxKey [llx lly urx ury] (PDF user space)
// in its page dictionary, where `vanban sign` finds the signing space of box 7c. With
// `pages.signature_field`, an empty signature field of that name covers the same box.
Result<std::string> write_pdf(const Pages& pages, const FontSet& fonts);

inline constexpr const char* kSignatureBoxKey = "VanbanSignatureBox";

}  // namespace vanban
