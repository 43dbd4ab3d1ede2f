#include "serve/content_path.h"

#include <filesystem>

namespace vanban::serve {

namespace fs = std::filesystem;

std::string bad_draft_name(const std::string& name) {
  if (name.empty()) return "a draft needs a name";
  if (name.size() > 120) return "a draft's name is at most 120 characters";
  if (name.front() == '.' || name.find("..") != std::string::npos)
    return "a draft's name cannot start with '.' or contain '..'";
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return "a draft's name has only letters a-z, digits, '-', '_' and '.'";
  }
  return {};
}

std::optional<std::string> confined_file(const std::string& folder, const std::string& name, const std::string& extension) {
  if (!bad_draft_name(name).empty()) return std::nullopt;
  std::error_code ec;
  const fs::path root = fs::canonical(folder, ec);
  if (ec) return std::nullopt;
  const fs::path file = root / (name + extension);
  // weakly_canonical follows every link that exists on the way, the file itself included.
  const fs::path resolved = fs::weakly_canonical(file, ec);
  if (ec || resolved.parent_path() != root) return std::nullopt;
  if (fs::is_symlink(file, ec)) return std::nullopt;  // even a link to a sibling: a draft is a file
  return file.string();
}

}  // namespace vanban::serve
