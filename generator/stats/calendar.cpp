#include "stats/calendar.h"

namespace vanban {

CivilDate add_days(const CivilDate& date, int days) {
  // Howard Hinnant's civil_from_days, the inverse of days_since_epoch.
  long long z = days_since_epoch(date) + days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int days_in_month(int year, int month) {
  int day = 31;
  while (day > 28 && !is_valid_date({year, month, day})) --day;
  return day;
}

}  // namespace vanban
