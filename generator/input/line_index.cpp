#include "input/line_index.h"

#include <algorithm>
#include <cstring>

namespace vanban {

namespace {

constexpr std::size_t kStride = 1024;

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

LineIndex::LineIndex(std::string_view bytes) : bytes_(bytes) {
  const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  int line = 1;
  marks_.push_back({bom, 1, 1});
  line_starts_.push_back(0);
  // Line by line (memchr finds the ends): columns are counted only along a line long enough for
  // marks inside it.
  for (std::size_t start = bom; start < bytes.size();) {
    const void* newline = std::memchr(bytes.data() + start, '\n', bytes.size() - start);
    const std::size_t end = newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - bytes.data())
                                    : bytes.size();
    if (end - start > kStride) {
      int column = 1;
      std::size_t last_mark = start;
      for (std::size_t i = start; i < end; ++i) {
        if (i - last_mark >= kStride && starts_character(bytes[i])) {
          marks_.push_back({i, line, column});
          last_mark = i;
        }
        if (starts_character(bytes[i])) ++column;
      }
    }
    if (!newline) break;
    ++line;
    start = end + 1;
    line_starts_.push_back(start);
    marks_.push_back({start, line, 1});
  }
}

SourcePosition LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  if (offset < marks_.front().offset) return {1, 1};  // inside the BOM
  const auto next = std::upper_bound(marks_.begin(), marks_.end(), offset,
                                     [](std::size_t o, const Mark& m) { return o < m.offset; });
  const Mark& mark = *(next - 1);
  SourcePosition p{mark.line, mark.column};
  for (std::size_t i = mark.offset; i < offset; ++i)
    if (starts_character(bytes_[i])) ++p.column;
  return p;
}

SourcePosition LineIndex::after(SourcePosition from, std::size_t from_offset, std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  for (std::size_t i = from_offset; i < offset; ++i) {
    if (bytes_[i] == '\n') {
      ++from.line;
      from.column = 1;
    } else if (starts_character(bytes_[i])) {
      ++from.column;
    }
  }
  return from;
}

std::size_t LineIndex::line_start(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return std::string_view::npos;
  return line_starts_[static_cast<std::size_t>(line) - 1];
}

}  // namespace vanban
