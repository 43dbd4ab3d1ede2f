#include "text/vietnamese_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace vanban::text {

namespace {

// Inserts "." every three digits from the right into a run of ASCII digits.
std::string group_thousands(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string two_digits_below(int value, int pad_below) {
  std::string s = std::to_string(value);
  return value < pad_below && value >= 0 ? "0" + s : s;
}

}  // namespace

std::string date_in_words(const CivilDate& d) {
  return "ngày " + two_digits_below(d.day, 10) + " tháng " + two_digits_below(d.month, 3) +
         " năm " + std::to_string(d.year);
}

std::string undated_in_words(int year, std::string_view blank) {
  const std::string b(blank);
  return "ngày " + b + " tháng " + b + " năm " + std::to_string(year);
}

std::string format_integer(long long n) {
  // Unsigned magnitude so that LLONG_MIN does not overflow.
  const unsigned long long magnitude =
      n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  const std::string grouped = group_thousands(std::to_string(magnitude));
  return n < 0 ? "-" + grouped : grouped;
}

std::string format_decimal(double value, int decimals) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value < 0 ? "-∞" : "∞";
  decimals = std::max(decimals, 0);

  // Round the shortest decimal that reads back as `value`, not its binary expansion: 1.005 is
  // stored as 1.00499999..., but the document's author wrote 1.005 and expects "1,01".
  char buf[512];  // fixed notation of any double is at most ~330 characters
  const char* end =
      std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::fixed).ptr;
  const std::string_view repr(buf, static_cast<std::size_t>(end - buf));
  const std::size_t point = repr.find('.');
  std::string int_part(repr.substr(0, point));
  std::string frac_part(point == std::string_view::npos ? "" : repr.substr(point + 1));

  const auto keep = static_cast<std::size_t>(decimals);
  const bool round_up = frac_part.size() > keep && frac_part[keep] >= '5';
  frac_part.resize(keep, '0');
  if (round_up) {
    // Propagate the carry through the fraction, then the integer part.
    std::string digits = int_part + frac_part;
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0)
      digits.insert(digits.begin(), '1');
    else
      ++digits[i - 1];
    int_part = digits.substr(0, digits.size() - keep);
    frac_part = digits.substr(digits.size() - keep);
  }

  const bool zero = (int_part + frac_part).find_first_not_of('0') == std::string::npos;
  std::string out = (value < 0 && !zero) ? "-" : "";  // never "-0,00"
  out += group_thousands(int_part);
  if (keep > 0) out += "," + frac_part;
  return out;
}

std::string format_percent(double num, double den, int decimals) {
  if (den == 0) return format_decimal(0, decimals) + "%";
  // num * 100 first: for integer counts it is exact, leaving a single rounding in the division,
  // so a ratio that is exactly a half in decimal (1/200 -> 0.5) is still a half when rounded.
  return format_decimal(num * 100 / den, decimals) + "%";
}

std::string format_figure(double value, int decimals) {
  std::string out = format_decimal(value, decimals);
  const std::size_t comma = out.find(',');
  if (comma != std::string::npos && out.find_first_not_of('0', comma + 1) == std::string::npos) out.resize(comma);
  return out;
}

std::string format_rate(long long num, long long den, int decimals) {
  if (den == 0) return "0%";
  // num * 100 first, as format_percent: one rounding only.
  return format_figure(static_cast<double>(num) * 100 / static_cast<double>(den), decimals) + "%";
}

std::string group_digits_if_integer(std::string_view cell_text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = cell_text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::string(cell_text);
  const std::size_t last = cell_text.find_last_not_of(kSpace);
  const std::string_view trimmed = cell_text.substr(first, last - first + 1);

  const bool negative = trimmed.front() == '-';
  const std::string_view digits = negative ? trimmed.substr(1) : trimmed;
  // "007" is a code, not a quantity: grouping it would change how it reads.
  if (!all_digits(digits) || (digits.size() > 1 && digits.front() == '0'))
    return std::string(cell_text);
  return (negative ? "-" : "") + group_thousands(digits);
}

std::string document_number(std::string_view digits, bool pad) {
  if (pad && digits.size() == 1 && is_digit(digits.front())) return "0" + std::string(digits);
  return std::string(digits);
}

}  // namespace vanban::text
