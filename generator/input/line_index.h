// Line and column of byte offsets in one file, in O(log n) per question after one pass over it:
// asking "where is this?" for every block or record of a large file must not rescan it from the
// start.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace vanban {

// A place in the source: 1-based line, and column counted in characters (code points).
struct SourcePosition {
  int line = 0;
  int column = 0;
};

class LineIndex {
 public:
  explicit LineIndex(std::string_view bytes);
  // The place of `offset` (clamped to the end); a UTF-8 BOM is not a character of line 1.
  SourcePosition at(std::size_t offset) const;
  // As at(offset), counted on from `from`, the place of `from_offset` (at most `offset`): for a
  // place a few bytes after a known one (an attribute after its tag's start).
  SourcePosition after(SourcePosition from, std::size_t from_offset, std::size_t offset) const;
  // The offset where 1-based `line` starts; npos past the last line.
  std::size_t line_start(int line) const;

 private:
  // Every line start, and a mark every kStride bytes inside long lines, so that a column is
  // counted from at most kStride bytes back even when the whole file is one line.
  struct Mark {
    std::size_t offset;
    int line;
    int column;
  };
  std::string_view bytes_;
  std::vector<Mark> marks_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace vanban
