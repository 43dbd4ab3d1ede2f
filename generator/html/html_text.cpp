#include "html/html_text.h"

#include <charconv>
#include <cmath>

#include "model/xml_escape.h"

namespace vanban::html {

void append_escaped(std::string& out, std::string_view text) { append_xml_escaped(out, text); }

void append_number(std::string& out, double value) {
  // Rounding first keeps products such as 0.4 * 100 from printing as 40.000000000000007.
  double rounded = std::round(value * 1000) / 1000;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace vanban::html
