#include "batch/engine_fingerprint.h"

#include <elf.h>
#include <link.h>

#include <algorithm>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <string_view>
#include <vector>

#include "batch/sha256.h"
#include "font/font_set.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

// Each part is framed by its length so that no two different inputs hash the same stream.
void add_part(Sha256& hash, std::string_view label, std::string_view bytes) {
  hash.update(label).update("\n").update(std::to_string(bytes.size())).update("\n").update(bytes);
}

// As add_part with the file's bytes, read in blocks of `block` (a megabyte at most, kept from one
// file to the next): the program alone is tens of megabytes with its debugging information, and
// reading it a character at a time cost more than hashing it.
bool add_file(Sha256& hash, const std::string& label, const fs::path& path, std::string& block) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const std::streamoff size = in.tellg();
  if (size < 0 || !in.seekg(0)) return false;
  hash.update(label).update("\n").update(std::to_string(size)).update("\n");
  constexpr std::streamoff kBlock = std::streamoff{1} << 20;
  if (block.size() < static_cast<std::size_t>(std::min(size, kBlock)))
    block.resize(static_cast<std::size_t>(std::min(size, kBlock)));
  std::streamoff left = size;
  while (left > 0) {
    const auto n = static_cast<std::streamsize>(std::min<std::streamoff>(left, static_cast<std::streamoff>(block.size())));
    if (!in.read(block.data(), n)) return false;
    hash.update(std::string_view(block.data(), static_cast<std::size_t>(n)));
    left -= n;
  }
  return true;
}

// The GNU build ID note of the running program (the first object dl_iterate_phdr reports), as
// bytes; empty when it was linked without one.
std::string running_build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* out) {
        for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE) continue;
          const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
          const char* const end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note;
            std::memcpy(&note, p, sizeof note);
            const char* const name = p + sizeof note;
            const char* const desc = name + ((note.n_namesz + 3) & ~3u);
            if (desc + note.n_descsz > end) break;
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string*>(out)->assign(desc, note.n_descsz);
              return 1;
            }
            p = desc + ((note.n_descsz + 3) & ~3u);
          }
        }
        return 1;  // the program comes first: the libraries are not it
      },
      &id);
  return id;
}

}  // namespace

Result<std::string> engine_fingerprint(const FingerprintInputs& inputs) {
  Sha256 hash;
  std::string block;
  add_part(hash, "version", inputs.version);
  add_part(hash, "timestamp", inputs.timestamp ? std::to_string(*inputs.timestamp) : "");
  if (!inputs.program_path.empty()) {
    if (const std::string build_id = running_build_id(); !build_id.empty()) {
      add_part(hash, "program build id", build_id);
    } else if (!add_file(hash, "program", inputs.program_path, block)) {
      return Result<std::string>::failure({inputs.program_path, 0, 0, "cannot read the program to fingerprint it"});
    }
  }

  const fs::path templates = fs::path(inputs.data_dir) / "templates";
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(templates, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec || files.empty())
    return Result<std::string>::failure({templates.string(), 0, 0, "cannot list the templates to fingerprint them"});
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    if (!add_file(hash, "template " + file.lexically_relative(templates).generic_string(), file, block))
      return Result<std::string>::failure({file.string(), 0, 0, "cannot read this template to fingerprint it"});
  }

  Result<FontSet> fonts = FontSet::load_dir(inputs.fonts_dir);
  if (!fonts.ok()) {
    Result<std::string> out;
    out.errors = std::move(fonts.errors);
    return out;
  }
  for (FontStyle style : {FontStyle::Regular, FontStyle::Bold, FontStyle::Italic, FontStyle::BoldItalic})
    add_part(hash, "font", fonts.value->face(style).file_data());
  return {hash.hex_digest(), {}};
}

}  // namespace vanban
