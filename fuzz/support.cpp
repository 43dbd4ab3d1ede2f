#include "support.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace vanban::fuzz {

const std::string& source_dir() {
  static const std::string dir = VANBAN_CHECKOUT_DIR;
  return dir;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "fuzz: cannot read %s\n", path.c_str());
    std::abort();
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace vanban::fuzz
