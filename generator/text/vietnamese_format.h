// How Vietnamese documents write dates and numbers.
#pragma once

#include <string>
#include <string_view>

#include "model/civil_date.h"

namespace vanban::text {

// "ngày 05 tháng 02 năm 2024", "ngày 17 tháng 5 năm 2023": a leading zero for days 1-9 and
// months 1-2 only (NĐ 30/2020 Phụ lục I; Hướng dẫn 36-HD/VPTW).
std::string date_in_words(const CivilDate& d);
// "ngày ␣ tháng ␣ năm 2026": the day and month left as `blank`, for whoever dates the document
// when it is signed (a hand-filled draft, or a signing tool that stamps the date).
std::string undated_in_words(int year, std::string_view blank);

// "52.807", "-1.234.567": "." groups thousands.
std::string format_integer(long long n);
// "87,39": "," before the decimals, "." between thousands; rounded half away from zero.
std::string format_decimal(double value, int decimals);
// "87,39%": num/den as a percentage with `decimals` decimals, "%" attached. den 0 -> "0%"-style.
std::string format_percent(double num, double den, int decimals = 2);
// A figure as generated tables, text and chart labels print it: format_decimal, but decimals
// that are all zero are not written ("90", not "90,00"), as a clerk writes a whole number;
// "87,40" keeps its decimals.
std::string format_figure(double value, int decimals);
// A rate in generated running text and tables: format_figure of the percentage, "%" attached
// ("100%", "87,40%"). (<pct> in the markup keeps format_percent: its author chose.)
std::string format_rate(long long num, long long den, int decimals = 2);

// A table cell marked align="right" holding a plain integer ("2209") is grouped ("2.209");
// anything else (already grouped, text, decimals with comma) is returned unchanged.
std::string group_digits_if_integer(std::string_view cell_text);

// Zero-pads a document number below 10 to two digits ("5" -> "05") when `pad` is true.
std::string document_number(std::string_view digits, bool pad);

}  // namespace vanban::text
