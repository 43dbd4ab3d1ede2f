#include "model/page.h"

namespace vanban {

PathItem make_rule(double x1, double y1, double x2, double y2, double width) {
  PathItem p;
  p.line_width = width;
  p.ops.push_back({PathOp::Kind::MoveTo, x1, y1});
  p.ops.push_back({PathOp::Kind::LineTo, x2, y2});
  return p;
}

}  // namespace vanban
