// UTF-8 checks and Unicode normalisation (ICU). Every string entering the tree is NFC:
// PoDoFo draws code points one glyph each, so NFD marks would be drawn detached.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::text {

// True if `s` is well-formed UTF-8; otherwise `bad_offset` (if given) is the first bad byte.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

// NFC of well-formed UTF-8.
std::string to_nfc(std::string_view utf8);

// Decodes well-formed UTF-8 to code points.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view s);

// Collapses runs of XML white space (space, tab, CR, LF) into one space, as HTML does. Does
// not trim: a leading or trailing space may separate this text from a neighbouring inline run.
std::string collapse_whitespace(std::string_view s);

}  // namespace vanban::text
