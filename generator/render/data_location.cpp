#include "render/data_location.h"

#include <cstdlib>
#include <system_error>

namespace vanban {

namespace fs = std::filesystem;

std::optional<fs::path> find_data_dir(const fs::path& exe_dir, const std::function<bool(const fs::path&)>& is_dir) {
  std::vector<fs::path> candidates = {exe_dir.parent_path() / "share" / "vanban"};
  fs::path dir = exe_dir;
  for (int up = 0; up <= 3 && !dir.empty(); ++up) {
    candidates.push_back(dir);
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  for (const fs::path& candidate : candidates)
    if (is_dir(candidate / "templates" / "profiles")) return candidate.lexically_normal();
  return std::nullopt;
}

std::string default_data_dir() {
  if (const char* env = std::getenv("VANBAN_DATA"); env && *env) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const auto found = find_data_dir(exe.parent_path(), [](const fs::path& p) {
    std::error_code e;
    return fs::is_directory(p, e);
  });
  return found ? found->string() : std::string();
}

std::string default_fonts_dir(const std::string& data_dir) {
  if (const char* env = std::getenv("VANBAN_FONTS"); env && *env) return env;
  return (fs::path(data_dir) / "fonts").string();
}

}  // namespace vanban
