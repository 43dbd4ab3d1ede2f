// Writes a file atomically (output/atomic_file.h) only when its bytes change, so that a rerun
// on unchanged input leaves every file of the output folder as it was, times included.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// An empty string on success (written or already equal), else why it failed; `written`, when
// given, says whether the file was (re)written.
std::string write_if_changed(const std::string& dir, const std::string& name, std::string_view bytes,
                             bool* written = nullptr);

}  // namespace vanban
