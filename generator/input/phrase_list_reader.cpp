#include "input/phrase_list_reader.h"

#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

Result<std::vector<std::string>> read_phrase_list_bytes(std::string_view bytes, const std::string& name) {
  Result<std::vector<std::string>> result;
  std::vector<std::string> phrases;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  int line_number = 0;
  while (!bytes.empty()) {
    ++line_number;
    const std::size_t eol = bytes.find('\n');
    std::string_view line = bytes.substr(0, eol);
    bytes.remove_prefix(eol == std::string_view::npos ? bytes.size() : eol + 1);
    std::size_t bad = 0;
    if (!text::is_valid_utf8(line, &bad)) {
      result.errors.push_back({name, line_number, static_cast<int>(bad) + 1, "not UTF-8; save the list as UTF-8"});
      continue;
    }
    line = line.substr(0, line.find('#'));
    std::string phrase = xml::trimmed(text::collapse_whitespace(text::to_nfc(line)));
    if (!phrase.empty()) phrases.push_back(std::move(phrase));
  }
  if (result.errors.empty()) result.value = std::move(phrases);
  return result;
}

Result<std::vector<std::string>> read_phrase_list(const std::string& path) {
  return read_file_with<std::vector<std::string>>(
      path, [&](const std::string& bytes) { return read_phrase_list_bytes(bytes, path); });
}

}  // namespace vanban
