#include "input/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "input/input_limits.h"

namespace vanban {

std::string_view MemoryBytes::next() {
  const std::string_view piece = bytes_.substr(at_, std::min(chunk_, bytes_.size() - at_));
  at_ += piece.size();
  return piece;
}

std::string_view StreamBytes::next() {
  if (!in_) return {};
  in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  return std::string_view(buffer_).substr(0, static_cast<std::size_t>(in_.gcount()));
}

void StreamBytes::rewind() {
  in_.clear();
  in_.seekg(0);
}

bool open_input(const std::string& path, std::ifstream& in, std::optional<std::uintmax_t>& size, Diagnostics& errors) {
  in.open(path, std::ios::binary);
  if (!in) {
    errors.push_back({path, 0, 0, std::string("cannot read the file: ") + std::strerror(errno)});
    return false;
  }
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > input_limits().max_bytes) {
    errors.push_back({path, 0, 0, too_large(bytes, input_limits().max_bytes)});
    return false;
  }
  size = ec ? std::nullopt : std::optional(bytes);
  return true;
}

bool read_in_pieces(const std::string& path, std::size_t chunk_bytes, Diagnostics& errors,
                    const std::function<bool(ByteSource&)>& read) {
  std::ifstream in;
  std::optional<std::uintmax_t> size;
  if (!open_input(path, in, size, errors)) return false;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    errors.push_back({path, 0, 0, "is a folder, not a file"});
    return false;
  }
  if (!size) {  // not a regular file (a pipe): it may not be read twice, nor its size known
    const std::string bytes = read_rest(in, 0);
    MemoryBytes source(bytes, chunk_bytes);
    return read(source);
  }
  StreamBytes source(in, chunk_bytes);
  return read(source);
}

std::string read_rest(std::istream& in, std::uintmax_t expected_size) {
  std::string bytes(static_cast<std::size_t>(expected_size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in) {  // more than expected: a size not known, or a file that grew
    std::ostringstream more;
    if (more << in.rdbuf()) bytes += more.str();
  }
  return bytes;
}

}  // namespace vanban
