#include "output/record_file.h"

#include <sys/stat.h>

#include <charconv>
#include <fstream>

#include "output/file_bytes.h"

namespace vanban {

std::string read_record_file(const std::string& dir, const char* name) {
  return read_file_bytes((std::filesystem::path(dir) / name).string()).value_or(std::string());
}

std::vector<std::string_view> record_lines(std::string_view text, std::string_view header) {
  std::vector<std::string_view> lines;
  const std::size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || text.substr(0, first_end) != header) return lines;
  text.remove_prefix(first_end + 1);
  for (std::size_t end; (end = text.find('\n')) != std::string_view::npos; text.remove_prefix(end + 1))
    lines.push_back(text.substr(0, end));
  return lines;
}

void for_each_record_line(const std::string& dir, const char* name, std::string_view header,
                          const std::function<void(std::string_view)>& take) {
  std::ifstream in(std::filesystem::path(dir) / name, std::ios::binary);
  std::string line;
  // getline meets the end of the file before a "\n" only on a last line cut short.
  if (!std::getline(in, line) || in.eof() || line != header) return;
  while (std::getline(in, line) && !in.eof()) take(line);
}

std::string record_text(std::string_view header, const std::vector<std::string>& records) {
  std::string out(header);
  out += '\n';
  for (const std::string& r : records) {
    out += r;
    out += '\n';
  }
  return out;
}

bool take_number(std::string_view& line, std::uint64_t& out) {
  const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), out);
  if (ec != std::errc() || end == line.data() + line.size() || *end != ' ') return false;
  line.remove_prefix(static_cast<std::size_t>(end - line.data()) + 1);
  return true;
}

bool is_file_of_size(const std::filesystem::path& path, std::uint64_t size) {
  // One lstat: std::filesystem would look twice (symlink_status, then file_size), and a rerun of
  // a large month asks this of every output file.
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) == size;
}

}  // namespace vanban
