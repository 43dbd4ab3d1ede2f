#include "text/line_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

#include "text/icu_status.h"
#include "text/text_memo.h"

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

constexpr std::size_t kMemoBudget = std::size_t{2} << 20;  // bytes per thread

}  // namespace

std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8) {
  if (utf8.empty()) return {};
  thread_local TextMemo<std::vector<BreakOpportunity>> memo(
      kMemoBudget, [](const std::vector<BreakOpportunity>& v) { return v.size() * sizeof(BreakOpportunity); });
  return memo.get(utf8, [utf8] { return find_line_breaks(utf8); });
}

}  // namespace vanban::text
