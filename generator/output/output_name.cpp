#include "output/output_name.h"

namespace vanban {

namespace {

// Leaves room in NAME_MAX (255) for ".html" and the temporary suffix of atomic_file.cpp.
constexpr std::size_t kMaxNameBytes = 200;

Result<std::string> refuse(const std::string& input_path, const std::string& why) {
  return Result<std::string>::failure({input_path, 0, 0, "cannot name the output after this file: " + why});
}

}  // namespace

Result<std::string> output_base_name(const std::string& input_path) {
  const std::size_t slash = input_path.find_last_of('/');
  std::string name = slash == std::string::npos ? input_path : input_path.substr(slash + 1);
  if (name.size() > 4) {
    std::string ext = name.substr(name.size() - 4);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == ".xml") name.resize(name.size() - 4);
  }
  if (name.empty() || name == ".xml") return refuse(input_path, "it has no name before .xml");
  if (name.front() == '.') return refuse(input_path, "'" + name + "' starts with a dot");
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return refuse(input_path, "the name holds a control character");
    if (c == '\\') return refuse(input_path, "'" + name + "' holds a backslash");
  }
  if (name.size() > kMaxNameBytes) return refuse(input_path, "the name is longer than 200 bytes");
  return {name, {}};
}

bool is_plain_output_name(std::string_view name) {
  const Result<std::string> checked = output_base_name(std::string(name));
  return checked.ok() && *checked.value == name;
}

Result<std::string> OutputNames::claim(const std::string& input_path) {
  Result<std::string> name = output_base_name(input_path);
  if (!name.ok()) return name;
  const auto [it, inserted] = owners_.emplace(*name.value, input_path);
  if (!inserted)
    return Result<std::string>::failure(
        {input_path, 0, 0,
         "output name '" + *name.value + "' is already taken by '" + it->second +
             "' in this run; rename one of the two files"});
  return name;
}

}  // namespace vanban
