// A whole file's bytes, for the small files commands read besides their inputs (keys, images,
// built PDFs); the markup and data inputs go through input/ with its size limits instead.
#pragma once

#include <optional>
#include <string>

namespace vanban {

// nullopt when the file cannot be opened or read to its end.
std::optional<std::string> read_file_bytes(const std::string& path);

}  // namespace vanban
