// A chart block in HTML: a figure with an inline SVG drawing and a table for screen readers.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "font/font_set.h"
#include "html/html_writer.h"
#include "layout/chart_layout.h"
#include "layout/document_layout.h"
#include "html_dom.h"
#include "sample_documents.h"
#include "shipped_data.h"

namespace vanban {
namespace {

using test::Dom;
using Strings = std::vector<std::string>;

Block chart_block(Chart c) {
  Block b;
  b.kind = Block::Kind::Chart;
  b.chart = std::move(c);
  return b;
}

Chart attendance() {
  Chart c;
  c.title = "Tỷ lệ đoàn viên, hội viên dự sinh hoạt";
  c.unit = "%";
  c.maximum = 100;
  c.decimals = 1;
  c.bars = {{"Hội Nông dân", 87.4}, {"Đoàn Thanh niên", 50}, {"Hội Cựu chiến binh", 100}, {"Mặt trận", 0}};
  return c;
}

double number(const Dom& dom, int node, const std::string& attribute) {
  return std::stod(dom.attribute(node, attribute));
}

const FontSet& fonts() { return testing::shipped_fonts(); }

// The render engine's measuring step, then the writer.
std::string measured_html(ResolvedDocument d) {
  d.charts = measure_charts(d, fonts());
  return write_html(d);
}

class ChartHtml : public ::testing::Test {
 protected:
  ChartHtml() {
    document_.body.push_back(chart_block(attendance()));
    html_ = measured_html(document_);
  }
  Profile profile_ = test::state_profile();
  ResolvedDocument document_ = test::state_letter(profile_);
  std::string html_;
};

TEST_F(ChartHtml, IsAFigureWithACaptionAnImageAndAHiddenTable) {
  const Dom dom(html_);
  ASSERT_TRUE(dom.errors().empty()) << dom.errors().front();
  const int figure = dom.first("figure");
  ASSERT_GE(figure, 0);
  EXPECT_EQ(dom.node(dom.node(figure).parent).attributes.at("class"), "content");
  EXPECT_EQ(dom.child_tags(figure), (Strings{"figcaption", "div", "table"}));
  // The picture scrolls in a box of its own on a phone, never shrinking below 0.7 of its size.
  const int box = dom.first("div", "chart-scroll", figure);
  ASSERT_GE(box, 0);
  EXPECT_EQ(dom.attribute(box, "role"), "region");
  EXPECT_EQ(dom.attribute(box, "tabindex"), "0");
  EXPECT_EQ(dom.child_tags(box), Strings{"svg"});
  const std::string min_width = dom.attribute(dom.first("svg"), "style");
  ASSERT_TRUE(min_width.starts_with("min-width:") && min_width.ends_with("pt")) << min_width;
  const double viewbox_width = std::stod(dom.attribute(dom.first("svg"), "viewBox").substr(4));
  EXPECT_NEAR(std::stod(min_width.substr(10)), viewbox_width * 0.7, 0.01);
  EXPECT_EQ(dom.texts("figcaption"), Strings{"Tỷ lệ đoàn viên, hội viên dự sinh hoạt"});
  const int svg = dom.first("svg");
  EXPECT_EQ(dom.attribute(svg, "role"), "img");
  EXPECT_EQ(dom.attribute(svg, "aria-label"), "Tỷ lệ đoàn viên, hội viên dự sinh hoạt");
  EXPECT_EQ(dom.attribute(svg, "xmlns"), "http://www.w3.org/2000/svg");
  EXPECT_EQ(dom.text(dom.first("title", {}, svg)), "Tỷ lệ đoàn viên, hội viên dự sinh hoạt");

  const int table = dom.first("table", {}, figure);
  EXPECT_EQ(dom.attribute(table, "class"), "vh");
  EXPECT_EQ(dom.texts("caption", {}, table), Strings{"Tỷ lệ đoàn viên, hội viên dự sinh hoạt"});
  EXPECT_EQ(dom.texts("th", {}, table),
            (Strings{"Hội Nông dân", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Mặt trận"}));
  for (int th : dom.find("th", {}, table)) EXPECT_EQ(dom.attribute(th, "scope"), "row");
  EXPECT_EQ(dom.texts("td", {}, table), (Strings{"87,4%", "50%", "100%", "0%"}));
}

TEST_F(ChartHtml, DrawsOneRectPerBarWithWidthsProportionalToValues) {
  const Dom dom(html_);
  const int svg = dom.first("svg");
  const std::vector<int> rects = dom.find("rect", {}, svg);
  ASSERT_EQ(rects.size(), 4u);
  const double full = number(dom, rects[2], "width");
  EXPECT_GT(full, 100);
  EXPECT_NEAR(number(dom, rects[0], "width"), full * 0.874, 0.002);  // 3 decimals in the markup
  EXPECT_NEAR(number(dom, rects[1], "width"), full * 0.5, 0.002);
  EXPECT_EQ(number(dom, rects[3], "width"), 0);
  std::set<std::string> fills, xs;
  for (int r : rects) {
    fills.insert(dom.attribute(r, "fill"));
    xs.insert(dom.attribute(r, "x"));
    EXPECT_EQ(dom.attribute(r, "stroke"), "#000");
  }
  EXPECT_EQ(fills.size(), 1u);  // one colour
  EXPECT_EQ(xs.size(), 1u);     // one axis

  // Everything inside the viewBox, whose width is the text column in pt (165 mm).
  const std::string view_box = dom.attribute(svg, "viewBox");
  ASSERT_EQ(view_box.rfind("0 0 467.717 ", 0), 0u) << view_box;
  for (int r : rects)
    EXPECT_LE(number(dom, r, "x") + number(dom, r, "width"), 467.717);
}

TEST_F(ChartHtml, PrintsLabelsValuesAndTheScale) {
  const Dom dom(html_);
  const int svg = dom.first("svg");
  Strings texts = dom.texts("text", {}, svg);
  for (const char* want : {"Hội Nông dân", "Mặt trận", "87,4%", "50%", "100%", "0%", "25%",
                           "50%", "75%", "100%"})
    EXPECT_NE(std::find(texts.begin(), texts.end(), want), texts.end()) << want;
  // Labels end at one x before the bars; values start after their bar.
  const std::vector<int> rects = dom.find("rect", {}, svg);
  std::set<std::string> label_ends;
  for (int t : dom.find("text", {}, svg)) {
    if (dom.attribute(t, "text-anchor") == "end") {
      label_ends.insert(dom.attribute(t, "x"));
      EXPECT_LT(number(dom, t, "x"), number(dom, rects[0], "x"));
    }
    if (dom.text(t) == "87,4%") {
      EXPECT_GT(number(dom, t, "x"), number(dom, rects[0], "x") + number(dom, rects[0], "width"));
    }
  }
  EXPECT_EQ(label_ends.size(), 1u);
}

TEST(ChartHtmlEscaping, NoLabelOrTitleCanInjectMarkup) {
  const Profile profile = test::state_profile();
  ResolvedDocument d = test::state_letter(profile);
  const std::string s = "</svg><script>alert(1)</script>\" onload=\"x";
  Chart c = attendance();
  c.title = s;
  c.unit = "<b>";
  c.bars = {{s, 12.5}};
  d.body = {chart_block(c)};
  const std::string html = measured_html(d);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("onload=\""), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  const Dom dom(html);
  ASSERT_TRUE(dom.errors().empty()) << dom.errors().front();
  EXPECT_EQ(dom.attribute(dom.first("svg"), "aria-label"), s);
  EXPECT_EQ(dom.texts("figcaption"), Strings{s});
  EXPECT_EQ(dom.texts("caption"), Strings{s});
  EXPECT_EQ(dom.texts("th", {}, dom.first("figure")), Strings{s});
  EXPECT_EQ(dom.texts("td", {}, dom.first("figure")), Strings{"12,5 <b>"});
}

// One picture: the SVG draws the geometry layout measured with the real fonts, the very numbers
// the PDF is drawn from (bars, label ends, values, scale), not an estimate of its own.
TEST_F(ChartHtml, SvgDrawsTheGeometryThePdfIsDrawnFrom) {
  ResolvedDocument d = document_;
  d.charts = measure_charts(d, fonts());
  ASSERT_EQ(d.charts.size(), 1u);
  const ChartGeometry& g = d.charts[0];
  EXPECT_NEAR(g.width, 467.717, 0.001);  // the State profile's text column, 165 mm

  // The PDF's fragment: its filled and stroked paths are the bars.
  const Fragment pdf = layout_chart(d.body[0].chart, g, profile_.style(Element::TableText), fonts());
  std::vector<double> pdf_bar_widths;
  for (const PathItem& p : pdf.paths)
    if (p.fill && p.stroke) pdf_bar_widths.push_back(p.ops[1].x - p.ops[0].x);

  const Dom dom(write_html(d));
  const int svg = dom.first("svg");
  const std::vector<int> rects = dom.find("rect", {}, svg);
  ASSERT_EQ(rects.size(), 4u);
  ASSERT_EQ(pdf_bar_widths.size(), 4u);
  for (std::size_t i = 0; i < rects.size(); ++i) {
    EXPECT_NEAR(number(dom, rects[i], "width"), pdf_bar_widths[i], 0.001);
    EXPECT_NEAR(number(dom, rects[i], "x"), g.bars[i].x, 0.001);
    EXPECT_NEAR(number(dom, rects[i], "y"), g.bars[i].y, 0.001);
  }
  // "Hội Cựu chiến binh" ends at the label column's measured right edge.
  for (int t : dom.find("text", {}, svg)) {
    if (dom.text(t) == "Hội Cựu chiến binh") {
      const ChartText& label = g.labels[2];
      EXPECT_EQ(label.text, "Hội Cựu chiến binh");
      EXPECT_NEAR(number(dom, t, "x"), label.x + label.width, 0.001);
      EXPECT_NEAR(number(dom, t, "y"), label.baseline, 0.001);
      EXPECT_GT(label.width, 80);  // measured in Liberation Serif 13 pt, about 94 pt
      EXPECT_LT(label.width, 110);
    }
  }
  const std::string view_box = dom.attribute(svg, "viewBox");
  EXPECT_EQ(view_box.rfind("0 0 467.717 ", 0), 0u) << view_box;
}

}  // namespace
}  // namespace vanban
