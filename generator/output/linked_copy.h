// A file of one output folder published in another without copying its bytes: the board's site
// shows each PDF the build wrote. Hard links share the bytes; vanban replaces a file by renaming
// a new one over it, never by writing into it, so a link keeps exactly what it was given.
#pragma once

#include <cstdint>
#include <string>

namespace vanban {

struct PlacedFile {
  std::string error;        // empty on success
  std::uint64_t size = 0;   // the bytes dir/name holds
  bool written = false;     // false: dir/name already was that file, or held the same bytes
};

// Makes dir/name hold the bytes of the regular file `from`: a hard link to it (atomically, see
// output/atomic_file.h), or a copy where no link can be made (another file system).
PlacedFile place_linked_copy(const std::string& from, const std::string& dir, const std::string& name);

}  // namespace vanban
