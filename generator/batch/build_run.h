// `vanban build`: every month folder (content/<YYYY-MM>/) and content/documents/, or one month,
// each into its own output folder (out/<YYYY-MM>/, out/documents/) with its manifest and its
// run-report.json.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/month_job.h"
#include "batch/progress.h"
#include "render/engine.h"
#include "sign/signing_step.h"

namespace vanban {

struct BuildRequest {
  std::string content_dir = "content";
  std::string output_dir = "out";
  std::optional<std::string> month;  // only content/<month>; unset: every folder
  MeetingSource source = MeetingSource::Auto;
  unsigned jobs = 0;                 // 0: one per core
  ProgressMode progress = ProgressMode::Lines;
  std::string data_dir;              // holds templates/
  std::string engine_fingerprint;    // batch/engine_fingerprint.h
  const SigningSetup* signing = nullptr;  // sign the PDFs issued through a register; null: unsigned
};

// The folder of content/ holding single documents; the others are months (YYYY-MM).
constexpr const char* kDocumentsFolder = "documents";

// The folders under the content folder to build, in order: months oldest first, then
// documents/; empty with `error` saying why when there is nothing to build.
std::vector<std::string> folders_to_build(const BuildRequest& request, std::string& error);

// Exit status: 0 everything built, 1 something rejected (a bad record, a document that failed),
// 2 nothing to build (no such month, no content folder), 128 + N when stopped by signal N
// (SIGINT 130, SIGTERM 143, SIGHUP 129) after saving what was done.
int run_build(const Engine& engine, const BuildRequest& request, std::ostream& err);

}  // namespace vanban
