#include "profile/chart_labels.h"

#include <algorithm>
#include <cmath>

#include "text/vietnamese_format.h"

namespace vanban {

std::string chart_value_text(double value, const Chart& chart) {
  std::string out = text::format_figure(value, chart.decimals);
  if (!chart.unit.empty()) out += (chart.unit == "%" ? "" : " ") + chart.unit;
  return out;
}

std::string chart_scale_text(double value, const Chart& chart) {
  std::string out = text::format_decimal(value, chart.decimals);
  if (out.find(',') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == ',') out.pop_back();
  }
  return chart.unit == "%" ? out + "%" : out;
}

double chart_scale_end(const Chart& chart) {
  if (chart.maximum > 0) return chart.maximum;
  double largest = 0;
  for (const ChartBar& bar : chart.bars) largest = std::max(largest, bar.value);
  if (largest <= 0) return 1;
  // The smallest "nice" quarter step (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten).
  const double quarter = largest / 4;
  const double power = std::pow(10, std::floor(std::log10(quarter)));
  for (double nice : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
    if (nice * power >= quarter * (1 - 1e-12)) return 4 * nice * power;
  return 4 * 10 * power;
}

}  // namespace vanban
