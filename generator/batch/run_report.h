// The machine-readable report of one output folder, DIR/run-report.json:
//   {"vanban": "0.1.0", "folder": "2026-10", "input": "content/2026-10/meetings.xml",
//    "output": "out/2026-10", "interrupted": false,
//    "counts": {"documents": 40, "written": 38, "unchanged": 0, "failed": 2, "removed": 0,
//               "rejected": 5, "warnings": 1},
//    "written": [{"name": "...", "kind": "bao-cao", "pages": 2, "pdf_bytes": 31412,
//                 "html_bytes": 18733}, ...],
//    "unchanged": ["..."], "failed": ["..."], "removed": ["..."],
//    "rejected": [{"file": "...", "line": 12, "column": 5, "message": "..."}, ...],
//    "warnings": [same shape]}
// Name lists are sorted by name; "rejected" (bad records first, then documents) and "warnings"
// keep input order. "pages" is left out when unknown.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "batch/build_folder.h"

namespace vanban {

// Written a piece at a time to `out`: a month of a million documents lists a million names.
void write_run_report(const FolderOutcome& outcome, std::string_view version,
                      const std::function<void(std::string_view)>& out);

// A JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string json_string(std::string_view utf8);

}  // namespace vanban
