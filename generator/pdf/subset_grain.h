// How finely a face's embedded subset follows the letters a document draws. Documents of one
// batch differ mostly in the letters of the names they print ("Ỷ" in one, "Ẵ" in the next), and
// every different set of code points is a subset to build again (TrueType subsetting, /W,
// ToUnicode). With any letter drawn, its whole family is embedded: the Latin letters of its case,
// the digits, or the base vowel (or d) of its case with every Vietnamese mark. A month's
// documents then share a few subsets per face, at the cost of a few KB per PDF.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "font/font_face.h"

namespace vanban {

// A bit per BMP code point: bit (cp & 63) of word cp >> 6.
using CodePointSet = std::array<std::uint64_t, 0x10000 / 64>;

// Adds to `used` the rest of the family of every letter and digit in it that `face` has a
// glyph for. Returns one past the last word of `used` it added to (0 when it added nothing).
std::size_t widen_to_letter_families(CodePointSet& used, const FontFace& face);

}  // namespace vanban
