#include "html/page_svg.h"

#include <cstdio>

#include "model/xml_escape.h"

namespace vanban {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string color(const Color& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(c.r * 255 + 0.5), static_cast<int>(c.g * 255 + 0.5),
                static_cast<int>(c.b * 255 + 0.5));
  return buf;
}

void append_path(std::string& out, const PathItem& p) {
  out += "<path d=\"";
  for (const PathOp& op : p.ops) {
    switch (op.kind) {
      case PathOp::Kind::MoveTo: out += "M" + num(op.x) + " " + num(op.y); break;
      case PathOp::Kind::LineTo: out += "L" + num(op.x) + " " + num(op.y); break;
      case PathOp::Kind::CurveTo:
        out += "C" + num(op.c1x) + " " + num(op.c1y) + " " + num(op.c2x) + " " + num(op.c2y) + " " + num(op.x) + " " +
               num(op.y);
        break;
      case PathOp::Kind::Close: out += "Z"; break;
    }
  }
  out += "\" fill=\"" + (p.fill ? color(p.fill_color) : std::string("none")) + "\"";
  if (p.stroke) out += " stroke=\"" + color(p.stroke_color) + "\" stroke-width=\"" + num(p.line_width) + "\"";
  out += "/>";
}

}  // namespace

std::string write_page_svgs(const Pages& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    const Page& page = pages.pages[i];
    out += "<svg class=\"page\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(page.width) + " " +
           num(page.height) + "\" role=\"img\" aria-label=\"Trang " + std::to_string(i + 1) + "\">";
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>";
    for (const PathItem& p : page.paths) append_path(out, p);
    for (const TextItem& t : page.texts) {
      // xml:space keeps a run's spaces as the PDF draws them.
      out += "<text xml:space=\"preserve\" class=\"f" + std::to_string(static_cast<int>(t.style)) + "\" x=\"" +
             num(t.x) + "\" y=\"" + num(t.baseline) + "\" font-size=\"" + num(t.size) + "\">";
      append_xml_escaped(out, t.text);
      out += "</text>";
    }
    out += "</svg>\n";
  }
  return out;
}

}  // namespace vanban
