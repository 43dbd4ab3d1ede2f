// A laid-out piece of a page (a line, a table row, the header, the signature block): text and
// paths positioned relative to the fragment's top-left corner, and its height. The paginator
// stacks fragments and translates them onto pages.
#pragma once

#include <optional>
#include <vector>

#include "model/page.h"

namespace vanban {

struct Fragment {
  double height = 0;
  std::vector<TextItem> texts;
  std::vector<PathItem> paths;
  std::optional<Rect> signature_box{};  // the signing space, if this fragment holds it

  // Adds `other` with its top-left corner at (dx, dy) of this fragment; height is not changed.
  void place(const Fragment& other, double dx, double dy);
  // Stacks `other` under the current height plus `gap` at horizontal offset dx, and grows.
  void append_below(const Fragment& other, double dx = 0, double gap = 0);
};

// Moves a fragment's content onto a page at (dx, dy).
void place_on_page(Page& page, const Fragment& f, double dx, double dy);

}  // namespace vanban
