#include "batch/write_if_changed.h"

#include <filesystem>
#include <optional>

#include "output/atomic_file.h"
#include "output/file_bytes.h"

namespace vanban {

std::string write_if_changed(const std::string& dir, const std::string& name, std::string_view bytes,
                             bool* written) {
  if (written) *written = false;
  const std::filesystem::path path = std::filesystem::path(dir) / name;
  std::error_code ec;
  if (std::filesystem::is_regular_file(std::filesystem::symlink_status(path, ec)) &&
      std::filesystem::file_size(path, ec) == bytes.size() && !ec) {
    const std::optional<std::string> old = read_file_bytes(path.string());
    if (old && *old == bytes) return {};
  }
  std::string error = write_file_atomically(dir, name, bytes);
  if (written) *written = error.empty();
  return error;
}

}  // namespace vanban
