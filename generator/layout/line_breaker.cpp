#include "layout/line_breaker.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace vanban {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Totals {
  double width = 0, stretch = 0, shrink = 0;
};

struct Breakpoint {
  std::size_t position;  // item index of the break (0 = paragraph start)
  int line;              // number of lines ended at this break
  int fitness;           // 0 tight, 1 decent, 2 loose, 3 very loose
  Totals totals;         // sums up to the start of the next line
  double demerits;
  double ratio;          // of the line ending here
  const Breakpoint* previous;
};

bool is_legal_break(const std::vector<LineItem>& items, std::size_t i) {
  const LineItem& it = items[i];
  if (it.kind == LineItem::Kind::Penalty) return it.penalty < kInfinitePenalty;
  if (it.kind == LineItem::Kind::Glue) return i > 0 && items[i - 1].kind == LineItem::Kind::Box;
  return false;
}

bool is_forced(const LineItem& it) {
  return it.kind == LineItem::Kind::Penalty && it.penalty <= -kInfinitePenalty;
}

int fitness_class(double r) {
  if (r < -0.5) return 0;
  if (r <= 0.5) return 1;
  if (r <= 1) return 2;
  return 3;
}

class TotalFit {
 public:
  TotalFit(const std::vector<LineItem>& items, double first_width, double width,
           const LineBreakParams& params, double tolerance)
      : items_(items), first_width_(first_width), width_(width), params_(params), tolerance_(tolerance) {
    prefix_.resize(items.size() + 1);
    for (std::size_t i = 0; i < items.size(); ++i) {
      Totals t = prefix_[i];
      if (items[i].kind != LineItem::Kind::Penalty) {
        t.width += items[i].width;
        t.stretch += items[i].stretch;
        t.shrink += items[i].shrink;
      }
      prefix_[i + 1] = t;
    }
  }

  bool run(LineBreaks& out) {
    active_.push_back(make({0, 0, 1, {}, 0, 0, nullptr}));
    for (std::size_t i = 0; i < items_.size() && !active_.empty(); ++i)
      if (is_legal_break(items_, i)) try_break(i);
    const Breakpoint* best = nullptr;
    for (const Breakpoint* a : active_)
      if (a->position == items_.size() - 1 && (!best || a->demerits < best->demerits)) best = a;
    if (!best) return false;
    for (const Breakpoint* b = best; b->previous; b = b->previous) {
      out.ends.push_back(b->position);
      out.ratios.push_back(b->ratio);
    }
    std::reverse(out.ends.begin(), out.ends.end());
    std::reverse(out.ratios.begin(), out.ratios.end());
    return true;
  }

 private:
  const Breakpoint* make(Breakpoint b) {
    pool_.push_back(std::make_unique<Breakpoint>(b));
    return pool_.back().get();
  }

  // Sums from the start of the line that follows a break at `i`: the glue and penalties right
  // after a break vanish (TeX §837).
  Totals totals_after(std::size_t i) const {
    Totals t = prefix_[i + 1];
    if (i == 0 && items_[0].kind == LineItem::Kind::Box) return prefix_[0];
    for (std::size_t j = i + 1; j < items_.size(); ++j) {
      if (items_[j].kind == LineItem::Kind::Box || (j > i + 1 && is_forced(items_[j]))) break;
      t = prefix_[j + 1];
    }
    return t;
  }

  void try_break(std::size_t b) {
    const LineItem& item = items_[b];
    const double penalty_width = item.kind == LineItem::Kind::Penalty ? item.width : 0;
    // Measure the line up to b: glue at b is not part of the line.
    const Totals& end = prefix_[b];
    struct Candidate {
      double demerits = kInfinity;
      const Breakpoint* from = nullptr;
      double ratio = 0;
    } best[4];

    for (auto it = active_.begin(); it != active_.end();) {
      const Breakpoint* a = *it;
      const double line_width = a->line == 0 ? first_width_ : width_;
      const double natural = end.width - a->totals.width + penalty_width;
      double ratio;
      if (natural < line_width) {
        const double stretch = end.stretch - a->totals.stretch;
        ratio = stretch > 0 ? (line_width - natural) / stretch : kInfinity;
      } else if (natural > line_width) {
        const double shrink = end.shrink - a->totals.shrink;
        ratio = shrink > 0 ? (line_width - natural) / shrink : -kInfinity;
      } else {
        ratio = 0;
      }
      if (ratio < -1 || is_forced(item)) {
        it = active_.erase(it);
      } else {
        ++it;
      }
      if (ratio < -1) continue;
      // |r|^3 by multiplying: std::pow was 2% of a one-page document's instructions.
      const double r = std::abs(ratio);
      const double badness = ratio == kInfinity ? kInfinity : 100 * (r * r * r);
      if (badness > tolerance_) continue;
      double d = params_.line_penalty + std::min(badness, 1e6);
      d *= d;
      if (item.kind == LineItem::Kind::Penalty) {
        if (item.penalty >= 0) d += item.penalty * item.penalty;
        else if (!is_forced(item)) d -= item.penalty * item.penalty;
        if (item.flagged && items_[a->position].flagged) d += params_.flagged_demerits;
      }
      const int fit = fitness_class(ratio);
      if (a->previous && std::abs(fit - a->fitness) > 1) d += params_.fitness_demerits;
      d += a->demerits;
      if (d < best[fit].demerits) best[fit] = {d, a, std::isinf(ratio) ? 0 : ratio};
    }
    const Totals after = totals_after(b);
    for (int fit = 0; fit < 4; ++fit) {
      if (!best[fit].from) continue;
      active_.push_back(make({b, best[fit].from->line + 1, fit, after, best[fit].demerits,
                              best[fit].ratio, best[fit].from}));
    }
  }

  const std::vector<LineItem>& items_;
  double first_width_, width_;
  const LineBreakParams& params_;
  double tolerance_;
  std::vector<Totals> prefix_;
  std::vector<const Breakpoint*> active_;
  std::vector<std::unique_ptr<Breakpoint>> pool_;
};

}  // namespace

LineBreaks break_lines(const std::vector<LineItem>& items, double first_width, double width,
                       const LineBreakParams& params) {
  LineBreaks out;
  if (items.empty()) return out;
  if (TotalFit(items, first_width, width, params, params.tolerance).run(out)) return out;
  out = {};
  if (TotalFit(items, first_width, width, params, kInfinity).run(out)) return out;
  // Only an unbreakable box wider than the line can get here.
  return break_ragged_lines(items, first_width, width);
}

LineBreaks break_ragged_lines(const std::vector<LineItem>& items, double first_width, double width,
                              RaggedLines lines) {
  LineBreaks out;
  if (items.empty()) return out;
  std::vector<double> prefix(items.size() + 1, 0);  // natural width of items [0, i)
  for (std::size_t i = 0; i < items.size(); ++i)
    prefix[i + 1] = prefix[i] + (items[i].kind == LineItem::Kind::Penalty ? 0 : items[i].width);
  std::vector<std::size_t> ends;  // where a line may end
  for (std::size_t i = 0; i < items.size(); ++i)
    if (is_legal_break(items, i)) ends.push_back(i);

  // Lexicographic: least overflow, then fewest lines, then least cost. Node 0 is the start,
  // node k the break at ends[k - 1]; sums are additive, so the best path to each node suffices.
  struct Node {
    bool reached = false;
    double overflow = 0, cost = 0;
    int lines = 0;
    std::size_t previous = 0;
  };
  auto better = [](const Node& a, const Node& b) {
    constexpr double kEpsilon = 1e-6;
    if (!b.reached) return true;
    if (std::abs(a.overflow - b.overflow) > kEpsilon) return a.overflow < b.overflow;
    if (a.lines != b.lines) return a.lines < b.lines;
    return a.cost < b.cost - kEpsilon;
  };
  std::vector<Node> best(ends.size() + 1);
  best[0].reached = true;
  for (std::size_t a = 0; a < ends.size(); ++a) {
    if (!best[a].reached) continue;
    std::size_t start = a == 0 ? 0 : ends[a - 1] + 1;
    while (start < items.size() && items[start].kind != LineItem::Kind::Box && !is_forced(items[start])) ++start;
    const double measure = a == 0 ? first_width : width;
    for (std::size_t b = a + 1; b <= ends.size(); ++b) {
      const std::size_t end = ends[b - 1];
      if (end < start) continue;
      std::size_t last = end;
      while (last > start && items[last - 1].kind == LineItem::Kind::Glue) --last;
      const LineItem& at = items[end];
      const bool penalty = at.kind == LineItem::Kind::Penalty;
      const double natural = prefix[last] - prefix[start] + (penalty ? at.width : 0);
      // A line as wide as its measure fits, whatever the rounding of the two sums says.
      const double over = natural - measure > 1e-6 ? natural - measure : 0;
      // A line that overflows though it could break earlier is never best: breaking there
      // overflows less.
      if (over > 0 && b > a + 1) break;
      const bool counted = !(lines == RaggedLines::Filled && b == ends.size());
      const double slack = measure > 0 && counted ? std::max(0.0, measure - natural) / measure : 0;
      Node n{true, best[a].overflow + over, best[a].cost + 100 * slack * slack, best[a].lines + 1, a};
      if (penalty && at.penalty > 0) n.cost += at.penalty;
      if (better(n, best[b])) best[b] = n;
      if (over > 0 || is_forced(at)) break;
    }
  }
  const Node& final = best.back();
  out.overflow = final.overflow;
  for (std::size_t k = ends.size(); k > 0; k = best[k].previous) {
    out.ends.push_back(ends[k - 1]);
    out.ratios.push_back(0);
  }
  std::reverse(out.ends.begin(), out.ends.end());
  return out;
}

}  // namespace vanban
