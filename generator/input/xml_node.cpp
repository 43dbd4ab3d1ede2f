#include "input/xml_node.h"

#include <filesystem>
#include <fstream>
#include <optional>

#include "input/byte_source.h"

namespace vanban {

Result<std::string> read_input_file(const std::string& path) {
  std::ifstream in;
  std::optional<std::uintmax_t> size;
  Result<std::string> refused;
  if (!open_input(path, in, size, refused.errors)) return refused;
  std::string bytes = read_rest(in, size.value_or(0));
  // A folder opens as a stream but reading it fails: say what it is.
  std::error_code ec;
  if (bytes.empty() && std::filesystem::is_directory(path, ec))
    return Result<std::string>::failure({path, 0, 0, "is a folder, not a document; give the XML files in it"});
  return {std::move(bytes), {}};
}

}  // namespace vanban
