// Bytes a piece at a time, from memory or from a file, for a reader that must not hold a large
// file whole: pieces of at most a chunk, and the same bytes again after rewind() for a reader that
// decides something over the whole file before it reads it for good.
#pragma once

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

// The pieces a file is read in: large enough for the reads to cost nothing, small enough that a
// file of hundreds of megabytes is never held.
inline constexpr std::size_t kChunkBytes = std::size_t{1} << 20;

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // The next bytes, empty at the end; valid until the next call.
  virtual std::string_view next() = 0;
  virtual void rewind() = 0;
};

class MemoryBytes final : public ByteSource {
 public:
  MemoryBytes(std::string_view bytes, std::size_t chunk_bytes) : bytes_(bytes), chunk_(chunk_bytes) {}
  std::string_view next() override;
  void rewind() override { at_ = 0; }

 private:
  std::string_view bytes_;
  std::size_t chunk_, at_ = 0;
};

// A seekable stream (a regular file). A read that fails ends the bytes, as reading it whole did.
class StreamBytes final : public ByteSource {
 public:
  StreamBytes(std::istream& in, std::size_t chunk_bytes) : in_(in), buffer_(chunk_bytes, '\0') {}
  std::string_view next() override;
  void rewind() override;

 private:
  std::istream& in_;
  std::string buffer_;
};

// Opens `path` for reading, with its size when it is a regular file. False, with why in `errors`
// (FILE:0:0), when it cannot be opened or is over the size limit (input/input_limits.h): refused
// before it is read, the size alone says the file is beyond what vanban reads.
bool open_input(const std::string& path, std::ifstream& in, std::optional<std::uintmax_t>& size, Diagnostics& errors);

// Reads the file at `path` a piece at a time: `read(source)` with a regular file read from disk
// (again after rewind), anything else (a pipe, which cannot be read twice) read whole first. False,
// with why in `errors` (FILE:0:0), when the file cannot be opened, is a folder or is over the size
// limit (input/input_limits.h); else what `read` gives.
bool read_in_pieces(const std::string& path, std::size_t chunk_bytes, Diagnostics& errors,
                    const std::function<bool(ByteSource&)>& read);

// What is left in `in`, read straight into one string of `expected_size` bytes (the file's size
// when known, else 0), not through a stream buffer and a copy: a province's data file is tens of
// megabytes, held once.
std::string read_rest(std::istream& in, std::uintmax_t expected_size);

}  // namespace vanban
