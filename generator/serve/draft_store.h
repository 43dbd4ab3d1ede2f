// The drafts vanban serve saves: markup files CONTENT/drafts/NAME.xml, so that `vanban check`
// and the rest of the command line see them. Each file's version is the SHA-256 of its bytes: a
// save names the version it was edited from and is refused when the file has changed since
// (optimistic concurrency, across browsers and processes), and files are replaced atomically.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban::serve {

struct StoredDraft {
  std::string name;     // without .xml
  std::string bytes;
  std::string version;  // SHA-256 hex of bytes
};

enum class SaveOutcome { Saved, Conflict, BadName, Failed };

struct SaveResult {
  SaveOutcome outcome = SaveOutcome::Failed;
  std::string version;  // Saved: the new version; Conflict: the current one
  std::string message;  // why, when not saved
};

class DraftStore {
 public:
  explicit DraftStore(std::string folder) : folder_(std::move(folder)) {}

  const std::string& folder() const { return folder_; }
  // The names of the drafts, sorted (links and files not named NAME.xml are left out).
  std::vector<std::string> list() const;
  // nullopt: no such draft, or a name that is refused.
  std::optional<StoredDraft> load(const std::string& name) const;
  // `expected_version` empty: the draft must not exist yet.
  SaveResult save(const std::string& name, const std::string& bytes, const std::string& expected_version);

 private:
  std::string folder_;
  std::mutex mutex_;  // one save at a time: check the version, then write
};

}  // namespace vanban::serve
