// The checks a month of meeting data must pass, whichever file it came from: both readers call
// check_meetings, so XML and CSV with the same content give the same MeetingData and the same
// reasons.
#pragma once

#include "model/diagnostic.h"
#include "model/meeting_data.h"

namespace vanban {

// The records of `raw` that pass, in their order; every other one is reported at the place of
// the value at fault (FILE:LINE:COL, FILE:ROW:COLUMN for CSV) and left out, never stopping the
// rest. Records already rejected by a reader (source.rejected) are left out silently, and
// references to them say so. Rejected:
//   branch: duplicate id; members below 1; meeting-day outside 1-31;
//   cadre: duplicate id;
//   assignment: unknown or rejected cadre or branch; the same pair twice;
//   meeting: unknown or rejected branch or cadre; a date outside the month; fewer than one or
//     more members present than on the roll; a report filed before the meeting or with no
//     cadre attending; a second meeting of the branch on the same day.
// A warning only: a cadre attending a branch they are not assigned to (a substitute).
// The records come back without the places of their values (RecordSource::fields), which only
// these checks use: a record's own place remains.
MeetingData check_meetings(MeetingData raw, Diagnostics& out);

}  // namespace vanban
