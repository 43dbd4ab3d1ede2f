#include "site/site_manifest.h"

#include <sys/stat.h>

#include <filesystem>

#include "output/output_name.h"
#include "output/record_file.h"

namespace vanban::site {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "vanban-site 2";
constexpr std::string_view kHeaderVersion1 = "vanban-site 1";
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
  std::vector<std::string_view> lines = record_lines(text, kHeader);
  if (lines.empty()) lines = record_lines(text, kHeaderVersion1);
  for (std::string_view line : lines) {
    if (line.rfind("slug ", 0) == 0) {
      line.remove_prefix(5);
      const std::size_t space = line.rfind(' ');
      if (space == std::string_view::npos || space == 0) continue;
      m.slugs_[std::string(line.substr(0, space))] = std::string(line.substr(space + 1));
    } else if (line.rfind("file ", 0) == 0) {
      line.remove_prefix(5);
      std::uint64_t bytes = 0;
      if (take_number(line, bytes) && is_site_path(line)) m.files_[std::string(line)] = bytes;
    } else if (line.rfind("made ", 0) == 0) {
      line.remove_prefix(5);
      const std::size_t space = line.find(' ');
      if (space != std::string_view::npos && space > 0 && is_site_path(line.substr(space + 1)))
        m.digests_[std::string(line.substr(space + 1))] = std::string(line.substr(0, space));
    }
  }
  return m;
}

std::string SiteManifest::serialise() const {
  std::vector<std::string> records;
  for (const auto& [key, slug] : slugs_) records.push_back("slug " + key + ' ' + slug);
  for (const auto& [path, bytes] : files_) records.push_back("file " + std::to_string(bytes) + ' ' + path);
  for (const auto& [path, digest] : digests_) records.push_back("made " + digest + ' ' + path);
  return record_text(kHeader, records);
}

std::string_view SiteManifest::digest(const std::string& path) const {
  const auto found = digests_.find(path);
  return found == digests_.end() ? std::string_view() : std::string_view(found->second);
}

bool SiteManifest::holds(const std::string& site_dir, const std::string& path, std::string_view digest) const {
  const auto file = files_.find(path);
  if (digest.empty() || this->digest(path) != digest || file == files_.end()) return false;
  struct stat st{};  // one lstat, not record_file.h's two: asked of every page on every run
  return lstat((site_dir + '/' + path).c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<std::uint64_t>(st.st_size) == file->second;
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
