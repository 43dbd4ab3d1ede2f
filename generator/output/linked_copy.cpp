#include "output/linked_copy.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include "output/atomic_file.h"
#include "output/file_bytes.h"

namespace vanban {

PlacedFile place_linked_copy(const std::string& from, const std::string& dir, const std::string& name) {
  PlacedFile out;
  struct stat source{}, target{};
  if (stat(from.c_str(), &source) != 0) {
    out.error = "cannot read '" + from + "': " + std::strerror(errno);
    return out;
  }
  if (!S_ISREG(source.st_mode)) {
    out.error = "'" + from + "' is not a regular file";
    return out;
  }
  out.size = static_cast<std::uint64_t>(source.st_size);
  const std::string path = dir + "/" + name;
  const bool present = lstat(path.c_str(), &target) == 0 && S_ISREG(target.st_mode);
  if (present && target.st_dev == source.st_dev && target.st_ino == source.st_ino) return out;
  if (link_file_atomically(from, dir, name).empty()) {
    out.written = true;
    return out;
  }
  const std::optional<std::string> bytes = read_file_bytes(from);
  if (!bytes) {
    out.error = "cannot read '" + from + "'";
    return out;
  }
  out.size = bytes->size();
  if (present && static_cast<std::uint64_t>(target.st_size) == bytes->size()) {
    const std::optional<std::string> old = read_file_bytes(path);
    if (old && *old == *bytes) return out;
  }
  out.error = write_file_atomically(dir, name, *bytes);
  out.written = out.error.empty();
  return out;
}

}  // namespace vanban
