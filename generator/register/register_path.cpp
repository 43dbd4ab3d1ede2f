#include "register/register_path.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string_view>

namespace vanban {

namespace {

namespace fs = std::filesystem;

bool inside(const fs::path& file, const fs::path& folder) {
  const auto [f, d] = std::mismatch(file.begin(), file.end(), folder.begin(), folder.end());
  return d == folder.end() && f != file.end();
}

bool is_sqlite(const fs::path& file) {
  constexpr std::string_view kMagic("SQLite format 3\0", 16);  // the first bytes of every database
  std::ifstream in(file, std::ios::binary);
  char head[16] = {};
  return in.read(head, sizeof head) && std::string_view(head, sizeof head) == kMagic;
}

}  // namespace

std::string register_path_problem(const std::string& register_path, const std::string& output_dir) {
  std::error_code ec;
  // Through symbolic links and "..": where the register really is against where outputs go.
  const fs::path real = fs::weakly_canonical(register_path, ec);
  const fs::path out = fs::weakly_canonical(output_dir, ec);
  if (!ec && inside(real, out))
    return "the register lies inside the output folder " + output_dir +
           ", whose files vanban replaces and deletes; keep it outside, like an input";
  if (fs::is_symlink(fs::symlink_status(register_path, ec)) && !is_sqlite(register_path))
    return "the register is a symbolic link to " + fs::read_symlink(register_path, ec).string() +
           ", which is not a SQLite register; vanban would create or overwrite it";
  return {};
}

}  // namespace vanban
