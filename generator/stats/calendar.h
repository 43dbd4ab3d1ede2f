// Day arithmetic on civil dates, for report deadlines and regular meeting days.
#pragma once

#include "model/civil_date.h"

namespace vanban {

// `date` plus `days` (may be negative), across months and years.
CivilDate add_days(const CivilDate& date, int days);
// 28 to 31.
int days_in_month(int year, int month);

}  // namespace vanban
