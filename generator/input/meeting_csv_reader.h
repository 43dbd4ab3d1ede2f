// Reads a month of meeting data from a folder of CSV files, as offices keep it in spreadsheets:
// the folder is named after the month (YYYY-MM, such as 2026-10) and holds branches.csv,
// cadres.csv, assignments.csv and meetings.csv. Column names are the attribute names of
// templates/schema/meetings.rng, in any order; topics, opinions and proposals hold one item per
// line of a cell, an opinion written "topic: text". Read through input/csv.h (any delimiter,
// UTF-8, UTF-16, TCVN3, VNI), then checked (input/meeting_checks.h).
#pragma once

#include <string>

#include "model/diagnostic.h"
#include "input/meeting_sink.h"
#include "model/meeting_data.h"

namespace vanban {

// No value when a file is missing, cannot be decoded or lacks a column, or the folder is not
// named after a month. Otherwise the value holds the records that passed, and `errors` one
// message per rejected record (FILE:ROW:COLUMN) and the warnings, file by file in the order above.
Result<MeetingData> read_meetings_csv(const std::string& dir);

// Same, the records put into `sink` as they are read and checked there: the value is the month,
// none when a file or the sink cannot be used. The messages are the same, in the same order.
Result<MeetingMonth> read_meetings_csv(const std::string& dir, MeetingSink& sink);

}  // namespace vanban
