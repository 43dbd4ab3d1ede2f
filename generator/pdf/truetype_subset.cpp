#include "pdf/truetype_subset.h"

#include <array>
#include <stdexcept>
#include <vector>

namespace vanban {

namespace {

[[noreturn]] void malformed(const char* what) {
  throw std::runtime_error(std::string("malformed TrueType font: ") + what);
}

std::uint32_t u16(std::string_view t, std::size_t at) {
  if (at + 2 > t.size()) malformed("table too short");
  return static_cast<std::uint32_t>(static_cast<unsigned char>(t[at]) << 8 |
                                    static_cast<unsigned char>(t[at + 1]));
}
int i16(std::string_view t, std::size_t at) { return static_cast<std::int16_t>(u16(t, at)); }
std::uint32_t u32(std::string_view t, std::size_t at) { return u16(t, at) << 16 | u16(t, at + 2); }

void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 8 & 0xFF);
  out += static_cast<char>(v & 0xFF);
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xFFFF);
}
void set16(std::string& out, std::size_t at, std::uint32_t v) {
  out[at] = static_cast<char>(v >> 8 & 0xFF);
  out[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& out, std::size_t at, std::uint32_t v) {
  set16(out, at, v >> 16);
  set16(out, at + 2, v & 0xFFFF);
}

// The sum of the big-endian 32-bit words of a table padded with zeros (OpenType spec).
std::uint32_t checksum(std::string_view t) {
  std::uint32_t sum = 0;
  std::size_t i = 0;
  for (; i + 4 <= t.size(); i += 4) sum += u32(t, i);
  std::uint32_t last = 0;
  for (std::size_t k = 0; i + k < t.size(); ++k) {
    last |= static_cast<std::uint32_t>(static_cast<unsigned char>(t[i + k])) << (24 - 8 * k);
  }
  return sum + last;
}

// Composite glyph component flags.
constexpr std::uint32_t kArgsAreWords = 0x0001;
constexpr std::uint32_t kHaveScale = 0x0008;
constexpr std::uint32_t kMoreComponents = 0x0020;
constexpr std::uint32_t kHaveXYScale = 0x0040;
constexpr std::uint32_t kHaveTwoByTwo = 0x0080;
constexpr std::uint32_t kHaveInstructions = 0x0100;

// Calls f(offset of the component's glyph index) for each component of a composite glyph and
// returns the offset just after the last component (where its instructions start).
template <typename F>
std::size_t for_each_component(std::string_view g, F f) {
  std::size_t at = 10;
  for (;;) {
    const std::uint32_t flags = u16(g, at);
    f(at + 2);
    at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
    if (flags & kHaveScale)
      at += 2;
    else if (flags & kHaveXYScale)
      at += 4;
    else if (flags & kHaveTwoByTwo)
      at += 8;
    if (at > g.size()) malformed("composite glyph");
    if (!(flags & kMoreComponents)) return at;
  }
}

// Appends glyph `g` without its instructions, its component indices mapped by `new_id`.
void append_glyph(std::string& out, std::string_view g, const std::vector<int>& new_id) {
  if (g.empty()) return;
  const int contours = i16(g, 0);
  if (contours >= 0) {
    const std::size_t lengths = 10 + 2 * static_cast<std::size_t>(contours);
    const std::size_t outline = lengths + 2 + u16(g, lengths);
    if (outline > g.size()) malformed("glyph instructions");
    out.append(g.substr(0, lengths));
    put16(out, 0);
    out.append(g.substr(outline));
    return;
  }
  const std::size_t start = out.size();
  const std::size_t end = for_each_component(g, [](std::size_t) {});
  out.append(g.substr(0, end));
  for_each_component(g, [&](std::size_t at) {
    set16(out, start + at, static_cast<std::uint32_t>(new_id[u16(g, at)]));
    set16(out, start + at - 2, u16(g, at - 2) & ~kHaveInstructions);
  });
}

}  // namespace

TrueTypeFont::TrueTypeFont(std::string_view data) {
  const std::uint32_t version = u32(data, 0);
  if (version != 0x00010000 && version != 0x74727565) malformed("not a TrueType font");
  std::string_view os2, post;
  const std::uint32_t tables = u16(data, 4);
  for (std::uint32_t i = 0; i < tables; ++i) {
    const std::size_t entry = 12 + 16 * static_cast<std::size_t>(i);
    const std::string_view tag = data.substr(entry, 4);
    const std::size_t offset = u32(data, entry + 8), length = u32(data, entry + 12);
    if (offset > data.size() || length > data.size() - offset) malformed("table directory");
    const std::string_view table = data.substr(offset, length);
    if (tag == "head")
      head_ = table;
    else if (tag == "hhea")
      hhea_ = table;
    else if (tag == "maxp")
      maxp_ = table;
    else if (tag == "hmtx")
      hmtx_ = table;
    else if (tag == "loca")
      loca_ = table;
    else if (tag == "glyf")
      glyf_ = table;
    else if (tag == "OS/2")
      os2 = table;
    else if (tag == "post")
      post = table;
  }
  if (head_.size() < 54 || hhea_.size() < 36 || maxp_.size() < 6 || glyf_.empty()) {
    malformed("missing head, hhea, maxp or glyf");
  }
  glyph_count_ = static_cast<int>(u16(maxp_, 4));
  h_metrics_ = static_cast<int>(u16(hhea_, 34));
  long_loca_ = i16(head_, 50) == 1;
  const std::size_t count = static_cast<std::size_t>(glyph_count_);
  const std::size_t metrics = static_cast<std::size_t>(h_metrics_);
  if (glyph_count_ == 0 || h_metrics_ == 0 || h_metrics_ > glyph_count_ ||
      hmtx_.size() < 4 * metrics + 2 * (count - metrics)) {
    malformed("hmtx");
  }
  if (loca_.size() < (count + 1) * (long_loca_ ? 4 : 2)) malformed("loca");

  metrics_.units_per_em = static_cast<int>(u16(head_, 18));
  if (metrics_.units_per_em < 16 || metrics_.units_per_em > 16384) malformed("unitsPerEm");
  metrics_.x_min = i16(head_, 36);
  metrics_.y_min = i16(head_, 38);
  metrics_.x_max = i16(head_, 40);
  metrics_.y_max = i16(head_, 42);
  metrics_.italic = (u16(head_, 44) & 2) != 0;
  metrics_.ascent = i16(hhea_, 4);
  metrics_.descent = i16(hhea_, 6);
  metrics_.cap_height = metrics_.ascent;
  if (os2.size() >= 6) metrics_.weight = static_cast<int>(u16(os2, 4));
  if (os2.size() >= 90 && u16(os2, 0) >= 2) metrics_.cap_height = i16(os2, 88);
  if (post.size() >= 8) metrics_.italic_angle = static_cast<std::int32_t>(u32(post, 4)) / 65536.0;
}

int TrueTypeFont::advance(std::uint16_t gid) const {
  const int entry = gid < h_metrics_ ? gid : h_metrics_ - 1;
  return static_cast<int>(u16(hmtx_, 4 * static_cast<std::size_t>(entry)));
}

std::string_view TrueTypeFont::glyph(std::uint16_t gid) const {
  if (gid >= glyph_count_) malformed("glyph index out of range");
  const std::size_t i = gid;
  const std::size_t start = long_loca_ ? u32(loca_, 4 * i) : 2 * u16(loca_, 2 * i);
  const std::size_t end = long_loca_ ? u32(loca_, 4 * i + 4) : 2 * u16(loca_, 2 * i + 2);
  if (start > end || end > glyf_.size()) malformed("loca");
  return glyf_.substr(start, end - start);
}

std::string TrueTypeFont::subset(std::span<const std::uint16_t> glyphs) const {
  // New glyph order: the requested glyphs, then missing components (which may nest).
  std::vector<std::uint16_t> order(glyphs.begin(), glyphs.end());
  std::vector<int> new_id(static_cast<std::size_t>(glyph_count_), -1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::string_view g = glyph(order[i]);
    if (new_id[order[i]] < 0) new_id[order[i]] = static_cast<int>(i);
    if (g.empty() || i16(g, 0) >= 0) continue;
    for_each_component(g, [&](std::size_t at) {
      const std::uint32_t component = u16(g, at);
      if (component >= static_cast<std::uint32_t>(glyph_count_)) malformed("component index");
      if (new_id[component] < 0) {
        new_id[component] = static_cast<int>(order.size());
        order.push_back(static_cast<std::uint16_t>(component));
      }
    });
  }
  if (order.size() > 0xFFFF) malformed("too many glyphs");

  std::string glyf, loca, hmtx;
  std::vector<std::uint32_t> offsets;
  offsets.reserve(order.size() + 1);
  hmtx.reserve(4 * order.size());
  for (const std::uint16_t old : order) {
    offsets.push_back(static_cast<std::uint32_t>(glyf.size()));
    append_glyph(glyf, glyph(old), new_id);
    if (glyf.size() % 2) glyf += '\0';  // even offsets allow the short loca format
    put16(hmtx, static_cast<std::uint32_t>(advance(old)));
    const std::size_t lsb = old < h_metrics_ ? 4 * std::size_t{old} + 2
                                             : 4 * static_cast<std::size_t>(h_metrics_) +
                                                   2 * (old - static_cast<std::size_t>(h_metrics_));
    put16(hmtx, u16(hmtx_, lsb));
  }
  offsets.push_back(static_cast<std::uint32_t>(glyf.size()));
  const bool long_loca = glyf.size() > 0x1FFFE;
  for (const std::uint32_t o : offsets) long_loca ? put32(loca, o) : put16(loca, o / 2);

  const auto count = static_cast<std::uint32_t>(order.size());
  std::string head(head_.substr(0, 54)), hhea(hhea_.substr(0, 36)), maxp(maxp_);
  set32(head, 8, 0);  // checkSumAdjustment, set below
  set16(head, 50, long_loca ? 1 : 0);
  set16(hhea, 34, count);
  set16(maxp, 4, count);

  // Tags in ascending order, as the table directory requires.
  const std::array<std::pair<const char*, const std::string*>, 6> tables = {{{"glyf", &glyf},
                                                                             {"head", &head},
                                                                             {"hhea", &hhea},
                                                                             {"hmtx", &hmtx},
                                                                             {"loca", &loca},
                                                                             {"maxp", &maxp}}};
  std::string font;
  std::size_t size = 12 + 16 * tables.size();
  for (const auto& t : tables) size += (t.second->size() + 3) & ~std::size_t{3};
  font.reserve(size);
  put32(font, 0x00010000);
  put16(font, tables.size());
  put16(font, 64);  // searchRange: 16 * (largest power of two <= 6)
  put16(font, 2);   // entrySelector: log2(4)
  put16(font, 32);  // rangeShift: 16 * 6 - searchRange
  std::size_t offset = 12 + 16 * tables.size();
  std::size_t head_offset = 0;
  for (const auto& [tag, table] : tables) {
    font.append(tag, 4);
    put32(font, checksum(*table));
    put32(font, static_cast<std::uint32_t>(offset));
    put32(font, static_cast<std::uint32_t>(table->size()));
    if (table == &head) head_offset = offset;
    offset += (table->size() + 3) & ~std::size_t{3};
  }
  for (const auto& t : tables) {
    font += *t.second;
    font.append((4 - t.second->size() % 4) % 4, '\0');
  }
  set32(font, head_offset + 8, 0xB1B0AFBA - checksum(font));
  return font;
}

}  // namespace vanban
