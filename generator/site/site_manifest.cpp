#include "site/site_manifest.h"

#include <filesystem>

#include "output/output_name.h"
#include "output/record_file.h"

namespace vanban::site {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "vanban-site 1";
constexpr std::string_view kFolders[] = {"van-ban", "thang", "loai", "co-quan", "tim-kiem", "assets"};

}  // namespace

bool SiteManifest::is_site_path(std::string_view path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string_view::npos) return is_plain_output_name(path);
  const std::string_view folder = path.substr(0, slash);
  bool known = false;
  for (std::string_view f : kFolders) known = known || f == folder;
  return known && is_plain_output_name(path.substr(slash + 1));
}

SiteManifest SiteManifest::load(const std::string& site_dir) { return parse(read_record_file(site_dir, kFileName)); }

SiteManifest SiteManifest::parse(std::string_view text) {
  SiteManifest m;
  for (std::string_view line : record_lines(text, kHeader)) {
    if (line.rfind("slug ", 0) == 0) {
      line.remove_prefix(5);
      const std::size_t space = line.rfind(' ');
      if (space == std::string_view::npos || space == 0) continue;
      m.slugs_[std::string(line.substr(0, space))] = std::string(line.substr(space + 1));
    } else if (line.rfind("file ", 0) == 0) {
      line.remove_prefix(5);
      std::uint64_t bytes = 0;
      if (take_number(line, bytes) && is_site_path(line)) m.files_[std::string(line)] = bytes;
    }
  }
  return m;
}

std::string SiteManifest::serialise() const {
  std::vector<std::string> records;
  for (const auto& [key, slug] : slugs_) records.push_back("slug " + key + ' ' + slug);
  for (const auto& [path, bytes] : files_) records.push_back("file " + std::to_string(bytes) + ' ' + path);
  return record_text(kHeader, records);
}

std::vector<std::string> SiteManifest::remove_files_not_in(const SiteManifest& current,
                                                           const std::string& site_dir) const {
  std::vector<std::string> removed;
  for (const auto& [path, bytes] : files_) {
    if (current.files_.count(path) || !is_site_path(path)) continue;
    const fs::path file = fs::path(site_dir) / path;
    if (!is_file_of_size(file, bytes)) continue;
    std::error_code ec;
    // The folder itself must not be a link to somewhere else.
    if (path.find('/') != std::string::npos && fs::is_symlink(fs::symlink_status(file.parent_path(), ec))) continue;
    if (fs::remove(file, ec)) removed.push_back(path);
  }
  return removed;
}

}  // namespace vanban::site
