// Number formatting for PDF syntax written by hand (content streams, /W, CMaps): locale-free
// and exact, so that identical input gives identical bytes.
#pragma once

#include <string>

namespace vanban {

// Appends m / 1000 in decimal with trailing zeros trimmed ("12", "-0.5", "841.89").
inline void append_milli(std::string& out, long long m) {
  char tmp[32];
  char* const end = tmp + sizeof tmp;
  char* p = end;
  const bool negative = m < 0;
  unsigned long long a = negative ? -static_cast<unsigned long long>(m) : m;
  unsigned frac = a % 1000;
  a /= 1000;
  if (frac != 0) {
    int digits = 3;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    for (int i = 0; i < digits; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + a % 10);
    a /= 10;
  } while (a != 0);
  if (negative) *--p = '-';
  out.append(p, end);
}

// Appends four upper-case hex digits.
inline void append_hex4(std::string& out, unsigned v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const char h[4] = {kHex[(v >> 12) & 15], kHex[(v >> 8) & 15], kHex[(v >> 4) & 15], kHex[v & 15]};
  out.append(h, 4);
}

// Appends a two-byte character code (a CID of an Identity-H font) to a literal string "(...)":
// its two bytes as they are, a backslash before "(", ")" and a backslash, and CR written as the
// escape \r (a reader takes a bare CR in a string for LF). Half the bytes of hex, so a content
// stream is quicker to compress.
inline void append_code_in_literal(std::string& out, unsigned code) {
  for (const unsigned byte : {(code >> 8) & 0xFF, code & 0xFF}) {
    if (byte == '(' || byte == ')' || byte == '\\') {
      out += '\\';
    } else if (byte == '\r') {
      out += "\\r";
      continue;
    }
    out += static_cast<char>(byte);
  }
}

}  // namespace vanban
