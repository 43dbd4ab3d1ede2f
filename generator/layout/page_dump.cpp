#include "layout/page_dump.h"

#include <cstdio>

namespace vanban {

namespace {

const char* style_name(FontStyle s) {
  static constexpr const char* kNames[] = {"R", "B", "I", "BI"};
  return kNames[static_cast<int>(s)];
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::string dump_pages(const Pages& pages) {
  std::string out;
  for (std::size_t n = 0; n < pages.pages.size(); ++n) {
    const Page& page = pages.pages[n];
    out += "page " + std::to_string(n + 1) + " " + fixed(page.width) + "x" + fixed(page.height) + "\n";
    for (const TextItem& t : page.texts)
      out += "  text " + fixed(t.x) + " " + fixed(t.baseline) + " " + style_name(t.style) + " " +
             fixed(t.size) + " |" + t.text + "|\n";
    for (const PathItem& p : page.paths) {
      out += "  path";
      for (const PathOp& op : p.ops) out += " " + fixed(op.x) + "," + fixed(op.y);
      out += "\n";
    }
  }
  return out;
}

}  // namespace vanban
