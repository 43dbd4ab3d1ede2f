// <chart> in the markup: read into Block::Kind::Chart, and refused with its place when wrong.
#include <gtest/gtest.h>

#include "input/markup_reader.h"
#include "input_test_util.h"

namespace vanban {
namespace {

using testing::all;

ReadOptions options() {
  ReadOptions o;
  o.schema_path = testing::document_schema();
  o.can_draw = testing::draws_no_cjk;
  o.font_name = "Liberation Serif";
  return o;
}

// A báo cáo whose body is a paragraph and then `chart` (from line 10 on).
std::string document_with(const std::string& chart) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<document layout=\"dang\" type=\"bao-cao\">\n"
         "  <issuer><name>Ban Dân vận Tỉnh ủy</name><code>BDVTU</code></issuer>\n"
         "  <number>12</number>\n"
         "  <place>Bình Minh</place>\n"
         "  <date>2026-02-05</date>\n"
         "  <subject>tình hình sinh hoạt định kỳ tháng 1 năm 2026</subject>\n"
         "  <body>\n"
         "    <p>Kết quả như sau:</p>\n" +
         chart +
         "  </body>\n"
         "  <signature><role>Trưởng ban</role><signer>Lê Thị Hạnh</signer></signature>\n"
         "</document>\n";
}

Result<Document> read(const std::string& chart) {
  return read_document_bytes(document_with(chart), "chart.xml", options());
}

TEST(ChartMarkup, IsReadIntoAChartBlock) {
  // Label written decomposed (NFD "Hội Nông dân"): read as NFC.
  const Result<Document> r = read(
      "    <chart title=\"Tỷ lệ  đoàn viên, hội viên dự sinh hoạt\" unit=\"%\" max=\"100\" decimals=\"2\">\n"
      "      <bar label=\"Ho\xCC\xA3\xCC\x82i No\xCC\x82ng da\xCC\x82n\" value=\"87.4\"/>\n"
      "      <bar label=\"Hội Cựu chiến binh\" value=\"96.25\"/>\n"
      "      <bar label=\"Mặt trận\" value=\"0\"/>\n"
      "    </chart>\n");
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  ASSERT_EQ(r.value->body.size(), 2u);
  const Block& b = r.value->body[1];
  EXPECT_EQ(b.kind, Block::Kind::Chart);
  EXPECT_EQ(b.source_line, 10);
  EXPECT_EQ(b.chart.title, "Tỷ lệ đoàn viên, hội viên dự sinh hoạt");  // white space collapsed
  EXPECT_EQ(b.chart.unit, "%");
  EXPECT_EQ(b.chart.maximum, 100);
  EXPECT_EQ(b.chart.decimals, 2);
  ASSERT_EQ(b.chart.bars.size(), 3u);
  EXPECT_EQ(b.chart.bars[0].label, "Hội Nông dân");
  EXPECT_EQ(b.chart.bars[0].value, 87.4);
  EXPECT_EQ(b.chart.bars[1].label, "Hội Cựu chiến binh");
  EXPECT_EQ(b.chart.bars[1].value, 96.25);
  EXPECT_EQ(b.chart.bars[2].value, 0);
}

TEST(ChartMarkup, MaxUnitAndDecimalsAreOptional) {
  const Result<Document> r = read(
      "    <chart title=\"Số cuộc sinh hoạt\">\n"
      "      <bar label=\"Chi bộ\" value=\"2209\"/>\n"
      "    </chart>\n");
  ASSERT_TRUE(r.ok()) << all(r.errors);
  const Chart& c = r.value->body[1].chart;
  EXPECT_EQ(c.unit, "");
  EXPECT_EQ(c.maximum, 0);  // the scale ends at the largest value
  EXPECT_EQ(c.decimals, 1);
  ASSERT_EQ(c.bars.size(), 1u);
  EXPECT_EQ(c.bars[0].value, 2209);
}

struct BadChart {
  const char* name;
  std::string chart;
  std::string message;  // the whole FILE:LINE:COL: message
};
void PrintTo(const BadChart& c, std::ostream* os) { *os << c.name; }

class BadChartMarkup : public ::testing::TestWithParam<BadChart> {};

TEST_P(BadChartMarkup, IsRefusedAtItsPlace) {
  const Result<Document> r = read(GetParam().chart);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].to_string(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadChartMarkup,
    ::testing::Values(
        BadChart{"DecimalComma",
                 "    <chart title=\"Tỷ lệ dự\" unit=\"%\">\n"
                 "      <bar label=\"Hội Nông dân\" value=\"87,4\"/>\n"
                 "    </chart>\n",
                 "chart.xml:11:7: attribute value='87,4' of <bar> is not valid; expected a number "
                 "from 0 up written with a dot, such as 87.4"},
        BadChart{"NegativeValue",
                 "    <chart title=\"Tỷ lệ dự\">\n"
                 "      <bar label=\"Hội Nông dân\" value=\"87.4\"/><bar label=\"Chi bộ\" value=\"-3\"/>\n"
                 "    </chart>\n",
                 "chart.xml:11:47: attribute value='-3' of <bar> is not valid; expected a number "
                 "from 0 up written with a dot, such as 87.4"},
        BadChart{"ValueAboveMax",
                 "    <chart title=\"Tỷ lệ dự\" unit=\"%\" max=\"100\">\n"
                 "      <bar label=\"Hội Nông dân\" value=\"87.4\"/>\n"
                 "      <bar label=\"Chi bộ\" value=\"100.5\"/>\n"
                 "    </chart>\n",
                 "chart.xml:12:7: attribute value='100.5' of <bar> is above max='100' of <chart>"},
        BadChart{"TooManyDecimals",
                 "    <chart title=\"Tỷ lệ dự\" decimals=\"4\">\n"
                 "      <bar label=\"Hội Nông dân\" value=\"87.4\"/>\n"
                 "    </chart>\n",
                 "chart.xml:10:5: attribute decimals='4' of <chart> is not valid; expected a whole "
                 "number from 0 to 3, such as 1"},
        BadChart{"NoBars", "    <chart title=\"Tỷ lệ dự\"/>\n",
                 "chart.xml:10:5: expected element <bar> inside <chart>"},
        BadChart{"UndrawableLabel",
                 "    <chart title=\"Tỷ lệ dự\">\n"
                 "      <bar label=\"Hội 農民\" value=\"87.4\"/>\n"
                 "    </chart>\n",
                 "chart.xml:11:7: character U+8FB2 '農' cannot be drawn with Liberation Serif; use "
                 "Vietnamese letters or change the font"}),
    [](const ::testing::TestParamInfo<BadChart>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace vanban
