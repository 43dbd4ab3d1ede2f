#include "html/html_text.h"

#include <charconv>
#include <cmath>

namespace vanban::html {

void append_escaped(std::string& out, std::string_view text) {
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text, plain_from, i - plain_from);
    out += entity;
    plain_from = i + 1;
  }
  out.append(text, plain_from, std::string_view::npos);
}

void append_number(std::string& out, double value) {
  // Rounding first keeps products such as 0.4 * 100 from printing as 40.000000000000007.
  double rounded = std::round(value * 1000) / 1000;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, rounded);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace vanban::html
