#include "batch/manifest.h"

#include <filesystem>

#include "batch/sha256.h"
#include "output/output_name.h"
#include "output/record_file.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "vanban-manifest 3";
constexpr std::size_t kHashDigits = 64;

bool is_hex_hash(std::string_view s) {
  if (s.size() != kHashDigits) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

fs::path output_path(const std::string& dir, std::string_view name, std::string_view suffix) {
  std::string file(name);
  file += suffix;
  return fs::path(dir) / file;
}

}  // namespace

std::string document_hash(std::string_view engine_fingerprint, std::string_view markup) {
  return Sha256().update(engine_fingerprint).update("\n").update(markup).hex_digest();
}

void read_manifest(const std::string& dir,
                   const std::function<void(std::string_view name, const ManifestEntry& entry)>& take) {
  ManifestEntry entry;
  for_each_record_line(dir, kManifestFile, kHeader, [&](std::string_view line) {
    if (line.size() <= kHashDigits || !is_hex_hash(line.substr(0, kHashDigits)) || line[kHashDigits] != ' ')
      return;
    entry.hash = std::string(line.substr(0, kHashDigits));
    line.remove_prefix(kHashDigits + 1);
    if (!take_number(line, entry.pdf_bytes) || !take_number(line, entry.html_bytes) ||
        !take_number(line, entry.booklet_bytes) || !take_number(line, entry.article_bytes))
      return;
    if (is_plain_output_name(line)) take(line, entry);
  });
}

std::string_view manifest_header() { return "vanban-manifest 3\n"; }

std::string manifest_line(std::string_view name, const ManifestEntry& e) {
  std::string line = e.hash + ' ' + std::to_string(e.pdf_bytes) + ' ' + std::to_string(e.html_bytes) + ' ' +
                     std::to_string(e.booklet_bytes) + ' ' + std::to_string(e.article_bytes) + ' ';
  line += name;
  line += '\n';
  return line;
}

bool up_to_date(const ManifestEntry* e, const std::string& dir, std::string_view name, std::string_view hash) {
  return e && e->hash == hash && is_file_of_size(output_path(dir, name, ".pdf"), e->pdf_bytes) &&
         is_file_of_size(output_path(dir, name, ".html"), e->html_bytes) &&
         (e->booklet_bytes == 0 || is_file_of_size(output_path(dir, name, "-a5.pdf"), e->booklet_bytes)) &&
         (e->article_bytes == 0 || is_file_of_size(output_path(dir, name, ".article"), e->article_bytes));
}

void remove_recorded_outputs(const std::string& dir, std::string_view name, const ManifestEntry& e) {
  const std::pair<const char*, std::uint64_t> files[] = {
      {".pdf", e.pdf_bytes}, {".html", e.html_bytes}, {"-a5.pdf", e.booklet_bytes}, {".article", e.article_bytes}};
  for (const auto& [suffix, size] : files) {
    const fs::path path = output_path(dir, name, suffix);
    std::error_code ec;
    if (size > 0 && is_file_of_size(path, size)) fs::remove(path, ec);
  }
}

}  // namespace vanban
