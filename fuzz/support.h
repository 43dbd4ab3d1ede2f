// What the fuzz targets share: where the checkout is, and a file's bytes.
#pragma once

#include <string>

namespace vanban::fuzz {

const std::string& source_dir();  // the checkout: templates/, fonts/, content/
std::string read_file(const std::string& path);  // aborts if it cannot be read

}  // namespace vanban::fuzz
