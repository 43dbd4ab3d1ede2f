// Reads a month of meeting data from XML (schema templates/schema/meetings.rng): parsed safely
// (input/safe_xml.h), every string NFC, every record with its line and column, then checked
// (input/meeting_checks.h).
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "input/meeting_sink.h"
#include "model/meeting_data.h"

namespace vanban {

// No value only when the file cannot be used at all (unreadable, not well-formed, not valid
// against the schema). Otherwise the value holds the records that passed, and `errors` one
// message per rejected record and the warnings, in file order.
Result<MeetingData> read_meetings_xml(const std::string& path, const std::string& schema_path);
// Same, from bytes already in memory; `name` is used in messages and record sources.
Result<MeetingData> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                            const std::string& schema_path);
// Same, the records put into `sink` as they are read and checked there (input/meeting_sink.h):
// the value is the month, none when the file or the sink cannot be used.
Result<MeetingMonth> read_meetings_xml(const std::string& path, const std::string& schema_path, MeetingSink& sink);
Result<MeetingMonth> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                             const std::string& schema_path, MeetingSink& sink);

}  // namespace vanban
