// Reads a list of phrases to keep on one line (templates/phrases/keep-together.txt): UTF-8, one
// phrase per line, "#" starts a comment, blank lines ignored. Phrases come back NFC with runs
// of white space made one space.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

Result<std::vector<std::string>> read_phrase_list_bytes(std::string_view bytes, const std::string& name);
Result<std::vector<std::string>> read_phrase_list(const std::string& path);

}  // namespace vanban
