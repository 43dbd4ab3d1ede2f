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
      const double badness = ratio == kInfinity ? kInfinity : 100 * std::pow(std::abs(ratio), 3);
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
  return break_lines_greedy(items, first_width, width);
}

LineBreaks break_lines_greedy(const std::vector<LineItem>& items, double first_width, double width) {
  LineBreaks out;
  double used = 0;          // natural width of the current line up to the last box
  double pending_glue = 0;  // glue between that box and the next one
  std::size_t last_break = 0;  // legal break seen since the line began (0 = none yet)
  double width_at_last_break = 0;
  bool line_has_box = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const LineItem& it = items[i];
    const double line_width = out.ends.empty() ? first_width : width;
    if (it.kind == LineItem::Kind::Box) {
      if (line_has_box && used + pending_glue + it.width > line_width && last_break != 0) {
        out.ends.push_back(last_break);
        out.ratios.push_back(0);
        // Restart the line after the break, re-adding what followed it.
        used -= width_at_last_break;
        line_has_box = true;
        last_break = 0;
        // Leading glue after the break is dropped: `used` already excludes it.
      }
      used += pending_glue + it.width;
      pending_glue = 0;
      line_has_box = true;
    } else if (it.kind == LineItem::Kind::Glue) {
      if (line_has_box && is_legal_break(items, i)) {
        last_break = i;
        width_at_last_break = used + it.width;
      }
      pending_glue += it.width;
    } else if (is_forced(it)) {
      out.ends.push_back(i);
      out.ratios.push_back(0);
      used = pending_glue = 0;
      line_has_box = false;
      last_break = 0;
    } else if (it.penalty < kInfinitePenalty && line_has_box) {
      last_break = i;
      width_at_last_break = used + pending_glue;
    }
  }
  return out;
}

}  // namespace vanban
