// The timestamp written into outputs (PDF CreationDate/ModDate). Never the clock: the same input
// must give the same bytes (https://reproducible-builds.org/specs/source-date-epoch/).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/civil_date.h"

namespace vanban {

// Parses a SOURCE_DATE_EPOCH value: decimal seconds since 1970-01-01 UTC, up to the end of year
// 9999. Anything else is an error, never silently replaced by another time.
std::optional<long long> parse_source_date_epoch(std::string_view text, std::string& error);

// The document's date at 00:00 UTC.
long long document_timestamp(const CivilDate& date);

}  // namespace vanban
