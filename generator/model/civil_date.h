// A calendar date without time zone: documents carry the day they are signed, nothing more.
#pragma once

#include <optional>
#include <string_view>

namespace vanban {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  auto operator<=>(const CivilDate&) const = default;
};

// Parses "YYYY-MM-DD" and rejects dates that do not exist (2023-02-29, 2024-13-01).
std::optional<CivilDate> parse_iso_date(std::string_view text);
bool is_valid_date(const CivilDate& d);
// Days since 1970-01-01 (proleptic Gregorian); used for SOURCE_DATE_EPOCH style timestamps.
long long days_since_epoch(const CivilDate& d);

}  // namespace vanban
