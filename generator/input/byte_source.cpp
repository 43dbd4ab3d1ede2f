#include "input/byte_source.h"

#include <algorithm>

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

}  // namespace vanban
