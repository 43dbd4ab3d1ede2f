// The shipped fonts placed beside a folder's HTML pages, in DIR/fonts/ (html/web_fonts.h), so
// that each page is drawn in the documents' own face wherever the folder is opened or copied.
#pragma once

#include <string>

#include "model/diagnostic.h"

namespace vanban {

// Links (or copies) DATA_DIR/fonts/'s faces and licence into DIR/fonts/, leaving files that
// already hold those bytes alone. What could not be placed comes back as warnings: the pages
// are still right, only drawn in an installed face.
Diagnostics place_web_fonts(const std::string& data_dir, const std::string& dir);

}  // namespace vanban
