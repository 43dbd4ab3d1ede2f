#include "batch/manifest.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "batch/sha256.h"
#include "batch/write_if_changed.h"
#include "output/output_name.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kHeader = "vanban-manifest 2";
constexpr std::size_t kHashDigits = 64;

bool is_hex_hash(std::string_view s) {
  if (s.size() != kHashDigits) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Reads the number at the front of `s` and the one space after it.
bool take_number(std::string_view& s, std::uint64_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || end == s.data() || end == s.data() + s.size() || *end != ' ') return false;
  s.remove_prefix(static_cast<std::size_t>(end - s.data()) + 1);
  return true;
}

bool has_size(const fs::path& path, std::uint64_t size) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  return !ec && fs::is_regular_file(status) && fs::file_size(path, ec) == size && !ec;
}

// A name that stays inside the folder: what output_base_name gives back unchanged.
bool is_plain_name(const std::string& name) {
  const Result<std::string> checked = output_base_name(name);
  return checked.ok() && *checked.value == name;
}

}  // namespace

std::string document_hash(std::string_view engine_fingerprint, std::string_view markup) {
  return Sha256().update(engine_fingerprint).update("\n").update(markup).hex_digest();
}

Manifest Manifest::load(const std::string& dir) {
  std::ifstream in(fs::path(dir) / kFileName, std::ios::binary);
  if (!in) return {};
  return parse(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

Manifest Manifest::parse(std::string_view text) {
  Manifest m;
  const std::size_t first_end = text.find('\n');
  if (text.substr(0, first_end) != kHeader) return m;
  text.remove_prefix(first_end == std::string_view::npos ? text.size() : first_end + 1);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) break;  // a line cut short is not trusted
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    ManifestEntry entry;
    if (line.size() <= kHashDigits || !is_hex_hash(line.substr(0, kHashDigits)) || line[kHashDigits] != ' ')
      continue;
    entry.hash = std::string(line.substr(0, kHashDigits));
    line.remove_prefix(kHashDigits + 1);
    if (!take_number(line, entry.pdf_bytes) || !take_number(line, entry.html_bytes) ||
        !take_number(line, entry.booklet_bytes))
      continue;
    std::string name(line);
    if (!is_plain_name(name)) continue;
    m.entries_[std::move(name)] = std::move(entry);
  }
  return m;
}

std::string Manifest::serialise() const {
  std::string out(kHeader);
  out += '\n';
  for (const auto& [name, e] : entries_) {
    out += e.hash + ' ' + std::to_string(e.pdf_bytes) + ' ' + std::to_string(e.html_bytes) + ' ' +
           std::to_string(e.booklet_bytes) + ' ' + name + '\n';
  }
  return out;
}

std::string Manifest::save(const std::string& dir) const {
  return write_if_changed(dir, kFileName, serialise());
}

const ManifestEntry* Manifest::find(const std::string& name) const {
  const auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

bool Manifest::up_to_date(const std::string& dir, const std::string& name, const std::string& hash) const {
  const ManifestEntry* e = find(name);
  return e && e->hash == hash && has_size(fs::path(dir) / (name + ".pdf"), e->pdf_bytes) &&
         has_size(fs::path(dir) / (name + ".html"), e->html_bytes) &&
         (e->booklet_bytes == 0 || has_size(fs::path(dir) / (name + "-a5.pdf"), e->booklet_bytes));
}

bool Manifest::remove_outputs(const std::string& dir, const std::string& name) {
  const auto it = entries_.find(name);
  if (it == entries_.end()) return false;
  const ManifestEntry& e = it->second;
  const std::pair<const char*, std::uint64_t> files[] = {
      {".pdf", e.pdf_bytes}, {".html", e.html_bytes}, {"-a5.pdf", e.booklet_bytes}};
  for (const auto& [suffix, size] : files) {
    const fs::path path = fs::path(dir) / (name + suffix);
    std::error_code ec;
    if (size > 0 && has_size(path, size)) fs::remove(path, ec);
  }
  entries_.erase(it);
  return true;
}

}  // namespace vanban
