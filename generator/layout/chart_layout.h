// A horizontal bar chart (Block::Kind::Chart) as vector graphics: the bold title centred, then one
// row per bar — label right-aligned in a column as wide as the longest label, the bar, its value
// ("87,4%") — over a scale at 0, ¼, ½, ¾ and all of the maximum. Grey bars with a black outline,
// so that the chart reads the same printed in black and white.
#pragma once

#include "font/font_set.h"
#include "layout/fragment.h"
#include "model/document.h"
#include "profile/chart_geometry.h"
#include "profile/profile.h"

namespace vanban {

// The chart without its title, measured for `width`; `label_style` sets the size of every text.
ChartGeometry measure_chart(const Chart& chart, const TextStyle& label_style, double width, const FontSet& fonts);

// One unbreakable fragment of `geometry.width`: the bold title centred, then the geometry. The
// bars are the only paths both filled and stroked, in the order of `chart.bars`.
Fragment layout_chart(const Chart& chart, const ChartGeometry& geometry, const TextStyle& label_style,
                      const FontSet& fonts);

}  // namespace vanban
