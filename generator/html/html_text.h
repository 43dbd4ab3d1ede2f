// The two ways a value enters the page: escaped text (content and attribute values alike)
// and CSS numbers. Private to the html module.
#pragma once

#include <string>
#include <string_view>

namespace vanban::html {

// Appends `text` with & < > " ' replaced by character references: safe in element content and
// in double- or single-quoted attribute values, so one function serves both.
void append_escaped(std::string& out, std::string_view text);

// Appends a CSS number, locale-independent, rounded to 3 decimals, without trailing zeros
// ("12.7", "40", "-0.5").
void append_number(std::string& out, double value);

}  // namespace vanban::html
