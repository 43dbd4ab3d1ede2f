#include "model/xml_escape.h"

namespace vanban {

void append_xml_escaped(std::string& out, std::string_view text) {
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string_view replacement;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\'': replacement = "&apos;"; break;
      default:
        // Not even a character reference can write these in XML 1.0; in running text they can
        // only have stood for a space.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') continue;
        replacement = " ";
    }
    out.append(text, plain_from, i - plain_from);
    out += replacement;
    plain_from = i + 1;
  }
  out.append(text, plain_from, std::string_view::npos);
}

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_xml_escaped(out, text);
  return out;
}

}  // namespace vanban
