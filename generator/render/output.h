// One file a render produces, DIR/NAME<suffix>. Every output has this shape, so the commands
// write, hash, record, sign and report them alike, and a new output is one writer and one row of
// the engine's table (render/engine.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vanban {

struct Output {
  std::string format;  // its --format name: "pdf", "html", "booklet", "svg" (vanban serve's preview)
  std::string suffix;  // after NAME: ".pdf", ".html", "-a5.pdf"
  std::string bytes;
  int pages = 0;       // as laid out (a booklet's: its sheet sides); 0 for HTML
};

struct RenderedDocument {
  std::vector<Output> outputs;  // in the table's order: pdf, html, booklet; only those asked for

  const Output* find(std::string_view format) const {
    for (const Output& o : outputs)
      if (o.format == format) return &o;
    return nullptr;
  }
  Output* find(std::string_view format) {
    return const_cast<Output*>(static_cast<const RenderedDocument*>(this)->find(format));
  }
};

}  // namespace vanban
