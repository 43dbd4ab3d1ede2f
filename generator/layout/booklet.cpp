#include "layout/booklet.h"

namespace vanban {

std::vector<int> booklet_order(int page_count) {
  // At least one blank at the end: the outside back cover is never a page of the document (a
  // notes page there would be the first thing to wear, and outside the staples' protection).
  const int padded = (page_count + 4) / 4 * 4;
  auto page = [&](int i) { return i < page_count ? i : -1; };
  std::vector<int> order;
  order.reserve(padded);
  for (int sheet = 0; sheet < padded / 4; ++sheet) {
    // The outermost sheet holds the last and first pages; each one inside holds the next pair.
    order.push_back(page(padded - 1 - 2 * sheet));
    order.push_back(page(2 * sheet));
    order.push_back(page(2 * sheet + 1));
    order.push_back(page(padded - 2 - 2 * sheet));
  }
  return order;
}

Pages impose_booklet(const Pages& pages, double sheet_width, double sheet_height) {
  Pages out;
  out.info = pages.info;
  out.problems = pages.problems;
  if (pages.pages.empty()) return out;
  const double width = pages.pages.front().width, height = pages.pages.front().height;
  const std::vector<int> order = booklet_order(static_cast<int>(pages.pages.size()));
  for (std::size_t i = 0; i < order.size(); i += 2) {
    Page sheet_side;
    sheet_side.width = sheet_width;
    sheet_side.height = sheet_height;
    const double left = (sheet_width - 2 * width) / 2, top = (sheet_height - height) / 2;
    for (int half = 0; half < 2; ++half) {
      const int index = order[i + half];
      if (index < 0) continue;
      const Page& source = pages.pages[index];
      const double dx = left + half * width;
      for (TextItem t : source.texts) {
        t.x += dx;
        t.baseline += top;
        sheet_side.texts.push_back(std::move(t));
      }
      for (PathItem p : source.paths) {
        for (PathOp& op : p.ops) {
          op.x += dx, op.c1x += dx, op.c2x += dx;
          op.y += top, op.c1y += top, op.c2y += top;
        }
        sheet_side.paths.push_back(std::move(p));
      }
    }
    out.pages.push_back(std::move(sheet_side));
  }
  return out;
}

}  // namespace vanban
