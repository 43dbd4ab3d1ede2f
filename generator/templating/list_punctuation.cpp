#include "templating/list_punctuation.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

namespace vanban {

namespace {

bool starts_with_at(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.compare(at, prefix.size(), prefix) == 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A list's start tag: "<ol>", "<ul>" or with attributes ("<ol start=...>").
bool list_start(std::string_view s, std::size_t at) {
  if (!starts_with_at(s, at, "<ol") && !starts_with_at(s, at, "<ul")) return false;
  return at + 3 < s.size() && (s[at + 3] == '>' || is_space(s[at + 3]));
}

// Whether `text` (the item's text up to its end) ends with a character reference such as
// "&amp;": its ";" is not punctuation.
bool ends_with_entity(std::string_view text) {
  const std::size_t amp = text.rfind('&');
  if (amp == std::string_view::npos || text.size() - amp > 10) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(amp) + 1, text.end() - 1,
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '#'; });
}

struct Edit {
  std::size_t from, to;  // the bytes replaced by `mark`: the item's own end punctuation
  char mark;
};

// How the item whose last paragraph closes at `close` ("</p>") comes to end with `mark`.
std::optional<Edit> end_item(std::string_view s, std::size_t close, char mark) {
  std::size_t end = close;
  while (end > 0 && is_space(s[end - 1])) --end;
  const std::string_view text = s.substr(0, end);
  if (text.ends_with(";") && ends_with_entity(text)) return Edit{end, end, mark};
  if (text.ends_with("?") || text.ends_with("!") || text.ends_with("…")) return std::nullopt;
  std::size_t from = end;
  while (from > 0 && (s[from - 1] == '.' || s[from - 1] == ';' || s[from - 1] == ',' ||
                      s[from - 1] == ':'))
    --from;
  return Edit{from, end, mark};
}

}  // namespace

std::string punctuate_list_items(std::string_view markup) {
  std::vector<std::vector<std::size_t>> open;  // per open list: where its items' "</p>" are
  std::vector<Edit> edits;
  for (std::size_t i = markup.find('<'); i != std::string_view::npos; i = markup.find('<', i + 1)) {
    if (list_start(markup, i)) {
      open.emplace_back();
    } else if (starts_with_at(markup, i, "</li>") && !open.empty()) {
      std::size_t before = i;
      while (before > 0 && is_space(markup[before - 1])) --before;
      if (before >= 4 && markup.substr(before - 4, 4) == "</p>") open.back().push_back(before - 4);
    } else if ((starts_with_at(markup, i, "</ol>") || starts_with_at(markup, i, "</ul>")) &&
               !open.empty()) {
      const std::vector<std::size_t>& items = open.back();
      for (std::size_t k = 0; k < items.size(); ++k)
        if (auto e = end_item(markup, items[k], k + 1 == items.size() ? '.' : ';')) edits.push_back(*e);
      open.pop_back();
    }
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.from < b.from; });
  std::string out;
  out.reserve(markup.size() + edits.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    out.append(markup.substr(at, e.from - at));
    out += e.mark;
    at = e.to;
  }
  out.append(markup.substr(at));
  return out;
}

}  // namespace vanban
