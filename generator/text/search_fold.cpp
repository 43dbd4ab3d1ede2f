#include "text/search_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "text/icu_status.h"

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

}  // namespace

std::string fold_for_search(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      nfd().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
                      status);
  check_icu(status, "NFD normalisation");
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = fold_code_point(decomposed.char32At(i));
    if (c != 0) folded.append(c);
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::vector<std::string> search_terms(std::string_view utf8) {
  const std::string folded = fold_for_search(utf8);
  std::vector<std::string> terms;
  std::string term;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(folded);
  for (int32_t i = 0; i <= u.length(); i = i < u.length() ? u.moveIndex32(i, 1) : i + 1) {
    const UChar32 c = i < u.length() ? u.char32At(i) : U' ';
    if (u_isalnum(c)) {
      icu::UnicodeString one(c);
      one.toUTF8String(term);
    } else if (!term.empty()) {
      terms.push_back(std::move(term));
      term.clear();
    }
  }
  return terms;
}

}  // namespace vanban::text
