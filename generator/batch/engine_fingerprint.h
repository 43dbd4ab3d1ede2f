// What, beside a document's markup, decides its output bytes: the program, the templates
// (profiles, schemas, document templates), the fonts and the PDF timestamp. Hashed once per run;
// any change to one of them makes every document render again.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace vanban {

struct FingerprintInputs {
  std::string version;       // VANBAN_VERSION
  // The running executable ("/proc/self/exe"); empty: not hashed. Its GNU build ID (the
  // linker's hash of the file) stands for it when it has one, so that a run does not read tens
  // of megabytes of debugging information; the file is read only when it has none.
  std::string program_path;
  std::string data_dir;      // every file under data_dir/templates, by relative path
  std::string fonts_dir;     // the four faces FontSet picks there
  std::optional<long long> timestamp;  // SOURCE_DATE_EPOCH, when set
};

// SHA-256 hex of the file contents (never their times); an error when a file cannot be read.
Result<std::string> engine_fingerprint(const FingerprintInputs& inputs);

}  // namespace vanban
