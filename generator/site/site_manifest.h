// What vanban wrote into a site folder, kept as SITE/vanban-site.txt:
//   vanban-site 2
//   slug <document key> <slug>     the address each document was given (kept on rebuilds)
//   file <bytes> <path>            every file written, relative to the site folder
//   made <digest> <path>           what a page (or, for tim-kiem/index.js, the whole search
//                                  index) was made from (site/page_digest.h): the same digest
//                                  and the file still there at its size, it is not made again
// A version 1 file (without "made" lines) is read too: its pages are all made again.
// A later run removes the files it no longer writes, and only those: listed here, a plain name
// in one of the site's own folders (never "..", never a link), a regular file of the recorded
// size (a file someone replaced is left alone).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::site {

class SiteManifest {
 public:
  static constexpr const char* kFileName = "vanban-site.txt";

  // A missing or foreign file is an empty manifest; a damaged line is left out.
  static SiteManifest load(const std::string& site_dir);
  static SiteManifest parse(std::string_view text);
  std::string serialise() const;

  void set_slug(const std::string& key, const std::string& slug) { slugs_[key] = slug; }
  void set_file(const std::string& path, std::uint64_t bytes) { files_[path] = bytes; }
  void set_digest(const std::string& path, std::string digest) { digests_[path] = std::move(digest); }
  const std::map<std::string, std::string>& slugs() const { return slugs_; }
  const std::map<std::string, std::uint64_t>& files() const { return files_; }
  // The digest `path` was made from, when it is listed with one; else empty.
  std::string_view digest(const std::string& path) const;
  // Whether `path` is listed as made from `digest` and the site still holds it at its size.
  bool holds(const std::string& site_dir, const std::string& path, std::string_view digest) const;

  // Deletes the files of this manifest that `current` does not list (safety rules above);
  // returns the paths removed.
  std::vector<std::string> remove_files_not_in(const SiteManifest& current, const std::string& site_dir) const;

  // "van-ban/x.html": a plain file name, alone or under one of the site's own folders.
  static bool is_site_path(std::string_view path);

 private:
  std::map<std::string, std::string> slugs_;
  std::map<std::string, std::uint64_t> files_;
  std::map<std::string, std::string> digests_;
};

}  // namespace vanban::site
