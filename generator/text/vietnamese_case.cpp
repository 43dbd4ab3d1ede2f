#include "text/vietnamese_case.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/icu_status.h"
#include "text/unicode.h"

namespace vanban::text {

namespace {

constexpr const char* kLocale = "vi";

enum class Direction { upper, lower };

// Maps UTF-8 to UTF-8 directly (no UTF-16 round trip), then restores NFC: case mapping can
// decompose (e.g. U+01F0 -> J + U+030C) and the input itself may not have been NFC.
std::string map_case(std::string_view utf8, Direction dir) {
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (dir == Direction::upper)
    icu::CaseMap::utf8ToUpper(kLocale, 0, piece, sink, nullptr, status);
  else
    icu::CaseMap::utf8ToLower(kLocale, 0, piece, sink, nullptr, status);
  check_icu(status, "case mapping");
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  check_icu(status, "NFC instance");
  const bool normalized = nfc->isNormalizedUTF8(out, status);
  check_icu(status, "NFC check");
  return normalized ? out : to_nfc(out);
}

}  // namespace

std::string to_upper(std::string_view utf8) { return map_case(utf8, Direction::upper); }

std::string to_lower(std::string_view utf8) { return map_case(utf8, Direction::lower); }

std::string capitalize_first(std::string_view utf8) {
  // On NFC text a Vietnamese letter is one code point, so "first letter" is well defined.
  const std::string text = to_nfc(utf8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (!u_isalpha(c)) continue;
    // Marks that NFC left uncomposed belong to the letter and are mapped with it.
    int32_t end = i;
    while (end < length) {
      int32_t next = end;
      U8_NEXT(bytes, next, length, c);
      if (!(U_GET_GC_MASK(c) & U_GC_M_MASK)) break;
      end = next;
    }
    const auto s = static_cast<std::size_t>(start);
    const auto e = static_cast<std::size_t>(end);
    return text.substr(0, s) + to_upper(std::string_view(text).substr(s, e - s)) +
           text.substr(e);
  }
  return text;
}

}  // namespace vanban::text
