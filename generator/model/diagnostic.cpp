#include "model/diagnostic.h"

#include <string_view>

namespace vanban {

namespace {

// A control character in a file name or a quoted value would ring, erase or split the line: it
// is shown as \xNN, so that a message stays one line that says what is there.
std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
      continue;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace

Diagnostic diagnostic_at_offset(std::string_view text, std::size_t offset, std::string file, std::string message) {
  Diagnostic d{std::move(file), 1, 1, std::move(message)};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++d.line;
      d.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a continuation byte
      ++d.column;
    }
  }
  return d;
}

std::string Diagnostic::to_string() const {
  return visible(file) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
         (warning ? "warning: " : "") + visible(message);
}

}  // namespace vanban
