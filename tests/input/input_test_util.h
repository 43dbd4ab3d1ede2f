// Shared by the input and profile tests: paths, files, and a font stand-in without CJK glyphs.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model/diagnostic.h"

namespace vanban::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(VANBAN_SOURCE_DIR) + "/" + relative;
}
inline std::string document_schema() { return source_path("templates/schema/document.rng"); }
inline std::string profile_schema() { return source_path("templates/schema/profile.rng"); }

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// Draws everything but CJK ideographs, as a Latin/Vietnamese font does.
inline bool draws_no_cjk(char32_t cp) { return cp < 0x2E80 || cp > 0x9FFF; }

// All messages, one per line, for failure output.
inline std::string all(const Diagnostics& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vanban-input-XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace vanban::testing
