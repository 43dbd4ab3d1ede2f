#include "input/source_text.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace vanban {

namespace {

constexpr std::size_t kStride = 1024;
constexpr std::size_t npos = std::string_view::npos;

bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

SourceText::SourceText(std::string_view bytes) : lent_(true), lent_bytes_(bytes) { finish(); }

SourceText::SourceText(std::string&& bytes) : kept_(std::move(bytes)) { finish(); }

SourceText::SourceText() = default;

void SourceText::append(std::string_view piece) {
  kept_.append(piece);
  index();
}

void SourceText::finish() {
  finished_ = true;
  index();
}

void SourceText::index() {
  const std::string_view bytes = held();
  if (!started_) {
    // The first bytes say whether there is a BOM.
    if (bytes.size() < 3 && !finished_) return;
    const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    marks_.push_back({bom, 1, 1});
    indexed_ = last_mark_ = bom;
    started_ = true;
  }
  const std::size_t stop = end();
  // Line by line (memchr finds the ends): columns are counted only along a line long enough for
  // marks inside it, and along the last line held, which the next piece may go on with.
  for (std::size_t start = indexed_; start < stop;) {
    const char* first = bytes.data() + (start - base_);
    const void* newline = std::memchr(first, '\n', stop - start);
    const std::size_t line_end = newline ? start + static_cast<std::size_t>(static_cast<const char*>(newline) - first)
                                         : stop;
    if (line_end - last_mark_ > kStride || !newline) {
      for (std::size_t i = start; i < line_end; ++i) {
        if (!starts_character(bytes[i - base_])) continue;
        if (i - last_mark_ >= kStride) {
          marks_.push_back({i, line_, column_});
          last_mark_ = i;
        }
        ++column_;
      }
    }
    if (!newline) break;
    ++line_;
    column_ = 1;
    start = last_mark_ = line_end + 1;
    marks_.push_back({start, line_, 1});
  }
  indexed_ = stop;
}

void SourceText::forget_before(std::size_t offset) {
  if (lent_ || marks_.size() == first_mark_) return;
  // The last mark at or before `offset` stays, with the bytes after it: places are counted from it.
  const auto from = marks_.begin() + static_cast<std::ptrdiff_t>(first_mark_);
  const auto after = std::upper_bound(from, marks_.end(), offset,
                                      [](std::size_t o, const Mark& m) { return o < m.offset; });
  if (after == from) return;
  first_mark_ = static_cast<std::size_t>(after - marks_.begin()) - 1;
  const std::size_t keep = std::min(marks_[first_mark_].offset, end());
  dropped_ += keep - base_;
  base_ = keep;
  // Memory is given back once the forgotten part is the larger one: each byte moves O(1) times.
  if (dropped_ > kept_.size() / 2) {
    kept_.erase(0, dropped_);
    dropped_ = 0;
  }
  if (first_mark_ > marks_.size() / 2) {
    marks_.erase(marks_.begin(), marks_.begin() + static_cast<std::ptrdiff_t>(first_mark_));
    first_mark_ = 0;
  }
}

std::string_view SourceText::from(std::size_t offset) const {
  if (offset < base_ || offset > end()) return {};
  return held().substr(offset - base_);
}

std::size_t SourceText::rfind(std::string_view what, std::size_t offset) const {
  if (offset < base_) return npos;
  const std::string_view bytes = held();
  const std::size_t found = what.size() == 1 ? bytes.rfind(what[0], offset - base_) : bytes.rfind(what, offset - base_);
  return found == npos ? npos : found + base_;
}

SourcePosition SourceText::at(std::size_t offset) const {
  if (marks_.size() == first_mark_) return {1, 1};
  offset = std::min(offset, end());
  const auto from = marks_.begin() + static_cast<std::ptrdiff_t>(first_mark_);
  if (offset < from->offset) return {from->line, from->column};  // inside the BOM
  const auto next = std::upper_bound(from, marks_.end(), offset,
                                     [](std::size_t o, const Mark& m) { return o < m.offset; });
  const Mark& mark = *(next - 1);
  SourcePosition p{mark.line, mark.column};
  const std::string_view bytes = held().substr(mark.offset - base_, offset - mark.offset);
  p.column += static_cast<int>(std::count_if(bytes.begin(), bytes.end(), starts_character));
  return p;
}

SourcePosition SourceText::after(SourcePosition from, std::size_t from_offset, std::size_t offset) const {
  offset = std::min(offset, end());
  from_offset = std::max(from_offset, base_);
  if (from_offset >= offset) return from;
  for (const char c : held().substr(from_offset - base_, offset - from_offset)) {
    if (c == '\n') {
      ++from.line;
      from.column = 1;
    } else if (starts_character(c)) {
      ++from.column;
    }
  }
  return from;
}

std::size_t SourceText::line_start(int line) const {
  if (line < 1) return npos;
  if (line == 1 && first_mark_ == 0 && base_ == 0) return 0;  // before a BOM, if any
  const auto found = std::lower_bound(marks_.begin() + static_cast<std::ptrdiff_t>(first_mark_), marks_.end(), line,
                                      [](const Mark& m, int l) { return m.line < l; });
  if (found == marks_.end() || found->line != line || found->column != 1) return npos;
  return found->offset;
}

}  // namespace vanban
