#include "render/timestamp.h"

#include <charconv>

namespace vanban {

namespace {
constexpr long long kSecondsPerDay = 86400;
constexpr long long kEndOfYear9999 = 253402300799;  // 9999-12-31T23:59:59Z
}  // namespace

std::optional<long long> parse_source_date_epoch(std::string_view text, std::string& error) {
  long long value = 0;
  const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!digits_only || ec != std::errc{} || end != text.data() + text.size() || value > kEndOfYear9999) {
    error = "SOURCE_DATE_EPOCH='" + std::string(text) +
            "' is not a number of seconds since 1970-01-01 (0 to 253402300799)";
    return std::nullopt;
  }
  return value;
}

long long document_timestamp(const CivilDate& date) { return days_since_epoch(date) * kSecondsPerDay; }

}  // namespace vanban
