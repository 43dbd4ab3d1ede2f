#include "font/font_set.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <system_error>
#include <vector>

namespace vanban {

namespace {

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

struct Family {
  const char* name;
  // Accepted file names per style (Regular, Bold, Italic, BoldItalic), compared ignoring case.
  std::array<std::vector<std::string>, 4> files;
};

// In order of preference: a user who drops Times New Roman beside the shipped fonts gets it.
const std::array<Family, 2>& families() {
  static const std::array<Family, 2> all = {{
      {"Times New Roman",
       {{{"times.ttf", "Times New Roman.ttf"},
         {"timesbd.ttf", "Times New Roman Bold.ttf"},
         {"timesi.ttf", "Times New Roman Italic.ttf"},
         {"timesbi.ttf", "Times New Roman Bold Italic.ttf"}}}},
      {"Liberation Serif",
       {{{"LiberationSerif-Regular.ttf"},
         {"LiberationSerif-Bold.ttf"},
         {"LiberationSerif-Italic.ttf"},
         {"LiberationSerif-BoldItalic.ttf"}}}},
  }};
  return all;
}

constexpr std::array<const char*, 4> kStyleNames = {"Regular", "Bold", "Italic", "Bold Italic"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Result<FontSet> FontSet::load_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  // Lower-cased file name -> path, so that TIMES.TTF and Times.ttf are found too.
  std::map<std::string, std::string> by_name;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;  // a dangling link is skipped, not a failure of the folder
    if (it->is_regular_file(entry_ec)) {
      by_name.emplace(lower(it->path().filename().string()), it->path().string());
    }
  }
  if (ec) {
    return Result<FontSet>::failure({dir, 0, 0, "cannot read font folder: " + ec.message()});
  }

  auto find = [&](const std::vector<std::string>& names) -> std::optional<std::string> {
    for (const auto& n : names) {
      if (auto it = by_name.find(lower(n)); it != by_name.end()) return it->second;
    }
    return std::nullopt;
  };

  // The first complete family wins; styles are never mixed across families.
  const Family* best = nullptr;
  int best_found = -1;
  for (const auto& family : families()) {
    int found = 0;
    for (const auto& names : family.files) found += find(names) ? 1 : 0;
    if (found > best_found) {
      best = &family;
      best_found = found;
    }
    if (found == 4) break;
  }

  Result<FontSet> result;
  if (best_found < 4) {
    // Report against the family that came closest; with an empty folder, list every name.
    for (int s = 0; s < 4; ++s) {
      std::string looked;
      for (const auto& family : families()) {
        if (best_found > 0 && &family != best) continue;
        for (const auto& n : family.files[s]) looked += (looked.empty() ? "" : ", ") + n;
      }
      if (best_found > 0 && find(best->files[s])) continue;
      result.errors.push_back({dir, 0, 0,
                               std::string("font folder has no ") + kStyleNames[s] +
                                   " face (looked for " + looked +
                                   "); bold and italic are never synthesised"});
    }
    return result;
  }

  std::array<Result<FontFace>, 4> loaded;
  for (int s = 0; s < 4; ++s) {
    loaded[s] = FontFace::load(*find(best->files[s]));
    for (auto& e : loaded[s].errors) result.errors.push_back(std::move(e));
  }
  if (!result.errors.empty()) return result;
  result.value.emplace(FontSet({std::move(*loaded[0].value), std::move(*loaded[1].value),
                                std::move(*loaded[2].value), std::move(*loaded[3].value)}));
  return result;
}

FontSet::FontSet(std::array<FontFace, 4> faces) : faces_(std::move(faces)), serial_(next_serial()), covered_(0x10000) {
  // has_glyph is false from U+10000 on (font_face.cpp: outside the BMP, no glyph is embedded).
  for (char32_t cp = 0; cp < covered_.size(); ++cp)
    covered_[cp] = std::all_of(faces_.begin(), faces_.end(), [cp](const FontFace& f) { return f.has_glyph(cp); });
}

bool FontSet::covers(char32_t cp) const { return cp < covered_.size() && covered_[cp]; }

}  // namespace vanban
