#include "pdf/pdf_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8_decode.h"
#include "pdf/embedded_font.h"
#include "pdf/flate.h"
#include "pdf/pdf_file.h"
#include "pdf/pdf_number.h"
#include "pdf/pdfa.h"
#include "pdf/subset_grain.h"

namespace vanban {

namespace {

// A PDF date has a four-digit year: 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr long long kMinTimestamp = -62167219200;
constexpr long long kMaxTimestamp = 253402300799;

// Content streams are compressed for every document (font programs once per glyph set, see
// embedded_font.cpp). On the one-page State dispatch's 9.7 KB, libdeflate's level 1 gives 2.7 KB
// in about half the time of zlib's level 3 (2.7 KB) and of its own level 3 (2.4 KB); level 6
// saves 0.4 KB for three times the time.
constexpr int kContentLevel = 1;

// Content streams are written here rather than through PdfPainter: one BT..ET per page with
// Tf only when the font changes, a relative Td and a TJ per line (see write_texts), instead of
// PdfPainter's BT/Tf/Tz/Tc/Td/ET per word, and no iostream formatting.
class Content {
 public:
  std::string& bytes() { return buf_; }

  // Appends a number rounded to 1/1000 pt, then a space.
  void num(double v) { milli(std::llround(v * 1000)); }
  void milli(long long m) {
    append_milli(buf_, m);
    buf_ += ' ';
  }
  void op(const char* s) {
    buf_ += s;
    buf_ += '\n';
  }
  void color(const Color& c, const char* op_name) {
    num(c.r);
    num(c.g);
    num(c.b);
    op(op_name);
  }

 private:
  std::string buf_;
};

// One of the four faces as used by this document. CIDs are 1..n for the n code points drawn, in
// ascending order (see embedded_font.h), so a code point's CID is one plus its rank in `used`.
struct DocFont {
  CodePointSet used{};                              // the BMP code points drawn (and their families)
  std::size_t words = 0;                            // words of `used` up to the last one not empty
  std::array<std::uint16_t, 0x10000 / 64> below{};  // code points in `used` before each word
  std::shared_ptr<const EmbeddedFont> embedded;
  std::string name;  // resource name: "F1" .. "F4"
  int object = 0;    // of its Type0 font dictionary

  void use(char32_t cp) {
    used[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    words = std::max(words, std::size_t{cp >> 6} + 1);
  }
  unsigned cid(char32_t cp) const {
    const std::uint64_t lower = used[cp >> 6] & ((std::uint64_t{1} << (cp & 63)) - 1);
    return 1u + below[cp >> 6] + static_cast<unsigned>(std::popcount(lower));
  }
};

// The objects, numbered in the order PoDoFo created them: the catalog, the Info dictionary and
// the page tree; five per face used (FontFile2, FontDescriptor, CIDFont, ToUnicode, Type0);
// each page and its content stream; the XMP metadata and the ICC profile.
class Writer {
 public:
  explicit Writer(const FontSet& fonts) : fonts_(fonts) {}

  // Records the code points of every style and checks that each has a glyph. The fonts must
  // be complete before any content stream is written, since CIDs depend on the whole set.
  std::optional<Diagnostic> collect(const Pages& pages) {
    for (const Page& page : pages.pages) {
      for (const TextItem& t : page.texts) {
        DocFont& f = fonts_used_[static_cast<int>(t.style)];
        const FontFace& face = fonts_.face(t.style);
        const auto* p = reinterpret_cast<const unsigned char*>(t.text.data());
        const auto* end = p + t.text.size();
        while (p < end) {
          const char32_t cp = text::next_code_point(p, end);
          if (face.glyph_id(cp) == 0) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
            return Diagnostic{face.path(), 0, 0,
                              std::string("no glyph for ") + hex + " in \"" + t.text + "\""};
          }
          f.use(cp);
        }
      }
    }
    return std::nullopt;
  }

  // A signature field asked for goes over the first page's signature box (write_pdf checks that
  // there is one).
  std::string write(const Pages& pages, const IccProfile& icc) {
    std::vector<int> font_styles;
    prepare_fonts(font_styles);
    const int first_page = 4 + 5 * static_cast<int>(font_styles.size());
    const int page_count = static_cast<int>(pages.pages.size());
    int next = first_page + 2 * page_count;
    if (!pages.signature_field.empty()) {
      for (int k = 0; k < page_count && field_page_ < 0; ++k)
        if (pages.pages[static_cast<std::size_t>(k)].signature_box) field_page_ = k;
      field_page_object_ = first_page + 2 * field_page_;
      field_ = next + 1;  // after its appearance; the AcroForm follows it
      next += 3;
    }
    const int metadata = next, profile = metadata + 1;
    // The file in one allocation, mostly its fonts: not copied again and again as it grows.
    std::size_t estimate = icc.compressed.size() + 4096 * (2 + static_cast<std::size_t>(page_count));
    for (const int style : font_styles) {
      const EmbeddedFont& e = *fonts_used_[style].embedded;
      estimate += e.font_file.size() + e.to_unicode.size() + 2048;
    }
    file_.bytes().reserve(estimate);

    file_.begin_object(1);
    std::string& out = file_.bytes();
    out += "<</Type/Catalog";
    if (field_ > 0) {
      out += "/AcroForm";
      append_ref(out, field_ + 1);
    }
    out += "/Metadata";
    append_ref(out, metadata);
    out += "/OutputIntents[<</Type/OutputIntent/DestOutputProfile";
    append_ref(out, profile);
    out += "/Info(sRGB IEC61966-2.1)/OutputConditionIdentifier(sRGB IEC61966-2.1)/S/GTS_PDFA1>>]/Pages 3 0 R>>";
    file_.end_object();
    write_info(pages.info);
    file_.begin_object(3);
    out += "<</Type/Pages/Count";
    append_int(out, page_count);
    out += "/Kids[";
    for (int k = 0; k < page_count; ++k) append_ref(out, first_page + 2 * k);
    out += "]>>";
    file_.end_object();
    int object = 4;
    for (const int style : font_styles) {
      fonts_used_[style].object = object + 4;
      write_font(*fonts_used_[style].embedded, object);
      object += 5;
    }
    for (const Page& page : pages.pages) {
      write_page(page, object);
      object += 2;
    }
    if (field_ > 0) write_signature_field(pages.pages[static_cast<std::size_t>(field_page_)], pages.signature_field);
    file_.begin_object(metadata);
    const std::string xmp = xmp_packet(pages.info);
    out += "<</Type/Metadata/Length";
    append_int(out, static_cast<long long>(xmp.size()));
    out += "/Subtype/XML>>";
    file_.end_stream_object(xmp);
    file_.begin_object(profile);
    out += "<</Filter/FlateDecode/Length";
    append_int(out, static_cast<long long>(icc.compressed.size()));
    out += "/N 3>>";
    file_.end_stream_object(icc.compressed);
    return file_.finish();
  }

 private:
  // Each face drawn gets its subset (CIDs in code point order) and its resource name.
  void prepare_fonts(std::vector<int>& styles) {
    std::vector<char32_t> code_points;
    for (int style = 0; style < 4; ++style) {
      DocFont& f = fonts_used_[style];
      const FontFace& face = fonts_.face(static_cast<FontStyle>(style));
      if (f.words == 0) continue;  // not drawn in
      // Only the words up to the last one drawn in: a Vietnamese text's end about a ninth of the way.
      f.words = std::max(f.words, widen_to_letter_families(f.used, face));
      code_points.clear();
      for (std::size_t word = 0; word < f.words; ++word) {
        f.below[word] = static_cast<std::uint16_t>(code_points.size());
        for (std::uint64_t bits = f.used[word]; bits != 0; bits &= bits - 1) {
          code_points.push_back(static_cast<char32_t>(word * 64 + std::countr_zero(bits)));
        }
      }
      if (code_points.empty()) continue;
      f.embedded = embedded_font(face, code_points);
      f.name = "F" + std::to_string(style + 1);
      styles.push_back(style);
    }
  }

  // Info in UTF-16 text strings; the dates from the document, never the clock.
  void write_info(const DocumentInfo& info) {
    file_.begin_object(2);
    std::string& out = file_.bytes();
    const std::string date = pdf_date(info.timestamp);
    out += "<<";
    if (!info.author.empty()) {
      out += "/Author";
      append_text_string(out, info.author);
    }
    out += "/CreationDate";
    append_ascii_string(out, date);
    out += "/Creator(vanban)";
    if (!info.keywords.empty()) {
      out += "/Keywords";
      append_text_string(out, info.keywords);
    }
    out += "/ModDate";
    append_ascii_string(out, date);
    out += "/Producer(vanban)";
    if (!info.subject.empty()) {
      out += "/Subject";
      append_text_string(out, info.subject);
    }
    if (!info.title.empty()) {
      out += "/Title";
      append_text_string(out, info.title);
    }
    out += ">>";
    file_.end_object();
  }

  // FontFile2, FontDescriptor, CIDFontType2, ToUnicode and Type0, from object `first` on.
  void write_font(const EmbeddedFont& e, int first) {
    std::string& out = file_.bytes();
    file_.begin_object(first);
    out += "<</Filter/FlateDecode/Length";
    append_int(out, static_cast<long long>(e.font_file.size()));
    out += "/Length1";
    append_int(out, static_cast<long long>(e.font_file_length));
    out += ">>";
    file_.end_stream_object(e.font_file);

    file_.begin_object(first + 1);
    out += "<</Type/FontDescriptor/Ascent";
    append_int(out, e.ascent);
    out += "/CapHeight";
    append_int(out, e.cap_height);
    out += "/Descent";
    append_int(out, e.descent);
    out += "/Flags";
    append_int(out, e.flags);
    out += "/FontBBox[";
    for (const long long v : e.bbox) append_int(out, v);
    out += "]/FontFile2";
    append_ref(out, first);
    out += "/FontName/" + e.base_font + "/ItalicAngle ";
    append_milli(out, std::llround(e.italic_angle * 1000));
    out += "/StemV";
    append_int(out, e.stem_v);
    out += ">>";
    file_.end_object();

    file_.begin_object(first + 2);
    out += "<</Type/Font/BaseFont/" + e.base_font +
           "/CIDSystemInfo<</Ordering(Identity)/Registry(Adobe)/Supplement 0>>/CIDToGIDMap/Identity/FontDescriptor";
    append_ref(out, first + 1);
    out += "/Subtype/CIDFontType2/W";
    out += e.widths;
    out += ">>";
    file_.end_object();

    file_.begin_object(first + 3);
    out += "<</Filter/FlateDecode/Length";
    append_int(out, static_cast<long long>(e.to_unicode.size()));
    out += ">>";
    file_.end_stream_object(e.to_unicode);

    file_.begin_object(first + 4);
    out += "<</Type/Font/BaseFont/" + e.base_font + "/DescendantFonts[";
    append_ref(out, first + 2);
    out += "]/Encoding/Identity-H/Subtype/Type0/ToUnicode";
    append_ref(out, first + 3);
    out += ">>";
    file_.end_object();
  }

  // [llx lly urx ury] of the page's signature box in PDF user space, whole points.
  static std::array<long long, 4> signature_rect(const Page& page) {
    const Rect& r = *page.signature_box;
    return {std::llround(r.x), std::llround(page.height - r.y - r.height), std::llround(r.x + r.width),
            std::llround(page.height - r.y)};
  }

  // An unsigned signature field named `name` over the page's signature box, for a signing tool
  // to fill: a widget merged with its field, printed (PDF/A-2 6.3.2) with an empty appearance of
  // the box's size as its only /AP entry (6.3.3), listed in an AcroForm without NeedAppearances
  // (6.4.1), no /DA and no /DR, so no font to embed. No /SigFlags: nothing is signed yet.
  // Objects: the appearance, the field (field_), the AcroForm.
  void write_signature_field(const Page& page, const std::string& name) {
    const std::array<long long, 4> r = signature_rect(page);
    std::string& out = file_.bytes();
    const std::string empty = flate_compress(std::string_view(), kContentLevel);
    file_.begin_object(field_ - 1);
    out += "<</Type/XObject/BBox[ 0 0";
    append_int(out, r[2] - r[0]);
    append_int(out, r[3] - r[1]);
    out += "]/Filter/FlateDecode/Length";
    append_int(out, static_cast<long long>(empty.size()));
    out += "/Resources<<>>/Subtype/Form>>";
    file_.end_stream_object(empty);

    file_.begin_object(field_);
    out += "<</Type/Annot/AP<</N";
    append_ref(out, field_ - 1);
    out += ">>/F 4/FT/Sig/P";
    append_ref(out, field_page_object_);
    out += "/Rect[";
    for (const long long v : r) append_int(out, v);
    out += "]/Subtype/Widget/T";
    append_text_string(out, name);
    out += ">>";
    file_.end_object();

    file_.begin_object(field_ + 1);
    out += "<</Fields[";
    append_ref(out, field_);
    out += "]>>";
    file_.end_object();
  }

  // The page dictionary as object `number`, its content stream as the next.
  void write_page(const Page& page, int number) {
    Content c;
    std::size_t estimate = 256 + 64 * page.paths.size();
    for (const TextItem& t : page.texts) estimate += 40 + 2 * t.text.size();  // ~4 hex per glyph
    c.bytes().reserve(estimate);
    for (const PathItem& path : page.paths) write_path(c, path, page.height);
    std::array<bool, 4> on_page{};
    if (!page.texts.empty()) write_texts(c, on_page, page);
    const std::string content = flate_compress(c.bytes(), kContentLevel);

    std::string& out = file_.bytes();
    file_.begin_object(number);
    out += "<</Type/Page";
    if (field_ > 0 && number == field_page_object_) {
      out += "/Annots[";
      append_ref(out, field_);
      out += ']';
    }
    out += "/Contents";
    append_ref(out, number + 1);
    out += "/MediaBox[ 0 0";
    append_real(out, page.width);
    append_real(out, page.height);
    out += "]/Parent 3 0 R/Resources<<";
    if (on_page[0] || on_page[1] || on_page[2] || on_page[3]) {
      out += "/Font<<";
      for (int style = 0; style < 4; ++style) {
        if (!on_page[style]) continue;
        out += '/';
        out += fonts_used_[style].name;
        append_ref(out, fonts_used_[style].object);
      }
      out += ">>";
    }
    out += "/ProcSet[/PDF/Text/ImageB/ImageC/ImageI]>>";
    if (page.signature_box) {
      out += '/';
      out += kSignatureBoxKey;
      out += '[';
      for (const long long v : signature_rect(page)) append_int(out, v);
      out += ']';
    }
    out += ">>";
    file_.end_object();

    file_.begin_object(number + 1);
    out += "<</Filter/FlateDecode/Length";
    append_int(out, static_cast<long long>(content.size()));
    out += ">>";
    file_.end_stream_object(content);
  }

  static void write_path(Content& c, const PathItem& path, double height) {
    if (path.ops.empty() || (!path.stroke && !path.fill)) return;
    c.op("q");
    if (path.stroke) {
      c.num(path.line_width);
      c.op("w");
      c.color(path.stroke_color, "RG");
    }
    if (path.fill) c.color(path.fill_color, "rg");
    for (const PathOp& o : path.ops) {
      switch (o.kind) {
        case PathOp::Kind::MoveTo:
          c.num(o.x);
          c.num(height - o.y);
          c.op("m");
          break;
        case PathOp::Kind::LineTo:
          c.num(o.x);
          c.num(height - o.y);
          c.op("l");
          break;
        case PathOp::Kind::CurveTo:
          c.num(o.c1x);
          c.num(height - o.c1y);
          c.num(o.c2x);
          c.num(height - o.c2y);
          c.num(o.x);
          c.num(height - o.y);
          c.op("c");
          break;
        case PathOp::Kind::Close:
          c.op("h");
          break;
      }
    }
    c.op(path.stroke && path.fill ? "B" : path.fill ? "f" : "S");
    c.op("Q");
  }

  // Runs that continue a line (same font, size and baseline: the words of a justified line) go
  // into one TJ array, placed by displacements instead of a Td each: the content is about a third
  // smaller, so it is built and compressed faster. A displacement is computed in integer 1e-6 em
  // from the exact /W advances and the run's own x, so positions do not drift along the line.
  void write_texts(Content& c, std::array<bool, 4>& on_page, const Page& page) {
    int current_style = -1;
    long long current_size = -1;
    long long line_x = 0, line_y = 0;  // text line origin in 1/1000 pt (Td is relative to it)
    long long pen = 0;                 // end of the last glyph shown, 1e-6 em right of line_x
    bool in_array = false;
    std::string& out = c.bytes();
    c.op("BT");
    for (const TextItem& t : page.texts) {
      const int style = static_cast<int>(t.style);
      const DocFont& f = fonts_used_[style];
      on_page[style] = true;
      const long long size = std::llround(t.size * 1000);
      const long long y = std::llround((page.height - t.baseline) * 1000);
      if (in_array && style == current_style && size == current_size && y == line_y) {
        const long long target = std::llround((t.x * 1000 - static_cast<double>(line_x)) * 1e6 /
                                              static_cast<double>(size));
        if (target != pen) append_milli(out, pen - target);  // in 1/1000 em, positive = left
        pen = target;
      } else {
        if (in_array) c.op("]TJ");
        if (style != current_style || size != current_size) {
          out += '/';
          out += f.name;
          out += ' ';
          c.milli(size);
          c.op("Tf");
          current_style = style;
          current_size = size;
        }
        const long long x = std::llround(t.x * 1000);
        c.milli(x - line_x);
        c.milli(y - line_y);
        c.op("Td");
        line_x = x;
        line_y = y;
        pen = 0;
        out += '[';
        in_array = true;
      }
      out += '(';
      const auto* p = reinterpret_cast<const unsigned char*>(t.text.data());
      const auto* end = p + t.text.size();
      while (p < end) {
        const unsigned cid = f.cid(text::next_code_point(p, end));
        append_code_in_literal(out, cid);
        pen += f.embedded->advances[cid - 1];
      }
      out += ')';
    }
    if (in_array) c.op("]TJ");
    c.op("ET");
  }

  // PDF date in UTC ("D:YYYYMMDDHHmmSSZ"): never the clock, never the local zone. The
  // timestamp is in [kMinTimestamp, kMaxTimestamp] (checked by write_pdf).
  static std::string pdf_date(long long timestamp) {
    const std::time_t t = static_cast<std::time_t>(timestamp);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
  }

  const FontSet& fonts_;
  std::array<DocFont, 4> fonts_used_;
  PdfFile file_;
  int field_page_ = -1;        // index of the page under the signature field
  int field_page_object_ = 0;  // and its object
  int field_ = 0;              // object of the signature field; 0: none
};

// NaN, infinite or absurd numbers cannot be written (numbers are rounded through long long);
// non-positive sizes would make an empty page or invisible text.
std::optional<std::string> invalid_geometry(const Page& page) {
  auto finite = [](auto... v) { return ((std::isfinite(v) && std::abs(v) < 1e9) && ...); };
  if (!finite(page.width, page.height) || page.width <= 0 || page.height <= 0) {
    return "invalid page size";
  }
  for (const TextItem& t : page.texts) {
    if (!finite(t.x, t.baseline, t.size) || t.size <= 0) {
      return "invalid position or size of text \"" + t.text + "\"";
    }
  }
  for (const PathItem& p : page.paths) {
    if (!finite(p.line_width) || p.line_width < 0) return "invalid path line width";
    for (const PathOp& o : p.ops) {
      if (!finite(o.x, o.y, o.c1x, o.c1y, o.c2x, o.c2y)) return "invalid path coordinate";
    }
  }
  return std::nullopt;
}

}  // namespace

Result<std::string> write_pdf(const Pages& pages, const FontSet& fonts) {
  const long long ts = pages.info.timestamp;
  if (ts < kMinTimestamp || ts > kMaxTimestamp) {
    return Result<std::string>::failure(
        {"", 0, 0, "document timestamp " + std::to_string(ts) + " is outside years 0000-9999"});
  }
  for (std::size_t i = 0; i < pages.pages.size(); ++i) {
    if (auto error = invalid_geometry(pages.pages[i])) {
      return Result<std::string>::failure(
          {"", 0, 0, "page " + std::to_string(i + 1) + ": " + *error});
    }
  }
  const IccProfile& icc = srgb_icc_profile();
  if (!icc.error.empty()) return Result<std::string>::failure({"", 0, 0, icc.error});
  try {
    Writer writer(fonts);
    if (auto error = writer.collect(pages)) return Result<std::string>::failure(*error);
    const bool has_box = std::any_of(pages.pages.begin(), pages.pages.end(), [](const Page& p) { return p.signature_box.has_value(); });
    if (!pages.signature_field.empty() && !has_box)
      return Result<std::string>::failure(
          {"", 0, 0, "no signature block to place the signature field '" + pages.signature_field + "' over"});
    Result<std::string> result;
    result.value = writer.write(pages, icc);
    return result;
  } catch (const std::exception& e) {
    return Result<std::string>::failure({"", 0, 0, std::string("PDF writing failed: ") + e.what()});
  }
}

}  // namespace vanban
