#include "html/kept_spans.h"

#include <algorithm>

namespace vanban::html {
namespace {

bool crossing(const text::KeptSpan& a, const text::KeptSpan& b) {
  return (a.begin < b.begin && b.begin < a.end && a.end < b.end) ||
         (b.begin < a.begin && a.begin < b.end && b.end < a.end);
}

bool inside(const text::KeptSpan& inner, const text::KeptSpan& outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
}

// Joins every pair of `spans` that overlap (any overlap when `any`, else only crossing pairs)
// until none is left.
void join(std::vector<text::KeptSpan>& spans, bool any) {
  for (bool joined = true; joined;) {
    joined = false;
    for (std::size_t i = 0; i < spans.size() && !joined; ++i) {
      for (std::size_t j = i + 1; j < spans.size(); ++j) {
        const bool overlap = spans[i].begin < spans[j].end && spans[j].begin < spans[i].end;
        if (!(any ? overlap : crossing(spans[i], spans[j]))) continue;
        spans[i].begin = std::min(spans[i].begin, spans[j].begin);
        spans[i].end = std::max(spans[i].end, spans[j].end);
        spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(j));
        joined = true;
        break;
      }
    }
  }
}

}  // namespace

// Short-measure text holds a handful of spans, so pairwise joining is cheap and plain.
std::vector<text::KeptSpan> nested_kept_spans(std::vector<text::KeptSpan> spans) {
  std::vector<text::KeptSpan> hard, soft;
  for (const auto& s : spans) (s.bond == text::Bond::Hard ? hard : soft).push_back(s);
  join(hard, true);  // overlapping hard spans hold as one
  // A soft span that reaches into a hard one takes all of it; one inside a hard span says nothing.
  for (auto& s : soft) {
    for (const auto& h : hard) {
      if (crossing(s, h)) {
        s.begin = std::min(s.begin, h.begin);
        s.end = std::max(s.end, h.end);
      }
    }
  }
  soft.erase(std::remove_if(soft.begin(), soft.end(),
                            [&](const text::KeptSpan& s) {
                              return std::any_of(hard.begin(), hard.end(),
                                                 [&](const text::KeptSpan& h) { return inside(s, h); });
                            }),
             soft.end());
  join(soft, false);
  // A union of soft spans that each stay clear of the hard ones stays clear too: its ends are
  // theirs. So hard and soft spans now nest.
  std::vector<text::KeptSpan> all = hard;
  all.insert(all.end(), soft.begin(), soft.end());
  std::sort(all.begin(), all.end(), [](const text::KeptSpan& a, const text::KeptSpan& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end > b.end);
  });
  return all;
}

}  // namespace vanban::html
