// The bar chart as vector graphics: bar geometry, printed values, alignment, and its place in a
// whole document.
#include "layout/chart_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/document_layout.h"
#include "profile/resolve.h"
#include "shipped_data.h"

namespace vanban {
namespace {

constexpr double kWidth = 467.7;  // the text width of A4 with 30 and 15 mm margins

struct Bar {
  double x, y, width, height;
};

class ChartLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fonts_ = &testing::shipped_fonts(); }

  static Chart attendance() {
    Chart c;
    c.title = "Tỷ lệ đoàn viên, hội viên dự sinh hoạt";
    c.unit = "%";
    c.maximum = 100;
    c.decimals = 1;
    c.bars = {{"Hội Nông dân", 87.4}, {"Đoàn Thanh niên", 50}, {"Hội Cựu chiến binh", 100}, {"Mặt trận", 0}};
    return c;
  }

  static TextStyle label_style() {
    TextStyle s;
    s.size = 13;
    return s;
  }

  // Bars are the paths both filled and stroked; each a rectangle from its first corner.
  static std::vector<Bar> bars(const Fragment& f) {
    std::vector<Bar> out;
    for (const PathItem& p : f.paths) {
      if (!p.fill || !p.stroke) continue;
      EXPECT_EQ(p.ops.size(), 5u);
      out.push_back({p.ops[0].x, p.ops[0].y, p.ops[2].x - p.ops[0].x, p.ops[2].y - p.ops[0].y});
    }
    return out;
  }

  static const TextItem* find(const Fragment& f, const std::string& text) {
    for (const TextItem& t : f.texts)
      if (t.text == text) return &t;
    return nullptr;
  }

  static double right_edge(const TextItem& t) { return t.x + fonts_->face(t.style).text_width(t.text, t.size); }

  static const FontSet* fonts_;
};

const FontSet* ChartLayoutTest::fonts_ = nullptr;

TEST_F(ChartLayoutTest, BarLengthsAreProportionalToValues) {
  const Fragment f = layout_chart(attendance(), measure_chart(attendance(), label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const std::vector<Bar> b = bars(f);
  ASSERT_EQ(b.size(), 4u);
  const double full = b[2].width;  // 100 of max 100
  EXPECT_GT(full, kWidth / 3);
  EXPECT_NEAR(b[0].width, full * 0.874, 1e-9);
  EXPECT_NEAR(b[1].width, full * 0.5, 1e-9);
  EXPECT_NEAR(b[3].width, 0, 1e-9);
  for (const Bar& bar : b) {
    EXPECT_DOUBLE_EQ(bar.x, b[0].x);  // one axis
    EXPECT_DOUBLE_EQ(bar.height, b[0].height);
  }
  for (std::size_t i = 1; i < b.size(); ++i) EXPECT_GT(b[i].y, b[i - 1].y + b[i - 1].height);  // in order
}

TEST_F(ChartLayoutTest, EveryBarHasTheSamePrintFriendlyColour) {
  const Fragment f = layout_chart(attendance(), measure_chart(attendance(), label_style(), kWidth, *fonts_), label_style(), *fonts_);
  std::vector<const PathItem*> bar_paths;
  for (const PathItem& p : f.paths)
    if (p.fill && p.stroke) bar_paths.push_back(&p);
  ASSERT_EQ(bar_paths.size(), 4u);
  for (const PathItem* p : bar_paths) {
    EXPECT_EQ(p->stroke_color, (Color{0, 0, 0}));
    EXPECT_EQ(p->fill_color, bar_paths[0]->fill_color);
    const Color& c = p->fill_color;
    const double grey = 0.3 * c.r + 0.59 * c.g + 0.11 * c.b;  // as a black-and-white printer sees it
    EXPECT_GT(grey, 0.4);
    EXPECT_LT(grey, 0.8);
  }
}

// As generated tables print figures: a decimal comma, and no decimals when they are all zero.
TEST_F(ChartLayoutTest, ValuesArePrintedAsTablesPrintThemAfterTheirBars) {
  const Fragment f = layout_chart(attendance(), measure_chart(attendance(), label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const std::vector<Bar> b = bars(f);
  const std::vector<std::string> values{"87,4%", "50%", "100%", "0%"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    const TextItem* t = nullptr;  // the value, not the scale label of the same text under the plot
    for (const TextItem& item : f.texts)
      if (item.text == values[i] && item.baseline < b.back().y + b.back().height + 3) t = &item;
    ASSERT_NE(t, nullptr) << values[i];
    EXPECT_NEAR(t->x, b[i].x + b[i].width + 4, 1e-9) << values[i];
    EXPECT_GT(t->baseline, b[i].y + b[i].height / 2) << values[i];  // beside the bar, not under it
    EXPECT_LT(t->baseline, b[i].y + b[i].height + 3) << values[i];
  }
}

TEST_F(ChartLayoutTest, TheScaleMarksEachQuarterOfTheMaximum) {
  const Fragment f = layout_chart(attendance(), measure_chart(attendance(), label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const std::vector<Bar> b = bars(f);
  const double x0 = b[0].x, full = b[2].width;
  const std::vector<std::string> labels{"0%", "25%", "50%", "75%", "100%"};
  for (int k = 0; k <= 4; ++k) {
    const TextItem* t = find(f, labels[k]);
    ASSERT_NE(t, nullptr) << labels[k];
    EXPECT_NEAR((t->x + right_edge(*t)) / 2, x0 + full * k / 4, 1e-6) << labels[k];
    EXPECT_GT(t->baseline, b.back().y + b.back().height);  // under the plot
  }
  // A vertical gridline at each quarter, spanning every bar.
  for (int k = 0; k <= 4; ++k) {
    const double x = x0 + full * k / 4;
    const bool found = std::any_of(f.paths.begin(), f.paths.end(), [&](const PathItem& p) {
      return p.ops.size() == 2 && std::abs(p.ops[0].x - x) < 1e-9 && std::abs(p.ops[1].x - x) < 1e-9 &&
             p.ops[0].y <= b.front().y && p.ops[1].y >= b.back().y + b.back().height;
    });
    EXPECT_TRUE(found) << "gridline " << k;
  }
}

TEST_F(ChartLayoutTest, WithoutAMaximumTheScaleEndsAtARoundNumber) {
  Chart c = attendance();
  c.maximum = 0;
  c.unit = "cuộc";
  c.decimals = 0;
  c.bars = {{"Chi bộ", 2209}, {"Chi hội", 1100}};
  const Fragment f = layout_chart(c, measure_chart(c, label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const std::vector<Bar> b = bars(f);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_NEAR(b[1].width, b[0].width * 1100 / 2209, 1e-9);
  EXPECT_NE(find(f, "2.209 cuộc"), nullptr);  // a word unit follows a space
  EXPECT_NE(find(f, "1.100 cuộc"), nullptr);
  // 2.209 / 4 = 552 -> quarter step 600: the scale reads 600, 1.200, 1.800, 2.400 (no unit).
  for (const char* tick : {"600", "1.200", "1.800", "2.400"}) EXPECT_NE(find(f, tick), nullptr) << tick;
  const TextItem* end = find(f, "2.400");
  ASSERT_NE(end, nullptr);
  EXPECT_NEAR(end->x + fonts_->face(FontStyle::Regular).text_width("2.400", end->size) / 2,
              b[0].x + b[0].width * 2400 / 2209, 1e-6);
}

TEST_F(ChartLayoutTest, LabelsAreRightAlignedBeforeTheAxis) {
  Chart c = attendance();
  c.bars.push_back({"Đoàn Thanh niên Cộng sản Hồ Chí Minh (chi đoàn ấp, khóm, tổ dân phố)", 68.9});
  const Fragment f = layout_chart(c, measure_chart(c, label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const double axis = bars(f)[0].x;
  std::map<double, int> label_edges;  // right edge -> number of label lines
  int long_label_lines = 0;
  for (const TextItem& t : f.texts) {
    if (right_edge(t) >= axis) continue;  // values, the title, the scale
    if (t.baseline > bars(f).back().y + bars(f).back().height) continue;
    ++label_edges[std::round(right_edge(t) * 1000) / 1000];
    EXPECT_EQ(t.style, FontStyle::Regular);
    // Its first and its last line.
    if (t.text.starts_with("Đoàn") || t.text.ends_with("phố)")) ++long_label_lines;
  }
  ASSERT_EQ(label_edges.size(), 1u) << "labels do not share a right edge";
  EXPECT_GE(label_edges.begin()->second, 6);  // 5 labels, the long one on at least 2 lines
  EXPECT_GE(long_label_lines, 2);
  EXPECT_NEAR(label_edges.begin()->first, axis - 6, 1e-3);
  EXPECT_LE(label_edges.begin()->first, kWidth * 0.4 + 1e-6);  // a long label wraps
}

TEST_F(ChartLayoutTest, EverythingStaysInsideTheWidth) {
  for (double width : {kWidth, 300.0}) {
    Chart c = attendance();
    c.bars.push_back({"Hội Liên hiệp Phụ nữ", 100});
    const Fragment f = layout_chart(c, measure_chart(c, label_style(), width, *fonts_), label_style(), *fonts_);
    for (const TextItem& t : f.texts) {
      EXPECT_GE(t.x, -1e-6) << t.text;
      EXPECT_LE(right_edge(t), width + 1e-6) << t.text;
      EXPECT_GT(t.baseline, 0) << t.text;
      EXPECT_LT(t.baseline, f.height) << t.text;
    }
    for (const PathItem& p : f.paths) {
      for (const PathOp& op : p.ops) {
        if (op.kind == PathOp::Kind::Close) continue;
        EXPECT_GE(op.x, -1e-6);
        EXPECT_LE(op.x, width + 1e-6);
        EXPECT_GE(op.y, 0);
        EXPECT_LE(op.y, f.height);
      }
    }
  }
}

TEST_F(ChartLayoutTest, TheTitleIsBoldAndCentredAboveTheBars) {
  const Fragment f = layout_chart(attendance(), measure_chart(attendance(), label_style(), kWidth, *fonts_), label_style(), *fonts_);
  const TextItem* title = find(f, "Tỷ lệ đoàn viên, hội viên dự sinh hoạt");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->style, FontStyle::Bold);
  EXPECT_NEAR((title->x + right_edge(*title)) / 2, kWidth / 2, 1e-6);
  EXPECT_LT(title->baseline, bars(f)[0].y);
}

// In a document the chart is one item after the paragraph space, moved whole to the next page
// when it does not fit.
TEST_F(ChartLayoutTest, ADocumentKeepsTheChartWholeOnOnePage) {
  Document d;
  d.source_file = "chart.xml";
  d.layout = "dang";
  d.type = "bao-cao";
  d.issuer = {"Tỉnh ủy Bình Minh", "Ban Dân vận", "BDVTU", ""};
  d.place = "Bình Minh";
  d.date = {2026, 2, 5};
  d.subject = "tình hình sinh hoạt định kỳ tháng 1 năm 2026";
  Block p;
  p.inlines = {{"Kết quả sinh hoạt định kỳ của chi bộ, chi hội, tổ hội trong tháng như sau. ", false, false}};
  for (int i = 0; i < 24; ++i) d.body.push_back(p);
  Block chart;
  chart.kind = Block::Kind::Chart;
  chart.chart = attendance();
  d.body.push_back(chart);
  d.signature = {{"T/M Ban Thường vụ"}, "Phó Bí thư", "Nguyễn Văn Minh"};
  const Profile* profile = testing::shipped_profiles().find("dang", "", d.date);
  ASSERT_NE(profile, nullptr);
  auto resolved = resolve(d, *profile, 0);
  ASSERT_TRUE(resolved.ok());
  const Pages pages = layout_document(*resolved.value, *fonts_);
  int pages_with_bars = 0;
  for (const Page& page : pages.pages) {
    const auto n = std::count_if(page.paths.begin(), page.paths.end(),
                                 [](const PathItem& path) { return path.fill && path.stroke; });
    if (n == 0) continue;
    ++pages_with_bars;
    EXPECT_EQ(n, 4);
    const auto title = std::find_if(page.texts.begin(), page.texts.end(),
                                    [](const TextItem& t) { return t.text == "Tỷ lệ đoàn viên, hội viên dự sinh hoạt"; });
    EXPECT_NE(title, page.texts.end());
  }
  EXPECT_EQ(pages_with_bars, 1);
}

}  // namespace
}  // namespace vanban
