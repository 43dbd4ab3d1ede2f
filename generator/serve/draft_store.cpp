#include "serve/draft_store.h"

#include <algorithm>
#include <filesystem>

#include "batch/sha256.h"
#include "output/atomic_file.h"
#include "output/file_bytes.h"
#include "serve/content_path.h"

namespace vanban::serve {

namespace fs = std::filesystem;

std::vector<std::string> DraftStore::list() const {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder_, ec)) {
    const fs::path p = e.path();
    if (e.is_symlink(ec) || !e.is_regular_file(ec) || p.extension() != ".xml") continue;
    if (bad_draft_name(p.stem().string()).empty()) names.push_back(p.stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<StoredDraft> DraftStore::load(const std::string& name) const {
  const std::optional<std::string> path = confined_file(folder_, name, ".xml");
  if (!path) return std::nullopt;
  std::optional<std::string> bytes = read_file_bytes(*path);
  if (!bytes) return std::nullopt;
  const std::string version = sha256_hex(*bytes);
  return StoredDraft{name, std::move(*bytes), version};
}

SaveResult DraftStore::save(const std::string& name, const std::string& bytes, const std::string& expected_version) {
  if (const std::string why = bad_draft_name(name); !why.empty()) return {SaveOutcome::BadName, {}, why};
  std::error_code ec;
  fs::create_directories(folder_, ec);
  std::lock_guard lock(mutex_);
  const std::optional<std::string> path = confined_file(folder_, name, ".xml");
  if (!path) return {SaveOutcome::BadName, {}, "the draft's file is not inside " + folder_};
  const std::optional<std::string> current = read_file_bytes(*path);
  const std::string current_version = current ? sha256_hex(*current) : "";
  if (current_version != expected_version) {
    return {SaveOutcome::Conflict, current_version,
            current ? "the draft was changed since it was opened (by another window or person); reopen it"
                    : "the draft no longer exists"};
  }
  if (current && fs::exists(*path, ec) && !fs::is_regular_file(fs::symlink_status(*path, ec)))
    return {SaveOutcome::BadName, {}, "the draft's file is not a plain file"};
  if (const std::string error = write_file_atomically(folder_, name + ".xml", bytes); !error.empty())
    return {SaveOutcome::Failed, {}, error};
  return {SaveOutcome::Saved, sha256_hex(bytes), {}};
}

}  // namespace vanban::serve
