#include "batch/web_fonts_folder.h"

#include "html/web_fonts.h"
#include "output/linked_copy.h"

namespace vanban {

Diagnostics place_web_fonts(const std::string& data_dir, const std::string& dir) {
  Diagnostics warnings;
  const std::string from = data_dir + "/fonts/";
  const std::string to = dir + "/" + html::kWebFontsFolder;
  auto place = [&](const char* file) {
    const PlacedFile placed = place_linked_copy(from + file, to, file);
    if (!placed.error.empty())
      warnings.push_back({to + "/" + file, 0, 0, placed.error + "; the HTML pages use an installed face", true});
  };
  for (const html::WebFontFace& face : html::web_font_faces()) place(face.file);
  place(html::kWebFontsLicense);
  return warnings;
}

}  // namespace vanban
