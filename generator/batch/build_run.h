// `vanban build`: every month folder (content/<YYYY-MM>/) and content/documents/, or one month,
// each into its own output folder (out/<YYYY-MM>/, out/documents/) with its manifest and its
// run-report.json.
#pragma once

#include <optional>
#include <ostream>
#include <string>

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

// Exit status: 0 everything built, 1 something rejected (a bad record, a document that failed),
// 2 nothing to build (no such month, no content folder), 128 + N when stopped by signal N
// (SIGINT 130, SIGTERM 143, SIGHUP 129) after saving what was done.
int run_build(const Engine& engine, const BuildRequest& request, std::ostream& err);

}  // namespace vanban
