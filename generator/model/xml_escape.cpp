#include "model/xml_escape.h"

#include <array>

namespace vanban {

namespace {

// The bytes append_xml_escaped replaces: markup characters and the control characters XML 1.0
// cannot hold. Every other byte, UTF-8 sequences included, is copied as it is.
constexpr std::array<bool, 256> kReplaced = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
  for (const char c : {'&', '<', '>', '"', '\''}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!kReplaced[static_cast<unsigned char>(c)]) continue;
    std::string_view replacement;
    switch (c) {
      case '&': replacement = "&amp;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case '"': replacement = "&quot;"; break;
      case '\'': replacement = "&apos;"; break;
      default:
        // A control character: not even a character reference can write it in XML 1.0; in
        // running text it can only have stood for a space.
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
