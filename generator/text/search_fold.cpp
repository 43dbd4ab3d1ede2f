#include "text/search_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>

#include "text/icu_status.h"
#include "text/unicode.h"

namespace vanban::text {

namespace {

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    check_icu(status, "NFD normaliser");
    return n;
  }();
  return *instance;
}

// Folds one code point of an NFD string; 0: drop it.
UChar32 fold_code_point(UChar32 c) {
  // Every mark (\p{M} in search.js): non-spacing, spacing and enclosing.
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK) return 0;
  if (c == 0x0110 || c == 0x0111) return U'd';  // Đ đ: a letter of its own, not d with a mark
  return u_tolower(c);
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// What one code point folds to: its NFD, each code point of it folded, and whether each is a
// letter or digit (a term character). Folding a string code point by code point gives what
// folding it whole does: NFD decomposes each code point on its own and only reorders marks,
// which are dropped.
struct Folded {
  std::string utf8;
  std::u32string code_points;
  std::vector<bool> alnum;
};

Folded fold_one(char32_t c) {
  Folded f;
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed = nfd().normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  check_icu(status, "NFD normalisation");
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 folded = fold_code_point(decomposed.char32At(i));
    if (folded == 0) continue;
    append_utf8(f.utf8, static_cast<char32_t>(folded));
    f.code_points += static_cast<char32_t>(folded);
    // [\p{L}\p{N}] as search.js has it (u_isalnum leaves out Nl and No: "Ⅻ", "½").
    f.alnum.push_back((U_GET_GC_MASK(folded) & (U_GC_L_MASK | U_GC_N_MASK)) != 0);
  }
  return f;
}

// Latin (Vietnamese: U+1E00-U+1EFF), Greek, Cyrillic and punctuation from a table made once; the
// rest of Unicode through ICU each time.
constexpr char32_t kTabled = 0x2500;

const Folded& folded(char32_t c, Folded& scratch) {
  static const std::array<Folded, kTabled>* table = [] {
    auto* t = new std::array<Folded, kTabled>;
    for (char32_t k = 0; k < kTabled; ++k) (*t)[k] = fold_one(k);
    return t;
  }();
  if (c < kTabled) return (*table)[c];
  scratch = fold_one(c);
  return scratch;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  Folded scratch;
  for (const char32_t c : to_u32(utf8)) out += folded(c, scratch).utf8;
  return out;
}

std::vector<std::string> search_terms(std::string_view utf8) {
  std::vector<std::string> terms;
  std::string term;
  Folded scratch;
  const auto end_term = [&] {
    if (!term.empty()) terms.push_back(std::move(term));
    term.clear();
  };
  for (const char32_t c : to_u32(utf8)) {
    const Folded& f = folded(c, scratch);
    for (std::size_t i = 0; i < f.code_points.size(); ++i) {
      if (f.alnum[i]) append_utf8(term, f.code_points[i]);
      else end_term();
    }
  }
  end_term();
  return terms;
}

}  // namespace vanban::text
