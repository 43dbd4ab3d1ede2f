#include "input/xml_node.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/byte_source.h"
#include "input/input_limits.h"

namespace vanban {

Result<std::string> read_input_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Result<std::string>::failure({path, 0, 0, std::string("cannot read the file: ") + std::strerror(errno)});
  // Refused before it is read: the size alone says the file is beyond what vanban reads.
  std::error_code size_ec;
  const std::uintmax_t size = std::filesystem::file_size(path, size_ec);
  if (!size_ec && size > input_limits().max_bytes)
    return Result<std::string>::failure({path, 0, 0, too_large(size, input_limits().max_bytes)});
  std::string bytes = read_rest(in, size_ec ? 0 : size);
  // A folder opens as a stream but reading it fails: say what it is.
  std::error_code ec;
  if (bytes.empty() && std::filesystem::is_directory(path, ec))
    return Result<std::string>::failure({path, 0, 0, "is a folder, not a document; give the XML files in it"});
  return {std::move(bytes), {}};
}

}  // namespace vanban
