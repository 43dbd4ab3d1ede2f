#include "text/vietnamese_format.h"

#include <gtest/gtest.h>

#include <climits>
#include <limits>

namespace vanban::text {
namespace {

TEST(DateInWords, PadsDaysBelowTenAndMonthsBelowThree) {
  EXPECT_EQ(date_in_words({2024, 2, 5}), "ngày 05 tháng 02 năm 2024");
  EXPECT_EQ(date_in_words({2023, 5, 17}), "ngày 17 tháng 5 năm 2023");
  EXPECT_EQ(date_in_words({2019, 6, 29}), "ngày 29 tháng 6 năm 2019");
  EXPECT_EQ(undated_in_words(2026, "\u2003"), "ngày \u2003 tháng \u2003 năm 2026");
  EXPECT_EQ(date_in_words({2018, 4, 3}), "ngày 03 tháng 4 năm 2018");
  EXPECT_EQ(date_in_words({2018, 2, 20}), "ngày 20 tháng 02 năm 2018");
  EXPECT_EQ(date_in_words({2026, 12, 12}), "ngày 12 tháng 12 năm 2026");
  EXPECT_EQ(date_in_words({2020, 1, 5}), "ngày 05 tháng 01 năm 2020");
  EXPECT_EQ(date_in_words({2013, 3, 10}), "ngày 10 tháng 3 năm 2013");
}

TEST(FormatInteger, GroupsThousandsWithDots) {
  EXPECT_EQ(format_integer(52807), "52.807");
  EXPECT_EQ(format_integer(60421), "60.421");
  EXPECT_EQ(format_integer(0), "0");
  EXPECT_EQ(format_integer(999), "999");
  EXPECT_EQ(format_integer(1000), "1.000");
  EXPECT_EQ(format_integer(-1234567), "-1.234.567");
  EXPECT_EQ(format_integer(-999), "-999");
  EXPECT_EQ(format_integer(LLONG_MIN), "-9.223.372.036.854.775.808");
}

TEST(FormatDecimal, UsesCommaAndDotAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(format_decimal(87.3912, 2), "87,39");
  EXPECT_EQ(format_decimal(1234567.891, 2), "1.234.567,89");
  EXPECT_EQ(format_decimal(0.125, 2), "0,13");   // exact half in binary too
  EXPECT_EQ(format_decimal(-0.125, 2), "-0,13");
  EXPECT_EQ(format_decimal(2.5, 0), "3");
  EXPECT_EQ(format_decimal(-2.5, 0), "-3");
  EXPECT_EQ(format_decimal(999.995, 2), "1.000,00");  // carry into a new group
  EXPECT_EQ(format_decimal(7, 3), "7,000");
  EXPECT_EQ(format_decimal(0.5, 1), "0,5");
}

TEST(FormatDecimal, RoundsTheWrittenDecimalNotItsBinaryApproximation) {
  // 1.005 and 2.675 are stored slightly below the half; the written value is what counts.
  EXPECT_EQ(format_decimal(1.005, 2), "1,01");
  EXPECT_EQ(format_decimal(2.675, 2), "2,68");
}

TEST(FormatDecimal, NeverPrintsNegativeZero) {
  EXPECT_EQ(format_decimal(-0.001, 2), "0,00");
  EXPECT_EQ(format_decimal(-0.0, 0), "0");
}

TEST(FormatDecimal, NonFiniteValuesAreVisible) {
  EXPECT_EQ(format_decimal(std::numeric_limits<double>::quiet_NaN(), 2), "NaN");
  EXPECT_EQ(format_decimal(-std::numeric_limits<double>::infinity(), 2), "-∞");
}

TEST(FormatPercent, ComputesRoundsAndAttachesSign) {
  // 52807 * 100 / 60421 = 87.3984...: rounds up to 87,40 (the seed text truncated it to 87,39).
  EXPECT_EQ(format_percent(52807, 60421), "87,40%");
  EXPECT_EQ(format_percent(2, 3), "66,67%");    // 66.666...
  EXPECT_EQ(format_percent(-1, 3), "-33,33%");  // -33.333...
  EXPECT_EQ(format_percent(1, 8, 0), "13%");    // 12.5 exactly
  EXPECT_EQ(format_percent(1, 200, 0), "1%");   // 0.5 exactly, not 0.5000000001 or 0.4999...
  EXPECT_EQ(format_percent(2209, 2209), "100,00%");
  EXPECT_EQ(format_percent(758, 1000, 1), "75,8%");
}

// A whole percentage that is exact prints without decimals; anything else as format_percent.
TEST(FormatFigure, DecimalsThatAreAllZeroAreNotWritten) {
  EXPECT_EQ(format_figure(90, 2), "90");
  EXPECT_EQ(format_figure(89.999, 2), "90");
  EXPECT_EQ(format_figure(87.4, 2), "87,40");
  EXPECT_EQ(format_figure(2209, 0), "2.209");
  EXPECT_EQ(format_figure(-0.001, 2), "0");
}

TEST(FormatRate, ExactWholePercentagesHaveNoDecimals) {
  EXPECT_EQ(format_rate(2209, 2209), "100%");
  EXPECT_EQ(format_rate(18, 20), "90%");
  EXPECT_EQ(format_rate(0, 7), "0%");
  EXPECT_EQ(format_rate(52807, 60421), format_percent(52807, 60421));  // "87,40%"
  EXPECT_EQ(format_rate(1, 8), "12,50%");         // exact, but not whole
  EXPECT_EQ(format_rate(99999, 100000), "100%");  // printed as 100,00: the zeros go too
  EXPECT_EQ(format_rate(5, 0), "0%");
  EXPECT_EQ(format_rate(120000, 1000), "12.000%");
}

TEST(FormatPercent, ZeroDenominatorGivesZero) {
  EXPECT_EQ(format_percent(52807, 0), "0,00%");
  EXPECT_EQ(format_percent(5, 0, 0), "0%");
}

TEST(GroupDigitsIfInteger, GroupsPlainIntegersOnly) {
  EXPECT_EQ(group_digits_if_integer("2209"), "2.209");
  EXPECT_EQ(group_digits_if_integer(" 2209 "), "2.209");
  EXPECT_EQ(group_digits_if_integer("1234567"), "1.234.567");
  EXPECT_EQ(group_digits_if_integer("-15"), "-15");
  EXPECT_EQ(group_digits_if_integer("-52807"), "-52.807");
  EXPECT_EQ(group_digits_if_integer("758"), "758");
  EXPECT_EQ(group_digits_if_integer("0"), "0");
  // Digit strings longer than any integer type are grouped as text.
  EXPECT_EQ(group_digits_if_integer("12345678901234567890123"),
            "12.345.678.901.234.567.890.123");
}

TEST(GroupDigitsIfInteger, LeavesEverythingElseUnchanged) {
  EXPECT_EQ(group_digits_if_integer("52.807"), "52.807");
  EXPECT_EQ(group_digits_if_integer("87,39%"), "87,39%");
  EXPECT_EQ(group_digits_if_integer("Hội Nông dân"), "Hội Nông dân");
  EXPECT_EQ(group_digits_if_integer("12,5"), "12,5");
  EXPECT_EQ(group_digits_if_integer("+15"), "+15");
  EXPECT_EQ(group_digits_if_integer("-"), "-");
  EXPECT_EQ(group_digits_if_integer("0123"), "0123");  // a code, not a quantity
  EXPECT_EQ(group_digits_if_integer(" 12a "), " 12a ");
  EXPECT_EQ(group_digits_if_integer("   "), "   ");
  EXPECT_EQ(group_digits_if_integer(""), "");
}

TEST(DocumentNumber, PadsSingleDigitsWhenAsked) {
  EXPECT_EQ(document_number("5", true), "05");
  EXPECT_EQ(document_number("05", true), "05");
  EXPECT_EQ(document_number("431", true), "431");
  EXPECT_EQ(document_number("10", true), "10");
  EXPECT_EQ(document_number("5", false), "5");
  EXPECT_EQ(document_number("8011", false), "8011");  // never grouped
}

}  // namespace
}  // namespace vanban::text
