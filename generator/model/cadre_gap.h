// One cadre's failure at one meeting, as the month's figures find it (stats/month_figures.h)
// and its store keeps it (store/month_store.h): the cadre and the branch by their rows in the
// store, so that a month of hundreds of thousands of gaps holds none of their names in memory.
#pragma once

#include "model/civil_date.h"

namespace vanban {

enum class GapKind {
  Absent,         // assigned to the branch, the branch met, the cadre did not attend
  ReportLate,     // attended, filed the report after the deadline
  ReportMissing,  // attended, filed no report
};

struct CadreGap {
  GapKind kind = GapKind::Absent;
  long long cadre_row = 0;   // the cadre's and the branch's rows in the month's store
  long long branch_row = 0;
  CivilDate meeting_date;
  CivilDate report_due;    // meeting date + deadline
  CivilDate report_filed;  // ReportLate only
  int days_late = 0;       // ReportLate only: days after the due date
};

}  // namespace vanban
