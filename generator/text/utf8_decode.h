// Allocation-free UTF-8 decoding for the hot paths that read, measure and draw text (the
// markup's glyph check, text_width, the PDF writer). All decode alike, so what is checked and
// measured is what is drawn.
#pragma once

namespace vanban::text {

// Decodes the code point at `p` and advances `p` past it (p < end). A malformed or truncated
// sequence yields U+FFFD and skips one byte; input is validated upstream.
inline char32_t next_code_point(const unsigned char*& p, const unsigned char* end) {
  const unsigned char b = *p++;
  if (b < 0x80) return b;
  int extra;
  char32_t cp;
  if ((b & 0xE0) == 0xC0) {
    extra = 1;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    extra = 2;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    extra = 3;
    cp = b & 0x07;
  } else {
    return 0xFFFD;
  }
  if (end - p < extra) return 0xFFFD;
  for (int i = 0; i < extra; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  p += extra;
  return cp;
}

}  // namespace vanban::text
