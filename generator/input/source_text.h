// The bytes of one input file and the line and column of each offset in it, in O(log n) per
// question after one pass: asking "where is this?" for every block or record of a large file
// must not rescan it from the start. Either the whole file, lent (a document), or only the part
// still needed, held while the file is read a piece at a time (a month of records, each forgotten
// once read, so that memory does not grow with the file). Offsets are the file's either way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// A place in the source: 1-based line, and column counted in characters (code points).
struct SourcePosition {
  int line = 0;
  int column = 0;
};

class SourceText {
 public:
  // The whole file, lent: `bytes` must outlive this object.
  explicit SourceText(std::string_view bytes);
  // The whole file, kept.
  explicit SourceText(std::string&& bytes);
  // A file to come a piece at a time (append), the pieces kept until forget_before.
  SourceText();
  SourceText(const SourceText&) = delete;
  SourceText& operator=(const SourceText&) = delete;

  void append(std::string_view piece);
  void finish();  // no more pieces: a file shorter than a BOM is indexed now
  // No place or byte before `offset` will be asked for again: their memory may be released.
  void forget_before(std::size_t offset);

  // The offsets of the first byte held and of the byte after the last.
  std::size_t begin() const { return base_; }
  std::size_t end() const { return base_ + held().size(); }
  // The bytes held from `offset` to the end; empty outside them.
  std::string_view from(std::size_t offset) const;
  // The offset of the last `what` that starts at or before `offset`, among the bytes held; npos
  // if there is none.
  std::size_t rfind(std::string_view what, std::size_t offset) const;

  // The place of `offset` (clamped to the bytes held); a UTF-8 BOM is not a character of line 1.
  SourcePosition at(std::size_t offset) const;
  // As at(offset), counted on from `from`, the place of `from_offset` (at most `offset`): for a
  // place a few bytes after a known one (an attribute after its tag's start).
  SourcePosition after(SourcePosition from, std::size_t from_offset, std::size_t offset) const;
  // The offset where 1-based `line` starts; npos past the last line or before the bytes held.
  std::size_t line_start(int line) const;

 private:
  // Every line start, and a mark every kStride bytes inside long lines, so that a column is
  // counted from at most kStride bytes back even when the whole file is one line.
  struct Mark {
    std::size_t offset;
    int line;
    int column;
  };

  std::string_view held() const { return lent_ ? lent_bytes_ : std::string_view(kept_).substr(dropped_); }
  void index();  // marks the bytes held that are not yet marked

  bool lent_ = false;
  std::string_view lent_bytes_;
  std::string kept_;          // a kept file, or the pieces held of a streamed one
  std::size_t dropped_ = 0;   // bytes at the front of kept_ already forgotten
  std::size_t base_ = 0;      // the file offset of held()[0]
  bool finished_ = false;
  std::vector<Mark> marks_;
  std::size_t first_mark_ = 0;  // marks before it are forgotten
  // Indexing as bytes arrive: where it stopped, and the line, column and last mark there.
  bool started_ = false;
  std::size_t indexed_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::size_t last_mark_ = 0;
};

}  // namespace vanban
