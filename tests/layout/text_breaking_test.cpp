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

}  // namespace
}  // namespace vanban
