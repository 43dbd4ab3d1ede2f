// What an output folder holds, by document: the content hash its files were rendered from and
// their sizes. A document whose hash is unchanged and whose files are still there with those
// sizes is not rendered again. Kept as DIR/manifest.txt, sorted by name:
//   vanban-manifest 3
//   <sha256 hex> <pdf bytes> <html bytes> <booklet pdf bytes> <article bytes> <name>
// (0 bytes: no such file). NAME.article is what the board's site shows of it (html/site_article.h).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace vanban {

struct ManifestEntry {
  std::string hash;
  std::uint64_t pdf_bytes = 0;
  std::uint64_t html_bytes = 0;
  std::uint64_t booklet_bytes = 0;  // NAME-a5.pdf; 0: the document has no booklet
  std::uint64_t article_bytes = 0;  // NAME.article
  bool operator==(const ManifestEntry&) const = default;
};

// The hash a document's outputs depend on: its markup and the engine (batch/engine_fingerprint.h).
std::string document_hash(std::string_view engine_fingerprint, std::string_view markup);

class Manifest {
 public:
  static constexpr const char* kFileName = "manifest.txt";

  // A missing or foreign file is an empty manifest, a damaged line is left out: at worst a
  // document renders again.
  static Manifest load(const std::string& dir);
  static Manifest parse(std::string_view text);
  std::string serialise() const;
  // Writes DIR/manifest.txt atomically unless it already holds these bytes; returns why it
  // failed, or an empty string.
  std::string save(const std::string& dir) const;

  const ManifestEntry* find(const std::string& name) const;
  void set(const std::string& name, ManifestEntry entry) { entries_[name] = std::move(entry); }
  void erase(const std::string& name) { entries_.erase(name); }
  const std::map<std::string, ManifestEntry>& entries() const { return entries_; }

  // True when `name` was rendered from `hash` and DIR/NAME.pdf, DIR/NAME.html (and
  // DIR/NAME-a5.pdf, DIR/NAME.article when recorded) are regular files of the recorded sizes.
  bool up_to_date(const std::string& dir, const std::string& name, const std::string& hash) const {
    return up_to_date(find(name), dir, name, hash);
  }
  // The same check for the entry `find` gave (null: none). Worker threads may make it while the
  // calling thread sets and erases other names' entries: a std::map node never moves.
  static bool up_to_date(const ManifestEntry* entry, const std::string& dir, const std::string& name,
                         const std::string& hash);

  // Deletes the outputs recorded for `name` that are still regular files of the recorded sizes
  // (a file the user replaced or linked is left alone), and forgets the entry. False when the
  // manifest has no such entry.
  bool remove_outputs(const std::string& dir, const std::string& name);

 private:
  std::map<std::string, ManifestEntry> entries_;
};

}  // namespace vanban
