// Writes a file atomically (output/atomic_file.h) only when its bytes change, so that a rerun
// on unchanged input leaves every file of the output folder as it was, times included.
#pragma once

#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "output/atomic_file.h"

namespace vanban {

// An empty string on success (written or already equal), else why it failed; `written`, when
// given, says whether the file was (re)written.
std::string write_if_changed(const std::string& dir, const std::string& name, std::string_view bytes,
                             bool* written = nullptr);

// The same for a file made in pieces (the manifest and run report of a month of a million
// documents): each piece is compared with the old file's bytes at its place, and only from the
// first difference is a new file written, beginning with the old bytes that matched.
class FileIfChanged {
 public:
  FileIfChanged(std::string dir, std::string name);
  void write(std::string_view bytes);
  // As write_if_changed.
  std::string finish(bool* written = nullptr);

 private:
  void start_new_file();
  std::string dir_;
  std::string name_;
  std::ifstream old_;            // open while every byte so far matches it
  std::uint64_t matched_ = 0;
  std::string old_bytes_;        // a piece's worth of the old file
  std::unique_ptr<AtomicFile> new_;
  std::string error_;
};

}  // namespace vanban
