// The page's CSS, built from a profile: the sheet and @page from its page set-up, the header
// split, the body's indent and spacing, and the sizes of the elements that carry no style of
// their own (body text, headings, tables, recipient lines). Private to the html module.
#pragma once

#include <string>

#include "profile/profile.h"

namespace vanban::html {

// Declarations for one TextStyle: size in pt, weight, slant, underline; every property is
// written so that a style never inherits a neighbour's (h1 and th are bold by default).
void append_font(std::string& out, const TextStyle& style);

// The content of the <style> element, from the face's @font-face rules (html/web_fonts.h) on.
void append_stylesheet(std::string& out, const Profile& profile);

}  // namespace vanban::html
