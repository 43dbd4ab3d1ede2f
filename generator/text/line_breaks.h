// Line-break opportunities from ICU's BreakIterator (UAX #14), for the line breaker.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace vanban::text {

struct BreakOpportunity {
  std::size_t offset = 0;  // byte offset in the UTF-8 text where a new line may start
  bool mandatory = false;  // hard break (LF etc.)
};

// Break opportunities of `utf8`, in increasing order, excluding offset 0 and including the end
// of the text. The segment [previous, offset) ends with the white space that a break removes.
// Tailored for Vietnamese: no break between a space and a free-standing dash ("trị - xã").
std::vector<BreakOpportunity> line_break_opportunities(std::string_view utf8);

// The opportunities of line_break_opportunities where a line of an official document may
// start: after a run of spaces, after a hard break, and the end of the text. The others, after
// "-" or "/" inside "431-CV/TU" or "03-6-2013", are left out: such a word is cut only when it
// alone is wider than the line (word_cuts). Text of letters, digits, spaces and the common
// punctuation is read by the few rules of UAX #14 that apply after spaces, without ICU's
// iterator; any other character sends the text to ICU.
std::vector<BreakOpportunity> breaks_between_words(std::string_view utf8);

// Where a word too long for any line may be cut, as byte offsets inside `word` (never 0 or its
// end), each with whether it is a code's own joint: after "/", "-", ".", "_", ":", "?", "&" or
// "=" followed by a letter or digit ("784-QĐ/TU", "https://example.vn/van-ban"), else a boundary
// between two grapheme clusters (a letter with its marks is never cut).
struct WordCut {
  std::size_t offset = 0;
  bool at_joint = false;
};
std::vector<WordCut> word_cuts(std::string_view word);

}  // namespace vanban::text
