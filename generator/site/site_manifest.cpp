#include "site/site_manifest.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "output/output_name.h"

namespace vanban::site {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "vanban-site 1";
constexpr std::string_view kFolders[] = {"van-ban", "thang", "loai", "co-quan", "tim-kiem", "assets"};

bool is_plain_name(std::string_view name) {
  const Result<std::string> checked = output_base_name(std::string(name));
  return checked.ok() && *checked.value == name;
}

}  // namespace

bool SiteManifest::is_site_path(std::string_view path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string_view::npos) return is_plain_name(path);
  const std::string_view folder = path.substr(0, slash);
  bool known = false;
  for (std::string_view f : kFolders) known = known || f == folder;
  return known && is_plain_name(path.substr(slash + 1));
}

SiteManifest SiteManifest::load(const std::string& site_dir) {
  std::ifstream in(fs::path(site_dir) / kFileName, std::ios::binary);
  if (!in) return {};
  return parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

SiteManifest SiteManifest::parse(std::string_view text) {
  SiteManifest m;
  const std::size_t first_end = text.find('\n');
  if (text.substr(0, first_end) != kHeader) return m;
  text.remove_prefix(first_end == std::string_view::npos ? text.size() : first_end + 1);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) break;  // a line cut short is not trusted
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (line.rfind("slug ", 0) == 0) {
      line.remove_prefix(5);
      const std::size_t space = line.rfind(' ');
      if (space == std::string_view::npos || space == 0) continue;
      m.slugs_[std::string(line.substr(0, space))] = std::string(line.substr(space + 1));
    } else if (line.rfind("file ", 0) == 0) {
      line.remove_prefix(5);
      std::uint64_t bytes = 0;
      const auto [end_of_number, ec] = std::from_chars(line.data(), line.data() + line.size(), bytes);
      if (ec != std::errc() || end_of_number == line.data() + line.size() || *end_of_number != ' ') continue;
      const std::string_view path = line.substr(static_cast<std::size_t>(end_of_number - line.data()) + 1);
      if (is_site_path(path)) m.files_[std::string(path)] = bytes;
    }
  }
  return m;
}

std::string SiteManifest::serialise() const {
  std::string out(kHeader);
  out += '\n';
  for (const auto& [key, slug] : slugs_) out += "slug " + key + ' ' + slug + '\n';
  for (const auto& [path, bytes] : files_) out += "file " + std::to_string(bytes) + ' ' + path + '\n';
  return out;
}

std::vector<std::string> SiteManifest::remove_files_not_in(const SiteManifest& current,
                                                           const std::string& site_dir) const {
  std::vector<std::string> removed;
  for (const auto& [path, bytes] : files_) {
    if (current.files_.count(path) || !is_site_path(path)) continue;
    const fs::path file = fs::path(site_dir) / path;
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(file, ec);
    if (ec || !fs::is_regular_file(status) || fs::file_size(file, ec) != bytes || ec) continue;
    // The folder itself must not be a link to somewhere else.
    if (path.find('/') != std::string::npos && fs::is_symlink(fs::symlink_status(file.parent_path(), ec))) continue;
    if (fs::remove(file, ec)) removed.push_back(path);
  }
  return removed;
}

}  // namespace vanban::site
