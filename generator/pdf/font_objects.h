// PoDoFo objects for the signature appearances (generator/sign), which update a PDF through
// PoDoFo: an embedded subset font as PDF objects, and streams stored already compressed.
#pragma once

#include <podofo.h>

#include <string_view>

#include "pdf/embedded_font.h"

namespace vanban {

// Adds Type0 -> CIDFontType2 -> FontDescriptor -> FontFile2 and the ToUnicode map to `objects`;
// returns the Type0 font.
PoDoFo::PdfReference add_font_objects(PoDoFo::PdfVecObjects& objects, const EmbeddedFont& e);

// Stores already compressed bytes as a /FlateDecode stream of `object`.
void set_flate_stream(PoDoFo::PdfObject& object, std::string_view compressed);

inline PoDoFo::PdfVariant pdf_integer(long long v) {
  return PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(v));
}

}  // namespace vanban
