#include "site/issued_pdfs.h"

#include <filesystem>
#include <optional>

#include "batch/sha256.h"
#include "output/file_bytes.h"
#include "output/output_name.h"
#include "register/register.h"
#include "site/signed_pdf.h"

namespace vanban::site {

namespace fs = std::filesystem;

std::map<std::string, IssuedPdf> issued_signed_pdfs(const std::string& register_file, const std::string& issued_dir,
                                                    Diagnostics& warnings) {
  std::map<std::string, IssuedPdf> out;
  std::error_code ec;
  if (register_file.empty() || !fs::is_regular_file(register_file, ec) || !fs::is_directory(issued_dir, ec)) return out;
  Result<Register> opened = Register::open(register_file);
  Result<std::vector<RegisterEntry>> entries =
      opened.ok() ? opened.value->entries() : Result<std::vector<RegisterEntry>>::failure(opened.errors.front());
  if (!entries.ok()) {
    for (Diagnostic& d : entries.errors) {
      d.warning = true;
      d.message += "; the site links no signed PDF of " + issued_dir;
      warnings.push_back(std::move(d));
    }
    return out;
  }
  for (const RegisterEntry& e : *entries.value) {
    if (!is_plain_output_name(e.identity.key)) continue;
    const std::string pdf_name = e.identity.key + ".pdf";
    for (const IssuedFile& f : e.files) {
      if (f.name != pdf_name) continue;
      const std::string path = (fs::path(issued_dir) / pdf_name).string();
      if (!fs::is_regular_file(fs::symlink_status(path, ec))) continue;  // a link may point anywhere
      const std::optional<std::string> bytes = read_file_bytes(path);
      if (bytes && sha256_hex(*bytes) == f.sha256 && signed_to_the_end(*bytes))
        out[e.identity.key] = {path, e.number_text};
    }
  }
  return out;
}

}  // namespace vanban::site
