#include "html/kept_html.h"

#include <vector>

#include "html/html_text.h"
#include "html/kept_spans.h"

namespace vanban {

void append_kept_html(std::string& out, std::string_view s, const text::KeepTogether& keep) {
  std::size_t at = 0;
  std::vector<std::size_t> open_ends;
  auto close_until = [&](std::size_t limit) {
    while (!open_ends.empty() && open_ends.back() <= limit) {
      html::append_escaped(out, s.substr(at, open_ends.back() - at));
      at = open_ends.back();
      out += "</span>";
      open_ends.pop_back();
    }
  };
  for (const text::KeptSpan& span : html::nested_kept_spans(keep.spans(s))) {
    close_until(span.begin);
    html::append_escaped(out, s.substr(at, span.begin - at));
    at = span.begin;
    out += span.bond == text::Bond::Hard ? "<span class=\"nb\">" : "<span class=\"nb soft\">";
    open_ends.push_back(span.end);
  }
  close_until(s.size());
  html::append_escaped(out, s.substr(at));
}

}  // namespace vanban
