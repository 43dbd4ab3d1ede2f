// How a chart prints its numbers, shared by the PDF layout and the HTML writer so the two agree.
#pragma once

#include <string>

#include "model/document.h"

namespace vanban {

// "87,4%": "%" attached, another unit after a space ("2.209 cuộc"); the figure as generated
// tables print it (text::format_figure: "90%", not "90,00%").
std::string chart_value_text(double value, const Chart& chart);
// A scale label: no trailing zero decimals ("25", "12,5"), the unit only when it is "%".
std::string chart_scale_text(double value, const Chart& chart);
// The end of the scale: the chart's maximum, else a round number at or above the largest value
// whose quarters are round too (2.209 -> 2.400: ticks 600, 1.200, 1.800).
double chart_scale_end(const Chart& chart);

}  // namespace vanban
