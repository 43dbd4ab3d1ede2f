// Renders one folder's documents (batch/folder_job.h) on worker threads and writes each as
// DIR/NAME.pdf and DIR/NAME.html, atomically, skipping documents whose content hash is in the
// folder's manifest with their files still there. When the job has a register, the documents in
// a number series are first issued through it on this thread, in job order (so numbers never
// depend on the threads), and recorded with their files' SHA-256 once written; with a signing
// setup their PDFs (only theirs) are signed before they are written. The bytes of every file are the same whatever
// the number of threads: each document is rendered on its own; messages keep job order. What is
// kept of each document (the manifest, the lists of the run report) is kept in the folder's
// ledger (batch/folder_ledger.h), not in memory.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "batch/folder_job.h"
#include "batch/folder_ledger.h"
#include "batch/progress.h"
#include "model/diagnostic.h"
#include "render/engine.h"
#include "sign/signing_step.h"

namespace vanban {

struct FolderOutcome {
  std::string label;
  std::string input;
  std::string output_dir;
  std::size_t documents = 0;  // written + unchanged + failed + not reached
  // What became of the documents: written, unchanged, failed (could not be rendered or written),
  // their outputs removed (of documents that failed this time, whose old files would no longer
  // match the data, and of those no longer generated; only names the manifest lists are ever
  // deleted). Null when the folder's bookkeeping could not be kept: nothing was rendered then.
  std::unique_ptr<FolderLedger> ledger;
  Diagnostics rejected;  // the job's (records), then documents that failed, in job order
  Diagnostics warnings;
  bool interrupted = false;

  std::size_t written() const { return ledger ? ledger->written() : 0; }
  std::size_t count(Listed list) const { return ledger ? ledger->count(list) : 0; }
};

struct FolderSettings {
  unsigned jobs = 1;
  std::string engine_fingerprint;  // batch/engine_fingerprint.h
  // Documents written between two saves of the manifest, at least; a save also waits ten times
  // as long as the last one took, so that saving stays a small part of a long run.
  std::size_t save_every = 250;
  const SigningSetup* signing = nullptr;  // sign the issued PDFs (sign/signing_step.h); null: unsigned
  std::string signing_fingerprint;        // who signs: a change renders everything again
};

// `keep_going` is polled between documents; once it returns false no new document is started,
// those in progress are finished and written, and the manifest is saved. Messages are printed
// through `progress` in job order, each once the documents before it are done.
FolderOutcome build_folder(const Engine& engine, FolderJob job, const FolderSettings& settings,
                           Progress& progress, const std::function<bool()>& keep_going);

}  // namespace vanban
