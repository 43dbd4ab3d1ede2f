// Line breaking with the shipped fonts: kept phrases, numbers with their units and dates never
// split in short measure, balanced centred lines, the penalty in justified text, the draft blank.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/paragraph_layout.h"
#include "layout/table_layout.h"
#include "shipped_data.h"

namespace vanban {
namespace {

class TextBreakingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = &testing::shipped_fonts();
    keep_ = new text::KeepTogether;
    for (const std::string& p : testing::shipped_phrases()) keep_->add_phrase(p);
  }

  static std::vector<std::string> texts(const std::vector<Fragment>& lines) {
    std::vector<std::string> out;
    for (const Fragment& line : lines) {
      std::string s;
      for (const TextItem& t : line.texts) s += (s.empty() ? "" : " ") + t.text;
      out.push_back(s);
    }
    return out;
  }

  static double width_of(const Fragment& line) {
    if (line.texts.empty()) return 0;
    const TextItem& last = line.texts.back();
    return last.x + fonts_->face(last.style).text_width(last.text, last.size) - line.texts.front().x;
  }

  // The line boundaries that fall inside `phrase` (words separated by single spaces).
  static int splits(const std::vector<std::string>& lines, const std::string& phrase) {
    std::string all;
    for (const std::string& l : lines) all += (all.empty() ? "" : "|") + l;
    int count = 0;
    for (std::size_t space = phrase.find(' '); space != std::string::npos; space = phrase.find(' ', space + 1)) {
      const std::string broken = phrase.substr(0, space) + "|" + phrase.substr(space + 1);
      for (std::size_t at = all.find(broken); at != std::string::npos; at = all.find(broken, at + 1)) ++count;
    }
    return count;
  }

  static const FontSet* fonts_;
  static text::KeepTogether* keep_;
};

const FontSet* TextBreakingTest::fonts_ = nullptr;
text::KeepTogether* TextBreakingTest::keep_ = nullptr;

TEST_F(TextBreakingTest, CentredNamesAreNeverSplitAtAnyWidth) {
  text::KeepTogether keep = *keep_;
  keep.add_name("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Vĩnh Giang");
  const TextStyle style{14, true, false, false, LetterCase::Upper};
  const std::string cover = "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH TỈNH VĨNH GIANG";
  for (double width = 160; width <= 400; width += 12) {
    const auto lines = texts(layout_text(cover, style, LineAlign::Center, width, *fonts_, 0, &keep));
    for (const char* phrase : {"HỒ CHÍ MINH", "VĨNH GIANG", "THANH NIÊN", "CỘNG SẢN"})
      EXPECT_EQ(splits(lines, phrase), 0) << phrase << " at " << width;
  }
}

// Paragraphs are remembered once laid out; the same text with other phrases to keep (another
// document's names) is laid out again, not taken from the memo.
TEST_F(TextBreakingTest, TheSameTextWithOtherKeptPhrasesIsLaidOutAgain) {
  text::KeepTogether keep;
  keep.add_phrase("dự sinh hoạt định kỳ");
  const TextStyle style{14, false, false, false, LetterCase::AsWritten};
  const std::string line = "các đồng chí cán bộ được phân công dự sinh hoạt định kỳ với chi hội ấp";
  int differ = 0;
  for (double width = 120; width <= 420; width += 6) {
    const auto plain = texts(layout_text(line, style, LineAlign::Left, width, *fonts_));
    const auto kept = texts(layout_text(line, style, LineAlign::Left, width, *fonts_, 0, &keep));
    EXPECT_EQ(texts(layout_text(line, style, LineAlign::Left, width, *fonts_)), plain) << width;
    EXPECT_EQ(splits(kept, "dự sinh hoạt định kỳ"), 0) << width;
    differ += plain != kept;
  }
  EXPECT_GT(differ, 5);
}

TEST_F(TextBreakingTest, NumbersStayWithTheirUnitsAndDatesHoldTogether) {
  const TextStyle style{13, false, false, false, LetterCase::AsWritten};
  const std::string text =
      "Chi hội nộp báo cáo chậm 6 ngày, trong 6 tháng có 3 buổi vắng; hạn nộp trước ngày 17 tháng 10 năm 2026 "
      "theo Kế hoạch số 784-QĐ/TU";
  for (double width = 90; width <= 300; width += 10) {
    const auto lines = texts(layout_text(text, style, LineAlign::Left, width, *fonts_, 0, keep_));
    for (const std::string kept : {"6 ngày", "6 tháng", "3 buổi", "ngày 17 tháng 10 năm 2026", "số 784-QĐ/TU"}) {
      // A kept phrase wider than the line must break somewhere.
      if (fonts_->face(FontStyle::Regular).text_width(kept, 13) > width) continue;
      EXPECT_EQ(splits(lines, kept), 0) << kept << " at " << width;
    }
    for (const std::string& line : lines) EXPECT_FALSE(line.ends_with("784-")) << line;
  }
}

TEST_F(TextBreakingTest, CentredLinesAreBalancedWithNoLoneLastWord) {
  const TextStyle style{14, true, false, false, LetterCase::AsWritten};
  const std::string subject = "về phân công cán bộ dự sinh hoạt định kỳ với chi hội, tổ hội ở ấp, khóm";
  const double natural = fonts_->face(FontStyle::Bold).text_width(subject, 14);
  for (double width : {natural * 0.6, natural * 0.8, natural * 0.95}) {
    const auto lines = layout_text(subject, style, LineAlign::Center, width, *fonts_, 0, keep_);
    ASSERT_EQ(lines.size(), 2u) << width;
    const double a = width_of(lines[0]), b = width_of(lines[1]);
    EXPECT_LE(std::max(a, b), width + 1e-6);
    EXPECT_GT(std::min(a, b), std::max(a, b) * 0.6) << texts(lines)[0] << " / " << texts(lines)[1];
    // Centred: equal space on both sides.
    for (const Fragment& line : lines)
      EXPECT_NEAR(line.texts.front().x, (width - width_of(line)) / 2, 1e-6);
  }
}

TEST_F(TextBreakingTest, JustifiedTextAvoidsSplittingAKeptPhrase) {
  text::KeepTogether keep;
  keep.add_phrase("xây dựng nông thôn mới");
  ParagraphStyle st;
  st.size = 14;
  st.line_height = 18;
  const std::string paragraph =
      "Các chi hội tích cực tham gia phong trào xây dựng nông thôn mới, vận động hội viên đóng góp ngày "
      "công làm đường giao thông nông thôn; nhiều hộ hội viên hiến đất, cùng chính quyền xây dựng nông "
      "thôn mới kiểu mẫu. Ban Thường vụ đề nghị các cấp hội tiếp tục đẩy mạnh xây dựng nông thôn mới gắn "
      "với phát triển kinh tế hộ, bảo vệ môi trường và giữ gìn an ninh trật tự ở ấp, khóm; mỗi chi hội "
      "đăng ký ít nhất một phần việc cụ thể góp phần xây dựng nông thôn mới trong năm.";
  int with = 0, without = 0;
  for (double width = 300; width <= 460; width += 8) {
    st.keep_together = &keep;
    with += splits(texts(layout_paragraph({{paragraph, false, false}}, st, width, *fonts_)), "xây dựng nông thôn mới");
    st.keep_together = nullptr;
    without += splits(texts(layout_paragraph({{paragraph, false, false}}, st, width, *fonts_)), "xây dựng nông thôn mới");
  }
  // A penalty, not a ban: a split stays possible where every other break is far worse.
  EXPECT_GT(without, 0) << "the phrase never falls at a line end: nothing to test";
  EXPECT_LT(with, without) << with << " splits with the penalty, " << without << " without";
}

TEST_F(TextBreakingTest, FixedSpacesLeaveABlankWhateverTheFont) {
  const TextStyle style{14, false, false, false, LetterCase::AsWritten};
  const auto lines = layout_text("Số \u2003\u2002-BC/HPN", style, LineAlign::Left, 400, *fonts_);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].texts.size(), 2u);
  const TextItem& label = lines[0].texts[0];
  const TextItem& code = lines[0].texts[1];
  EXPECT_EQ(code.text, "-BC/HPN");
  const double label_end = label.x + fonts_->face(label.style).text_width(label.text, label.size);
  EXPECT_NEAR(code.x - label_end, fonts_->face(FontStyle::Regular).advance(U' ') * 14 + 1.5 * 14, 1e-6);
}

TEST_F(TextBreakingTest, TableCellsKeepNamesTogetherAndSizeColumnsForThem) {
  Table table;
  TableRow row;
  row.cells.push_back({{{"Ban Dân vận Thị ủy Bình Hải", false, false}}});
  row.cells.push_back({{{"chậm 6 ngày", false, false}}});
  table.rows.push_back(row);
  const TextStyle style{13, false, false, false, LetterCase::AsWritten};
  for (double width = 120; width <= 260; width += 20) {
    const LaidOutTable t = layout_table(table, style, width, *fonts_, keep_);
    ASSERT_EQ(t.rows.size(), 1u);
    // Group the texts of the row into lines per cell by their x (cells are left-aligned).
    std::vector<std::string> first_cell, second_cell;
    const double boundary = t.rows[0].texts.back().x;  // the second cell holds the last text
    for (const TextItem& item : t.rows[0].texts)
      (item.x < boundary - 1 ? first_cell : second_cell).push_back(item.text);
    for (const char* kept : {"Dân vận", "Thị ủy", "Bình Hải"}) EXPECT_EQ(splits(first_cell, kept), 0) << width;
    EXPECT_EQ(splits(second_cell, "6 ngày"), 0) << width;
  }
}

// The author's <col width> weights share the width, but never leave a column narrower than
// its widest kept phrase when the phrases fit: the names column of the monthly summary
// ("Phường Rạch Cát Đông" beside six numeric columns) keeps each name on one line.
TEST(ColumnWidths, WeightsGiveWayToWhatMustStayOnOneLine) {
  const std::vector<double> min{20, 110, 30, 30}, max{20, 300, 60, 60}, weights{1, 2, 2, 2};
  const std::vector<double> w = column_widths(min, max, weights, 280);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_NEAR(w[1], 110, 1e-9);  // by weight alone it would get 80
  EXPECT_NEAR(w[0] + w[1] + w[2] + w[3], 280, 1e-9);
  EXPECT_NEAR(w[2], w[3], 1e-9);  // the rest still shared by weight
  EXPECT_NEAR(w[2], 2 * w[0], 1e-9);
  // Where the weights leave every column its minimum they are followed exactly.
  const std::vector<double> free = column_widths(min, max, weights, 700);
  EXPECT_NEAR(free[1], 200, 1e-9);
}

// A soft phrase (a place with its level word) may break, but a column keeps it whole when the
// other columns can spare the room: the monthly summary's "Nơi sinh hoạt" column beside names
// weighted wider. Before, the weights alone gave it less and "phường / Tân Định Thượng" split.
TEST_F(TextBreakingTest, AColumnTakesRoomToKeepASoftPlaceNameWhole) {
  const std::string place = "Chi hội Phụ nữ khu phố 3, phường Tân Định Thượng";
  Table table;
  table.column_weights = {3, 2};
  TableRow row;
  row.cells.push_back({{{"Trịnh Quang Vũ, Chuyên viên Phòng Dân vận, Ban Tuyên giáo và Dân vận Thành ủy", false, false}}});
  row.cells.push_back({{{place, false, false}}});
  table.rows.push_back(row);
  const TextStyle style{13, false, false, false, LetterCase::AsWritten};
  const LaidOutTable t = layout_table(table, style, 300, *fonts_, keep_);
  ASSERT_EQ(t.rows.size(), 1u);
  std::vector<double> xs;
  for (const TextItem& item : t.rows[0].texts) xs.push_back(item.x);
  const double second = *std::max_element(xs.begin(), xs.end());  // the second cell's left edge
  std::vector<std::string> lines;
  double y = -1;
  for (const TextItem& item : t.rows[0].texts) {
    if (item.x < second - 1) continue;
    if (item.baseline != y) lines.emplace_back();
    y = item.baseline;
    lines.back() += (lines.back().empty() ? "" : " ") + item.text;
  }
  EXPECT_EQ(splits(lines, "phường Tân Định Thượng"), 0) << ::testing::PrintToString(lines);
}

// The ways of keeping soft phrases whole that the width leaves room for: first the columns that
// need least, as many as fit; then every other choice that fits.
TEST(ColumnWidths, SoftPhrasesAreKeptWholeWhereTheWidthAllows) {
  using Widths = std::vector<std::vector<double>>;
  const std::vector<double> min{20, 60, 50, 40}, kept{20, 200, 70, 65};
  // 50 spare: the two smaller needs, then none, either one alone.
  EXPECT_EQ(soft_phrase_width_choices(min, kept, 220),
            (Widths{{20, 60, 70, 65}, min, {20, 60, 70, 40}, {20, 60, 50, 65}}));
  EXPECT_EQ(soft_phrase_width_choices(min, kept, 200), (Widths{{20, 60, 70, 40}, min, {20, 60, 50, 65}}));
  EXPECT_EQ(soft_phrase_width_choices(min, kept, 185), Widths{min});  // 15 spare: not enough for any
}

// Layout defect 2 (layout11): the columns that need least kept their soft phrases first, even
// when that left a column of many such phrases to split them all. Now the widths are those that
// split fewest phrases (then give the fewest lines): the place column of three rows keeps
// "phường Tân Định Thượng" whole, and only the one "xã Bình Hải" beside it breaks.
TEST_F(TextBreakingTest, ColumnWidthsSplitFewestSoftPhrases) {
  const TextStyle style{13, false, false, false, LetterCase::AsWritten};
  const std::string one = "xã Bình Hải", many = "Chi hội phường Tân Định Thượng";
  Table table;
  table.column_weights = {10, 1};  // by weight alone the place column gets its minimum
  for (int i = 0; i < 3; ++i) {
    TableRow row;
    row.cells.push_back({{{i == 0 ? one : "Hội viên", false, false}}});
    row.cells.push_back({{{many, false, false}}});
    table.rows.push_back(row);
  }
  const TextExtent a = measure_inlines({{one, false, false}}, 13, false, *fonts_, keep_);
  const TextExtent b = measure_inlines({{many, false, false}}, 13, false, *fonts_, keep_);
  const double need_a = a.kept_min_width - a.min_width, need_b = b.kept_min_width - b.min_width;
  ASSERT_LT(need_a, need_b);
  // Room to keep either column's phrase whole, not both: the cheaper one alone left the place
  // column at its minimum.
  const double width = a.min_width + b.min_width + 16 + need_b + need_a / 2;
  const LaidOutTable t = layout_table(table, style, width, *fonts_, keep_);
  ASSERT_EQ(t.rows.size(), 3u);
  ASSERT_EQ(t.size, 13);
  int split_many = 0, split_one = 0;
  for (const Fragment& row : t.rows) {
    const double second = std::max_element(row.texts.begin(), row.texts.end(), [](const TextItem& x, const TextItem& y) {
                            return x.x < y.x;
                          })->x;
    std::vector<std::string> first_cell, second_cell;
    double y1 = -1, y2 = -1;
    for (const TextItem& item : row.texts) {
      const bool left = item.x < second - 1;
      std::vector<std::string>& cell = left ? first_cell : second_cell;
      double& y = left ? y1 : y2;
      if (item.baseline != y) cell.emplace_back();
      y = item.baseline;
      cell.back() += (cell.back().empty() ? "" : " ") + item.text;
    }
    split_many += splits(second_cell, "phường Tân Định Thượng");
    split_one += splits(first_cell, one);
  }
  EXPECT_EQ(split_many, 0);  // was 3
  EXPECT_LE(split_one, 1);
  // What the HTML page is told: the place column's phrases are whole, the first column's not.
  EXPECT_EQ(measure_table(table, style, width, *fonts_, keep_).whole_soft_phrases,
            (std::vector<bool>{split_one == 0, true}));
}

TEST_F(TextBreakingTest, AnOverwideNameSplitsAloneAndItsNeighboursHold) {
  // "Kiên Thị Hồng Nhung," is wider than the cell: it alone may break; "Ban Thường vụ" after
  // it never does.
  ParagraphStyle st;
  st.size = 13;
  st.align = LineAlign::Left;
  st.keep_together = keep_;
  const double name = fonts_->face(FontStyle::Regular).text_width("Kiên Thị Hồng Nhung,", 13);
  const auto lines = texts(layout_paragraph({{"Kiên Thị Hồng Nhung, Ủy viên Ban Thường vụ Đảng ủy phường Bình Hải",
                                              false, false}},
                                            st, name - 4, *fonts_));
  EXPECT_EQ(splits(lines, "Ban Thường vụ"), 0) << ::testing::PrintToString(lines);
  EXPECT_EQ(splits(lines, "Đảng ủy"), 0) << ::testing::PrintToString(lines);
}

// Issue 11, defect 5: a word wider than the line is cut, never drawn past the margin: at the
// code's own joints when it has them, else between letters, with no hyphen added.
TEST_F(TextBreakingTest, AWordWiderThanTheLineIsCutAtItsJointsAndNothingPassesTheMargin) {
  const std::string url = "https://dichvucong.truonggiang.gov.vn/van-ban/2026/quyet-dinh-784-QĐ/TU";
  for (LineAlign align : {LineAlign::Justify, LineAlign::Left, LineAlign::Center}) {
    ParagraphStyle st;
    st.size = 14;
    st.align = align;
    st.keep_together = keep_;
    const double width = 150;
    const auto lines = layout_paragraph({{"Xem tại " + url + " để biết thêm.", false, false}}, st, width, *fonts_);
    std::string joined;
    for (const Fragment& line : lines) {
      EXPECT_LE(line.texts.back().x + fonts_->face(line.texts.back().style).text_width(line.texts.back().text, 14),
                width + 0.01);
      for (const TextItem& t : line.texts) joined += t.text;
    }
    ASSERT_GE(lines.size(), 3u);
    // Nothing lost or added (no hyphen), and each cut inside the address follows a joint.
    EXPECT_NE(joined.find("https://dichvucong.truonggiang.gov.vn/van-ban/2026/quyet-dinh-784-QĐ/TU"), std::string::npos)
        << joined;
    int cuts = 0;
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
      const std::string last = lines[k].texts.back().text, next = lines[k + 1].texts.front().text;
      const std::string tail = last.substr(last.rfind(' ') == std::string::npos ? 0 : last.rfind(' ') + 1);
      const std::string head = next.substr(0, next.find(' '));
      if (url.find(tail + head) == std::string::npos) continue;  // a break at a space
      ++cuts;
      const char end = tail.back();
      EXPECT_TRUE(end == '/' || end == '-' || end == '.') << tail << " | " << head;
    }
    EXPECT_GE(cuts, 1);
  }
}

TEST_F(TextBreakingTest, ANumberWithNoJointIsCutBetweenDigits) {
  ParagraphStyle st;
  st.size = 14;
  st.align = LineAlign::Left;
  const std::string digits(80, '7');
  const auto lines = layout_paragraph({{digits, false, false}}, st, 120, *fonts_);
  ASSERT_GE(lines.size(), 2u);
  std::string joined;
  for (const Fragment& line : lines) {
    EXPECT_LE(width_of(line), 120 + 0.01);
    for (const TextItem& t : line.texts) joined += t.text;
  }
  EXPECT_EQ(joined, digits);
}

Table wide_table(int columns, const std::string& word) {
  Table table;
  TableRow row;
  for (int i = 0; i < columns; ++i) row.cells.push_back({{{word, false, false}}});
  table.rows.push_back(row);
  return table;
}

// A table too wide at its size is set smaller, within the profile's range; beyond it the
// overflow is reported for the caller to refuse the table.
TEST_F(TextBreakingTest, ATableTooWideShrinksWithinItsRangeOrReportsTheOverflow) {
  TextStyle style{13, false, false, false, LetterCase::AsWritten};
  style.min_size = 10;
  const double word = fonts_->face(FontStyle::Regular).text_width("Quốc-phòng", 13);
  const double width = 8 * (word * 11.5 / 13 + 8) + 0.01;  // fits at 11.5 pt, not at 12
  const LaidOutTable shrunk = layout_table(wide_table(8, "Quốc-phòng"), style, width, *fonts_, keep_);
  EXPECT_EQ(shrunk.overflow, 0);
  EXPECT_EQ(shrunk.size, 11.5);
  for (const TextItem& t : shrunk.rows[0].texts) EXPECT_EQ(t.size, 11.5);
  EXPECT_EQ(layout_table(wide_table(4, "Quốc-phòng"), style, width, *fonts_, keep_).size, 13);

  const LaidOutTable too_wide = layout_table(wide_table(12, "Quốc-phòng"), style, width, *fonts_, keep_);
  EXPECT_EQ(too_wide.size, 10);
  EXPECT_GT(too_wide.overflow, 0);
  style.min_size = 0;  // no range: never shrunk
  EXPECT_EQ(layout_table(wide_table(8, "Quốc-phòng"), style, width, *fonts_, keep_).size, 13);
}

}  // namespace
}  // namespace vanban
