#include "text/line_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include "text/icu_status.h"
#include "text/text_memo.h"
#include "text/utf8_decode.h"

namespace vanban::text {

namespace {

// Loading the rules is the expensive part: do it once, then give each thread its own clone
// (a BreakIterator holds iteration state and cannot be shared).
icu::BreakIterator& thread_line_iterator() {
  static const std::unique_ptr<const icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale("vi"), status));
    check_icu(status, "line BreakIterator");
    return std::unique_ptr<const icu::BreakIterator>(std::move(it));
  }();
  thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

// UAX #14 allows a break between the space and the dash of "chính trị - xã hội" (SP ÷ HY/BA),
// which would start a line with "- xã hội" and read as a new list item. Vietnamese text sets
// the free-standing dash as a joiner, so the break before it is dropped; the one after stays.
bool before_free_standing_dash(std::string_view utf8, std::size_t offset) {
  if (offset == 0 || (utf8[offset - 1] != ' ' && utf8[offset - 1] != '\t')) return false;
  const std::string_view rest = utf8.substr(offset);
  for (std::string_view dash : {"-", "\u2010", "\u2013", "\u2014"}) {
    if (rest.starts_with(dash)) {
      const std::string_view after = rest.substr(dash.size());
      return after.empty() || after.front() == ' ' || after.front() == '\t';
    }
  }
  return false;
}

icu::BreakIterator& thread_character_iterator() {
  static const std::unique_ptr<const icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale("vi"), status));
    check_icu(status, "character BreakIterator");
    return std::unique_ptr<const icu::BreakIterator>(std::move(it));
  }();
  thread_local const std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

bool is_joint(char c) {
  return c == '/' || c == '-' || c == '.' || c == '_' || c == ':' || c == '?' || c == '&' || c == '=';
}

}  // namespace

std::vector<WordCut> word_cuts(std::string_view word) {
  std::vector<WordCut> out;
  if (word.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, word.data(), static_cast<int64_t>(word.size()), &status);
  check_icu(status, "UText");
  icu::BreakIterator& it = thread_character_iterator();
  it.setText(&text, status);
  check_icu(status, "BreakIterator text");
  for (int32_t pos = it.next(); pos != icu::BreakIterator::DONE; pos = it.next()) {
    const auto offset = static_cast<std::size_t>(pos);
    if (offset >= word.size()) break;
    // A joint: the character before is one of the code's separators, the one after is not.
    const bool joint = is_joint(word[offset - 1]) && !is_joint(word[offset]);
    out.push_back({offset, joint});
  }
  utext_close(&text);
  return out;
}

namespace {

std::vector<BreakOpportunity> find_line_breaks(std::string_view utf8) {
  std::vector<BreakOpportunity> out;

  // A UTF-8 UText makes ICU report native indices, i.e. UTF-8 byte offsets, with no UTF-16
  // copy and no index conversion.
  UErrorCode status = U_ZERO_ERROR;
  UText text = UTEXT_INITIALIZER;
  utext_openUTF8(&text, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  check_icu(status, "UText");
  icu::BreakIterator& it = thread_line_iterator();
  it.setText(&text, status);
  check_icu(status, "BreakIterator text");

  for (int32_t pos = it.next(); pos != icu::BreakIterator::DONE; pos = it.next()) {
    const int32_t rule = it.getRuleStatus();
    const bool mandatory = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
    const auto offset = static_cast<std::size_t>(pos);
    if (!mandatory && before_free_standing_dash(utf8, offset)) continue;
    out.push_back({offset, mandatory});
  }
  utext_close(&text);
  return out;
}

// The UAX #14 class of each code point below kClassTableEnd (ASCII and the Latin blocks of
// Vietnamese letters), from ICU once, so that reading a text asks ICU nothing.
constexpr char32_t kClassTableEnd = 0x2000;

ULineBreak line_break_class(char32_t c) {
  static const auto table = [] {
    std::array<std::uint8_t, kClassTableEnd> classes{};
    for (char32_t k = 0; k < kClassTableEnd; ++k)
      classes[k] = static_cast<std::uint8_t>(u_getIntPropertyValue(static_cast<UChar32>(k), UCHAR_LINE_BREAK));
    return classes;
  }();
  return c < kClassTableEnd ? static_cast<ULineBreak>(table[c])
                            : static_cast<ULineBreak>(u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK));
}

// The classes whose part in breaks after spaces the rules below cover. Every other class (hard
// breaks, tabs, no-break spaces, combining marks, dashes of class BA or B2, CJK, ...) has rules
// of its own across spaces or around itself; text with any of them goes to ICU.
bool read_without_icu(ULineBreak c) {
  switch (c) {
    case U_LB_ALPHABETIC: case U_LB_NUMERIC: case U_LB_SPACE: case U_LB_INFIX_NUMERIC:
    case U_LB_EXCLAMATION: case U_LB_CLOSE_PUNCTUATION: case U_LB_CLOSE_PARENTHESIS:
    case U_LB_OPEN_PUNCTUATION: case U_LB_HYPHEN: case U_LB_BREAK_SYMBOLS:
    case U_LB_PREFIX_NUMERIC: case U_LB_POSTFIX_NUMERIC: case U_LB_QUOTATION:
      return true;
    default:
      return false;
  }
}

// Breaks between words of a text whose classes are all read_without_icu, or nothing when one is
// not. Within those classes UAX #14 allows a break after a run of spaces (LB18) except before
// ")", "]", "!", "/" and their kind, and "," "." ":" ";" unless a digit follows (".5", as ICU
// reads LB13), after "(" and its kind (LB14), and between a quotation mark and "(" (LB15); the
// end of the text is one (LB3). tests/text compares this with ICU's iterator on random text.
std::optional<std::vector<BreakOpportunity>> breaks_between_words_by_rule(std::string_view utf8) {
  std::vector<BreakOpportunity> out;
  const auto* const begin = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = begin + utf8.size();
  bool after_space = false;
  ULineBreak before_spaces = U_LB_SPACE;  // the class before the run of spaces; none at the start
  for (const unsigned char* p = begin; p < end;) {
    const unsigned char* const at = p;
    const char32_t cp = next_code_point(p, end);
    const ULineBreak c = line_break_class(cp);
    if (!read_without_icu(c)) return std::nullopt;  // U+0020 is the only character of class SP
    if (c == U_LB_SPACE) {
      after_space = true;
      continue;
    }
    if (after_space) {
      const unsigned char* q = p;
      const bool number_follows = q < end && line_break_class(next_code_point(q, end)) == U_LB_NUMERIC;
      const bool kept_with_next = c == U_LB_CLOSE_PUNCTUATION || c == U_LB_CLOSE_PARENTHESIS ||
                                  c == U_LB_EXCLAMATION || c == U_LB_BREAK_SYMBOLS ||
                                  (c == U_LB_INFIX_NUMERIC && !number_follows);
      const bool kept_with_previous = before_spaces == U_LB_OPEN_PUNCTUATION ||
                                      (before_spaces == U_LB_QUOTATION && c == U_LB_OPEN_PUNCTUATION);
      const auto offset = static_cast<std::size_t>(at - begin);
      // The tailoring of before_free_standing_dash, whose other dashes are left to ICU here.
      const bool free_standing_dash = cp == U'-' && (p == end || *p == ' ');
      if (!kept_with_next && !kept_with_previous && !free_standing_dash)
        out.push_back({offset, false});
    }
    after_space = false;
    before_spaces = c;
  }
  out.push_back({utf8.size(), false});
  return out;
}

constexpr std::size_t kMemoBudget = std::size_t{2} << 20;  // bytes per thread

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8) {
  if (utf8.empty()) return {};
  return find_line_breaks(utf8);
}

std::vector<BreakOpportunity> breaks_between_words(std::string_view utf8) {
  if (utf8.empty()) return {};
  thread_local TextMemo<std::vector<BreakOpportunity>> memo(
      kMemoBudget, [](const std::vector<BreakOpportunity>& v) { return v.size() * sizeof(BreakOpportunity); });
  return memo.get(utf8, [utf8] {
    if (auto by_rule = breaks_between_words_by_rule(utf8)) return std::move(*by_rule);
    std::vector<BreakOpportunity> out;
    for (const BreakOpportunity& b : find_line_breaks(utf8))
      if (b.mandatory || b.offset == utf8.size() || utf8[b.offset - 1] == ' ') out.push_back(b);
    return out;
  });
}

}  // namespace vanban::text
