// What an output folder holds, by document: the content hash its files were rendered from and
// their sizes. A document whose hash is unchanged and whose files are still there with those
// sizes is not rendered again. Kept as DIR/manifest.txt, sorted by name:
//   vanban-manifest 3
//   <sha256 hex> <pdf bytes> <html bytes> <booklet pdf bytes> <article bytes> <name>
// (0 bytes: no such file). NAME.article is what the board's site shows of it (html/site_article.h).
// A build keeps it as it changes in its bookkeeping (batch/folder_ledger.h), not in memory.
#pragma once

#include <cstdint>
#include <functional>
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

constexpr const char* kManifestFile = "manifest.txt";

// The hash a document's outputs depend on: its markup and the engine (batch/engine_fingerprint.h).
std::string document_hash(std::string_view engine_fingerprint, std::string_view markup);

// Gives `take` each entry of DIR/manifest.txt, in the file's order. A missing or foreign file has
// none, a damaged line is left out: at worst a document renders again.
void read_manifest(const std::string& dir,
                   const std::function<void(std::string_view name, const ManifestEntry& entry)>& take);

// The file's first line and one entry's line, "\n" included: the file is the first, then the
// entries' lines in name order.
std::string_view manifest_header();
std::string manifest_line(std::string_view name, const ManifestEntry& entry);

// True when `entry` (null: none) was rendered from `hash` and DIR/NAME.pdf, DIR/NAME.html (and
// DIR/NAME-a5.pdf, DIR/NAME.article when recorded) are regular files of the recorded sizes.
bool up_to_date(const ManifestEntry* entry, const std::string& dir, std::string_view name, std::string_view hash);

// Deletes the outputs `entry` records for `name` that are still regular files of the recorded
// sizes (a file the user replaced or linked is left alone).
void remove_recorded_outputs(const std::string& dir, std::string_view name, const ManifestEntry& entry);

}  // namespace vanban
