// Renders one folder's documents (batch/folder_job.h) on worker threads and writes each as
// DIR/NAME.pdf and DIR/NAME.html, atomically, skipping documents whose content hash is in the
// folder's manifest with their files still there. When the job has a register, the documents in
// a number series are first issued through it on this thread, in job order (so numbers never
// depend on the threads), and recorded with their files' SHA-256 once written; with a signing
// setup their PDFs (only theirs) are signed before they are written. The bytes of every file are the same whatever
// the number of threads: each document is rendered on its own; messages and lists keep job order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "batch/folder_job.h"
#include "batch/progress.h"
#include "model/diagnostic.h"
#include "render/engine.h"
#include "sign/signing_step.h"

namespace vanban {

struct BuiltDocument {
  std::string name;
  std::string kind;  // the document type of its markup: "bao-cao", "cong-van", ...
  int pages = 0;     // of NAME.pdf, as laid out
  std::uint64_t pdf_bytes = 0;
  std::uint64_t html_bytes = 0;
  std::uint64_t booklet_bytes = 0;  // NAME-a5.pdf; 0: none
};

struct FolderOutcome {
  std::string label;
  std::string input;
  std::string output_dir;
  std::size_t documents = 0;            // written + unchanged + failed + not reached
  std::vector<BuiltDocument> written;   // in job order
  std::vector<std::string> unchanged;   // in job order
  std::vector<std::string> failed;      // documents that could not be rendered or written
  // Outputs deleted: of documents that failed this time (in job order; their old files would no
  // longer match the data), then of those no longer generated (by name). Only names the manifest
  // lists are ever deleted.
  std::vector<std::string> removed;
  Diagnostics rejected;  // the job's (records), then documents that failed, in job order
  Diagnostics warnings;
  bool interrupted = false;
};

struct FolderSettings {
  unsigned jobs = 1;
  std::string engine_fingerprint;  // batch/engine_fingerprint.h
  std::size_t save_every = 250;    // documents written between two saves of the manifest
  const SigningSetup* signing = nullptr;  // sign the issued PDFs (sign/signing_step.h); null: unsigned
  std::string signing_fingerprint;        // who signs: a change renders everything again
};

// `keep_going` is polled between documents; once it returns false no new document is started,
// those in progress are finished and written, and the manifest is saved. Messages are printed
// through `progress` in job order, each once the documents before it are done.
FolderOutcome build_folder(const Engine& engine, FolderJob job, const FolderSettings& settings,
                           Progress& progress, const std::function<bool()>& keep_going);

}  // namespace vanban
