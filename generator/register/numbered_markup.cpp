#include "register/numbered_markup.h"

#include <algorithm>
#include <vector>

#include "register/register_entry.h"

namespace vanban {

namespace {

// Past the end of `close` searched from `from`, or the end of the text.
std::size_t past(std::string_view s, std::size_t from, std::string_view close) {
  const std::size_t at = s.find(close, from);
  return at == std::string_view::npos ? s.size() : at + close.size();
}

std::string_view tag_name(std::string_view s, std::size_t from) {
  std::size_t end = from;
  while (end < s.size() && s[end] != '>' && s[end] != '/' && s[end] != ' ' && s[end] != '\t' && s[end] != '\n' &&
         s[end] != '\r')
    ++end;
  return s.substr(from, end - from);
}

// Past the '>' of the tag opened at `from`; '>' inside a quoted attribute value does not count.
std::size_t tag_end(std::string_view s, std::size_t from) {
  char quote = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (quote) {
      if (s[i] == quote) quote = 0;
    } else if (s[i] == '"' || s[i] == '\'') {
      quote = s[i];
    } else if (s[i] == '>') {
      return i + 1;
    }
  }
  return s.size();
}

}  // namespace

std::optional<MarkupSlots> find_markup_slots(std::string_view s) {
  MarkupSlots slots;
  int depth = 0;  // elements open; children of <document> start at depth 1
  std::size_t child_begin = 0;
  for (std::size_t i = s.find('<'); i < s.size(); i = s.find('<', i)) {
    if (s.substr(i, 4) == "<!--") {
      i = past(s, i + 4, "-->");
    } else if (s.substr(i, 9) == "<![CDATA[") {
      i = past(s, i + 9, "]]>");
    } else if (s.substr(i, 2) == "<?") {
      i = past(s, i + 2, "?>");
    } else if (s.substr(i, 2) == "<!") {
      i = tag_end(s, i);
    } else if (s.substr(i, 2) == "</") {
      const std::string_view name = tag_name(s, i + 2);
      const std::size_t end = tag_end(s, i);
      if (--depth == 1) {
        if (name == "number") slots.number_begin = child_begin, slots.number_end = end;
        if (name == "date") slots.date_begin = child_begin, slots.date_end = end;
        if (name == "issuer") slots.issuer_end = end;
      }
      i = end;
    } else {
      const std::size_t end = tag_end(s, i);
      if (depth == 1) child_begin = i;
      if (depth == 1 && (tag_name(s, i + 1) == "unnumbered" || tag_name(s, i + 1) == "external-signing"))
        slots.outside_series = i;
      if (s[end - 2] != '/') ++depth;  // an empty element (<x/>) opens nothing
      i = end;
    }
  }
  if (slots.issuer_end == MarkupSlots::npos || slots.date_begin == MarkupSlots::npos) return std::nullopt;
  return slots;
}

std::string markup_without_slots(std::string_view s, const MarkupSlots& slots) {
  std::vector<std::pair<std::size_t, std::size_t>> cuts;
  for (auto [begin, end] : {std::pair{slots.number_begin, slots.number_end}, std::pair{slots.date_begin, slots.date_end}}) {
    if (begin == MarkupSlots::npos) continue;
    while (begin > 0 && (s[begin - 1] == ' ' || s[begin - 1] == '\t' || s[begin - 1] == '\n' || s[begin - 1] == '\r'))
      --begin;
    cuts.emplace_back(begin, end);
  }
  std::sort(cuts.begin(), cuts.end());
  std::string out;
  std::size_t at = 0;
  for (const auto& [begin, end] : cuts) {
    out.append(s.substr(at, begin - at));
    at = end;
  }
  out.append(s.substr(at));
  return out;
}

std::string markup_with_number(std::string_view s, const MarkupSlots& slots, int number, const CivilDate& date) {
  const std::string number_element = "<number>" + std::to_string(number) + "</number>";
  std::string out(s);
  // From the back, so that earlier offsets stay valid: the schema puts <date> after <number>.
  out.replace(slots.date_begin, slots.date_end - slots.date_begin, "<date>" + iso_date(date) + "</date>");
  if (slots.number_begin != MarkupSlots::npos)
    out.replace(slots.number_begin, slots.number_end - slots.number_begin, number_element);
  else
    out.insert(slots.issuer_end, "\n  " + number_element);
  return out;
}

}  // namespace vanban
