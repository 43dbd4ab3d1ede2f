// Where a register may be. The register is a file the user names, like an input, so it lives
// outside the output folder by design: an output folder's files are vanban's to replace and
// delete (its manifest), and a register among them could be lost with a stale output.
#pragma once

#include <string>

namespace vanban {

// Empty, or why `register_path` cannot be the register of a run writing to `output_dir`: it
// lies inside that folder, or it is a symbolic link to something that is not a SQLite database
// (a missing file, a PDF, an empty file), which opening would create or overwrite.
std::string register_path_problem(const std::string& register_path, const std::string& output_dir);

}  // namespace vanban
