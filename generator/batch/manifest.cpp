#include "batch/manifest.h"

#include <filesystem>
#include <vector>

#include "batch/sha256.h"
#include "batch/write_if_changed.h"
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

}  // namespace

std::string document_hash(std::string_view engine_fingerprint, std::string_view markup) {
  return Sha256().update(engine_fingerprint).update("\n").update(markup).hex_digest();
}

Manifest Manifest::load(const std::string& dir) { return parse(read_record_file(dir, kFileName)); }

Manifest Manifest::parse(std::string_view text) {
  Manifest m;
  for (std::string_view line : record_lines(text, kHeader)) {
    ManifestEntry entry;
    if (line.size() <= kHashDigits || !is_hex_hash(line.substr(0, kHashDigits)) || line[kHashDigits] != ' ')
      continue;
    entry.hash = std::string(line.substr(0, kHashDigits));
    line.remove_prefix(kHashDigits + 1);
    if (!take_number(line, entry.pdf_bytes) || !take_number(line, entry.html_bytes) ||
        !take_number(line, entry.booklet_bytes) || !take_number(line, entry.article_bytes))
      continue;
    if (!is_plain_output_name(line)) continue;
    m.entries_[std::string(line)] = std::move(entry);
  }
  return m;
}

std::string Manifest::serialise() const {
  std::vector<std::string> records;
  for (const auto& [name, e] : entries_) {
    records.push_back(e.hash + ' ' + std::to_string(e.pdf_bytes) + ' ' + std::to_string(e.html_bytes) + ' ' +
                      std::to_string(e.booklet_bytes) + ' ' + std::to_string(e.article_bytes) + ' ' + name);
  }
  return record_text(kHeader, records);
}

std::string Manifest::save(const std::string& dir) const {
  return write_if_changed(dir, kFileName, serialise());
}

const ManifestEntry* Manifest::find(const std::string& name) const {
  const auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

bool Manifest::up_to_date(const ManifestEntry* e, const std::string& dir, const std::string& name,
                          const std::string& hash) {
  return e && e->hash == hash && is_file_of_size(fs::path(dir) / (name + ".pdf"), e->pdf_bytes) &&
         is_file_of_size(fs::path(dir) / (name + ".html"), e->html_bytes) &&
         (e->booklet_bytes == 0 || is_file_of_size(fs::path(dir) / (name + "-a5.pdf"), e->booklet_bytes)) &&
         (e->article_bytes == 0 || is_file_of_size(fs::path(dir) / (name + ".article"), e->article_bytes));
}

bool Manifest::remove_outputs(const std::string& dir, const std::string& name) {
  const auto it = entries_.find(name);
  if (it == entries_.end()) return false;
  const ManifestEntry& e = it->second;
  const std::pair<const char*, std::uint64_t> files[] = {
      {".pdf", e.pdf_bytes}, {".html", e.html_bytes}, {"-a5.pdf", e.booklet_bytes}, {".article", e.article_bytes}};
  for (const auto& [suffix, size] : files) {
    const fs::path path = fs::path(dir) / (name + suffix);
    std::error_code ec;
    if (size > 0 && is_file_of_size(path, size)) fs::remove(path, ec);
  }
  entries_.erase(it);
  return true;
}

}  // namespace vanban
