#include "pdf/embedded_font.h"

#include <cmath>
#include <cstdlib>
#include <list>
#include <mutex>
#include <string_view>
#include <vector>

#include "pdf/flate.h"
#include "pdf/pdf_number.h"
#include "pdf/truetype_subset.h"

namespace vanban {

namespace {

// Font programs and CMaps are compressed once per glyph set, but a month's attendance reports
// each draw their own names, so most of their glyph sets are new: at level 9 compressing them
// took a fifth of a month's instructions. On the samples' subsets (1-8 KB) libdeflate's level 1
// takes half the time of its level 9 for 2-3% more bytes.
constexpr int kFontFileLevel = 1;

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325;
constexpr std::uint64_t kFnvPrime = 0x100000001b3;

std::uint64_t hash_code_points(std::uint64_t h, std::span<const char32_t> code_points) {
  for (const char32_t cp : code_points) h = (h ^ cp) * kFnvPrime;
  return h;
}

// Six capital letters from the PostScript name and the code points: the same subset always gets
// the same tag, and different subsets of a face (in one PDF after merging) almost surely differ.
std::string subset_tag(const std::string& name, std::span<const char32_t> code_points) {
  std::uint64_t h = kFnvOffset;
  for (const char ch : name) h = (h ^ static_cast<unsigned char>(ch)) * kFnvPrime;
  h = hash_code_points(h, code_points);
  std::string tag(6, 'A');
  for (char& ch : tag) {
    ch = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

// A font without a PostScript name still needs a BaseFont: its family and style, unspaced.
std::string postscript_name(const FontFace& face) {
  if (!face.postscript_name().empty()) return face.postscript_name();
  std::string name;
  for (const char ch : face.family_name() + "-" + face.style_name()) {
    if (ch != ' ') name += ch;
  }
  return name;
}

// bfrange entries map a run of CIDs to consecutive code points; a run may only vary in the last
// byte of both (PDF 32000 9.10.3), and a block holds at most 100 entries.
std::string to_unicode_cmap(std::span<const char32_t> code_points) {
  struct Range {
    unsigned first_cid, last_cid;
    char32_t first_cp;
  };
  std::vector<Range> ranges;
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const auto cid = static_cast<unsigned>(i + 1);
    const char32_t cp = code_points[i];
    if (!ranges.empty()) {
      Range& r = ranges.back();
      if (cid == r.last_cid + 1 && cp == r.first_cp + (r.last_cid - r.first_cid) + 1 &&
          (cid >> 8) == (r.first_cid >> 8) && (cp >> 8) == (r.first_cp >> 8)) {
        r.last_cid = cid;
        continue;
      }
    }
    ranges.push_back({cid, cid, cp});
  }
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t block = 0; block < ranges.size(); block += 100) {
    const std::size_t end = std::min(ranges.size(), block + 100);
    s += std::to_string(end - block);
    s += " beginbfrange\n";
    for (std::size_t i = block; i < end; ++i) {
      s += '<';
      append_hex4(s, ranges[i].first_cid);
      s += "> <";
      append_hex4(s, ranges[i].last_cid);
      s += "> <";
      append_hex4(s, static_cast<unsigned>(ranges[i].first_cp));
      s += ">\n";
    }
    s += "endbfrange\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

// Entries shared by all threads; a lookup or insertion holds the mutex, building does not.
class Cache {
 public:
  Cache() {
    const char* env = std::getenv("VANBAN_PDF_FONT_CACHE");
    enabled_ = !(env && std::string_view(env) == "0");
  }

  std::shared_ptr<const EmbeddedFont> get(const FontFace& face,
                                          std::span<const char32_t> code_points) {
    if (!enabled_) {
      return std::make_shared<const EmbeddedFont>(build_embedded_font(face, code_points));
    }
    const std::uint64_t hash = hash_code_points(kFnvOffset ^ face.id(), code_points);
    {
      std::lock_guard lock(mutex_);
      if (auto hit = find(face.id(), hash, code_points)) return hit;
    }
    auto font = std::make_shared<const EmbeddedFont>(build_embedded_font(face, code_points));
    std::lock_guard lock(mutex_);
    if (auto hit = find(face.id(), hash, code_points)) return hit;  // built meanwhile
    entries_.push_front({face.id(), hash, {code_points.begin(), code_points.end()}, font});
    if (entries_.size() > kEmbeddedFontCacheCapacity) entries_.pop_back();
    return font;
  }

 private:
  struct Entry {
    std::uint64_t face;
    std::uint64_t hash;
    std::u32string code_points;
    std::shared_ptr<const EmbeddedFont> font;
  };

  // Called with the mutex held.
  std::shared_ptr<const EmbeddedFont> find(std::uint64_t face, std::uint64_t hash,
                                           std::span<const char32_t> code_points) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->hash == hash && it->face == face &&
          std::u32string_view(it->code_points) ==
              std::u32string_view(code_points.data(), code_points.size())) {
        entries_.splice(entries_.begin(), entries_, it);  // most recently used first
        return it->font;
      }
    }
    return nullptr;
  }

  bool enabled_ = true;
  std::mutex mutex_;
  std::list<Entry> entries_;
};

}  // namespace

EmbeddedFont build_embedded_font(const FontFace& face, std::span<const char32_t> code_points) {
  const TrueTypeFont font(face.file_data());
  const TrueTypeMetrics& m = font.metrics();
  auto glyph_units = [&](long long v) { return std::llround(v * 1000.0 / m.units_per_em); };

  std::vector<std::uint16_t> glyphs{0};
  glyphs.reserve(code_points.size() + 1);
  EmbeddedFont e;
  e.advances.reserve(code_points.size());
  e.widths = "[1[";
  for (std::size_t i = 0; i < code_points.size(); ++i) {
    const std::uint16_t gid = face.glyph_id(code_points[i]);
    glyphs.push_back(gid);
    e.advances.push_back(
        static_cast<std::int32_t>(std::llround(font.advance(gid) * 1e6 / m.units_per_em)));
    if (i) e.widths += ' ';
    append_milli(e.widths, e.advances.back());
  }
  e.widths += "]]";

  const std::string name = postscript_name(face);
  e.base_font = subset_tag(name, code_points) + "+" + name;
  const std::string program = font.subset(glyphs);
  e.font_file = flate_compress(program, kFontFileLevel);
  e.font_file_length = program.size();
  e.to_unicode = flate_compress(to_unicode_cmap(code_points), kFontFileLevel);
  e.bbox = {glyph_units(m.x_min), glyph_units(m.y_min), glyph_units(m.x_max), glyph_units(m.y_max)};
  e.ascent = glyph_units(m.ascent);
  e.descent = glyph_units(m.descent);
  e.cap_height = glyph_units(m.cap_height);
  // TrueType records no stem width; this common estimate from the weight class gives 88 for
  // Regular (400) and 166 for Bold (700).
  e.stem_v = std::llround(50 + std::pow(m.weight / 65.0, 2));
  e.italic_angle = m.italic_angle;
  const bool italic = m.italic || m.italic_angle != 0;
  e.flags = 32 | (italic ? 64 : 0);  // Nonsymbolic, Italic
  return e;
}

std::shared_ptr<const EmbeddedFont> embedded_font(const FontFace& face,
                                                  std::span<const char32_t> code_points) {
  static Cache cache;
  return cache.get(face, code_points);
}

}  // namespace vanban
