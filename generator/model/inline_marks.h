// The compose page's way of writing styled runs in a plain text field: **bold**, *italic*; \* and
// \\ for a literal asterisk and backslash. Only what the markup's inline runs can say (<b>, <i>); a mark left
// open is read as a literal asterisk, so no typing can lose text.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace vanban {

Inlines parse_marks(std::string_view text);
// The inverse: runs as marked text (parse_marks(write_marks(r)) has the same text and styles).
std::string write_marks(const Inlines& runs);

}  // namespace vanban
