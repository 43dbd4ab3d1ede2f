#include "layout/fragment.h"

namespace vanban {

namespace {
template <class Sink>
void copy_translated(const Fragment& f, double dx, double dy, Sink& texts, std::vector<PathItem>& paths,
                     std::optional<Rect>& signature_box) {
  if (f.signature_box) {
    signature_box = *f.signature_box;
    signature_box->x += dx;
    signature_box->y += dy;
  }
  for (TextItem t : f.texts) {
    t.x += dx;
    t.baseline += dy;
    texts.push_back(std::move(t));
  }
  for (PathItem p : f.paths) {
    for (PathOp& op : p.ops) {
      op.x += dx, op.y += dy;
      op.c1x += dx, op.c1y += dy, op.c2x += dx, op.c2y += dy;
    }
    paths.push_back(std::move(p));
  }
}
}  // namespace

void Fragment::place(const Fragment& other, double dx, double dy) {
  copy_translated(other, dx, dy, texts, paths, signature_box);
}

void Fragment::append_below(const Fragment& other, double dx, double gap) {
  place(other, dx, height + gap);
  height += gap + other.height;
}

void place_on_page(Page& page, const Fragment& f, double dx, double dy) {
  copy_translated(f, dx, dy, page.texts, page.paths, page.signature_box);
}

}  // namespace vanban
