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

}  // namespace vanban::text
