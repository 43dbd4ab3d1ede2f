#include "pdf/pdf_writer.h"

#include <podofo.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "font/utf8_decode.h"
#include "pdf/embedded_font.h"
#include "pdf/flate.h"
#include "pdf/font_objects.h"
#include "pdf/pdf_number.h"
#include "pdf/pdfa.h"

namespace vanban {

namespace {

using namespace PoDoFo;

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

PdfVariant number(long long v) { return pdf_integer(v); }

// One of the four faces as used by this document. CIDs are 1..n for the n code points drawn, in
// ascending order (see embedded_font.h), so a code point's CID is one plus its rank in `used`.
struct DocFont {
  std::array<std::uint64_t, 0x10000 / 64> used{};   // bit set of the BMP code points drawn
  std::array<std::uint16_t, 0x10000 / 64> below{};  // code points in `used` before each word
  std::shared_ptr<const EmbeddedFont> embedded;
  PdfName name;
  PdfReference ref;

  void use(char32_t cp) { used[cp >> 6] |= std::uint64_t{1} << (cp & 63); }
  unsigned cid(char32_t cp) const {
    const std::uint64_t lower = used[cp >> 6] & ((std::uint64_t{1} << (cp & 63)) - 1);
    return 1u + below[cp >> 6] + static_cast<unsigned>(std::popcount(lower));
  }
};

class Writer {
 public:
  explicit Writer(const FontSet& fonts) : fonts_(fonts) { creating_.unlock(); }

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
          const char32_t cp = next_code_point(p, end);
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

  void embed_fonts() {
    std::vector<char32_t> code_points;
    for (int style = 0; style < 4; ++style) {
      DocFont& f = fonts_used_[style];
      code_points.clear();
      for (std::size_t word = 0; word < f.used.size(); ++word) {
        f.below[word] = static_cast<std::uint16_t>(code_points.size());
        for (std::uint64_t bits = f.used[word]; bits != 0; bits &= bits - 1) {
          code_points.push_back(static_cast<char32_t>(word * 64 + std::countr_zero(bits)));
        }
      }
      if (code_points.empty()) continue;
      f.embedded = embedded_font(fonts_.face(static_cast<FontStyle>(style)), code_points);
      f.name = PdfName("F" + std::to_string(style + 1));
      f.ref = add_font_objects(doc_.GetObjects(), *f.embedded);
    }
  }

  void write_page(const Page& page) {
    PdfPage* pdf_page = doc_.CreatePage(PdfRect(0, 0, page.width, page.height));
    Content c;
    std::size_t estimate = 256 + 64 * page.paths.size();
    for (const TextItem& t : page.texts) estimate += 40 + 2 * t.text.size();  // ~4 hex per glyph
    c.bytes().reserve(estimate);
    for (const PathItem& path : page.paths) write_path(c, path, page.height);
    if (!page.texts.empty()) write_texts(c, *pdf_page, page);
    set_flate_stream(*pdf_page->GetContentsForAppending(),
                     flate_compress(c.bytes(), kContentLevel));
    if (page.signature_box) {
      const Rect& r = *page.signature_box;
      PdfArray box;
      for (const double v : {r.x, page.height - r.y - r.height, r.x + r.width, page.height - r.y})
        box.push_back(number(std::llround(v)));
      pdf_page->GetObject()->GetDictionary().AddKey(kSignatureBoxKey, box);
    }
  }

  // An unsigned signature field named `name` over the recorded signature box, for a signing tool
  // to fill: a widget merged with its field, printed (PDF/A-2 6.3.2) with an empty appearance of
  // the box's size as its only /AP entry (6.3.3), listed in an AcroForm without NeedAppearances
  // (6.4.1), no /DA and no /DR, so no font to embed. No /SigFlags: nothing is signed yet.
  // Returns false when no page has a signature box.
  bool add_signature_field(const std::string& name) {
    for (int i = 0; i < doc_.GetPageCount(); ++i) {
      PdfObject* page = doc_.GetPage(i)->GetObject();
      const PdfObject* box = page->GetDictionary().GetKey(kSignatureBoxKey);
      if (box == nullptr) continue;
      const PdfArray& r = box->GetArray();
      PdfVecObjects& objects = doc_.GetObjects();
      PdfObject* appearance = objects.CreateObject("XObject");
      PdfDictionary& a = appearance->GetDictionary();
      a.AddKey(PdfName::KeySubtype, PdfName("Form"));
      PdfArray bbox;
      bbox.push_back(number(0));
      bbox.push_back(number(0));
      bbox.push_back(number(r[2].GetNumber() - r[0].GetNumber()));
      bbox.push_back(number(r[3].GetNumber() - r[1].GetNumber()));
      a.AddKey("BBox", bbox);
      a.AddKey("Resources", PdfDictionary());
      set_flate_stream(*appearance, flate_compress(std::string(), kContentLevel));

      PdfObject* field = objects.CreateObject("Annot");
      PdfDictionary& f = field->GetDictionary();
      f.AddKey(PdfName::KeySubtype, PdfName("Widget"));
      f.AddKey("FT", PdfName("Sig"));
      f.AddKey("T", utf8(name));
      f.AddKey("Rect", r);
      f.AddKey("P", page->Reference());
      f.AddKey("F", number(4));  // Print
      PdfDictionary ap;
      ap.AddKey("N", appearance->Reference());
      f.AddKey("AP", ap);
      PdfArray annots;
      annots.push_back(field->Reference());
      page->GetDictionary().AddKey("Annots", annots);
      PdfArray fields;
      fields.push_back(field->Reference());
      PdfDictionary form;
      form.AddKey("Fields", fields);
      doc_.GetCatalog()->GetDictionary().AddKey("AcroForm", objects.CreateObject(form)->Reference());
      return true;
    }
    return false;
  }

  std::string finish(const DocumentInfo& info, const IccProfile& icc) {
    set_info(info);
    add_pdfa(info, icc);
    doc_.SetPdfVersion(ePdfVersion_1_7);
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    doc_.Write(&device);
    std::string pdf(buffer.GetBuffer(), device.GetLength());
    set_file_id(pdf);
    return pdf;
  }

 private:
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
  void write_texts(Content& c, PdfPage& pdf_page, const Page& page) {
    std::array<bool, 4> on_page{};
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
      if (!on_page[style]) {
        pdf_page.AddResource(f.name, f.ref, PdfName("Font"));
        on_page[style] = true;
      }
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
          out += f.name.GetName();
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
      out += '<';
      const auto* p = reinterpret_cast<const unsigned char*>(t.text.data());
      const auto* end = p + t.text.size();
      while (p < end) {
        const unsigned cid = f.cid(next_code_point(p, end));
        append_hex4(out, cid);
        pen += f.embedded->advances[cid - 1];
      }
      out += '>';
    }
    if (in_array) c.op("]TJ");
    c.op("ET");
  }

  // PoDoFo's trailer /ID is the MD5 of the Info dictionary alone: deterministic, but the same for
  // every document of a batch that shares title, author and timestamp, and at times shorter than
  // 32 hex digits (28 for one report of the 10,000-branch month). The whole array is replaced (the trailer follows the xref, so no offset moves) by a hash of everything before
  // the trailer: FNV-1a 128 taken over 8-byte little-endian words (a word per step keeps it
  // ~0.03 ms), fully specified so the same bytes give the same /ID on every build. PoDoFo's MD5
  // is not exported.
  static void set_file_id(std::string& pdf) {
    const std::size_t trailer = pdf.rfind("trailer");
    const std::size_t id = trailer == std::string::npos ? trailer : pdf.find("/ID[<", trailer);
    const std::size_t id_end = id == std::string::npos ? id : pdf.find(">]", id);
    if (id_end == std::string::npos) PODOFO_RAISE_ERROR_INFO(ePdfError_InternalLogic, "no trailer /ID");
    using u128 = unsigned __int128;
    constexpr u128 kPrime = (u128{1} << 88) | 0x13B;
    u128 hash = (u128{0x6c62272e07bb0142} << 64) | 0x62b821756295c58d;
    std::size_t i = 0;
    for (; i + 8 <= trailer; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, pdf.data() + i, 8);
      if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
      hash = (hash ^ word) * kPrime;
    }
    if (i < trailer) {  // the last, partial word
      std::uint64_t word = 0;
      for (std::size_t b = 0; i + b < trailer; ++b) {
        word |= std::uint64_t{static_cast<unsigned char>(pdf[i + b])} << (8 * b);
      }
      hash = (hash ^ word) * kPrime;
    }
    static constexpr char kHexDigits[] = "0123456789ABCDEF";
    std::string hex(32, '0');
    for (std::size_t i = 0; i < hex.size(); ++i) hex[i] = kHexDigits[static_cast<unsigned>(hash >> (124 - 4 * i)) & 15];
    pdf.replace(id, id_end + 2 - id, "/ID[<" + hex + "><" + hex + ">]");
  }

  static PdfString utf8(const std::string& s) {
    return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
  }

  // PDF date in UTC ("D:YYYYMMDDHHmmSSZ"): never the clock, never the local zone. The
  // timestamp is in [kMinTimestamp, kMaxTimestamp] (checked by write_pdf).
  static PdfString pdf_date(long long timestamp) {
    const std::time_t t = static_cast<std::time_t>(timestamp);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return PdfString(buf);
  }

  // PdfInfo put the clock time and PoDoFo's name in on construction; both are replaced.
  void set_info(const DocumentInfo& info) {
    PdfInfo* pdf_info = doc_.GetInfo();
    if (!info.title.empty()) pdf_info->SetTitle(utf8(info.title));
    if (!info.author.empty()) pdf_info->SetAuthor(utf8(info.author));
    if (!info.subject.empty()) pdf_info->SetSubject(utf8(info.subject));
    if (!info.keywords.empty()) pdf_info->SetKeywords(utf8(info.keywords));
    pdf_info->SetCreator(PdfString("vanban"));
    pdf_info->SetProducer(PdfString("vanban"));
    PdfDictionary& dict = pdf_info->GetObject()->GetDictionary();
    const PdfString date = pdf_date(info.timestamp);
    dict.AddKey(PdfName("CreationDate"), date);
    dict.AddKey(PdfName("ModDate"), date);
  }

  // PDF/A-2b (ISO 19005-2): the XMP packet beside the Info dictionary, and the sRGB
  // OutputIntent. The rest holds by construction: every font is an embedded subset with /W from
  // its own program and no CIDSet, no encryption, the binary header comment and /ID (PoDoFo).
  void add_pdfa(const DocumentInfo& info, const IccProfile& icc) {
    PdfVecObjects& objects = doc_.GetObjects();
    PdfDictionary& catalog = doc_.GetCatalog()->GetDictionary();

    PdfObject* metadata = objects.CreateObject("Metadata");
    metadata->GetDictionary().AddKey(PdfName::KeySubtype, PdfName("XML"));
    const std::string xmp = xmp_packet(info);
    metadata->GetStream()->Set(xmp.data(), static_cast<pdf_long>(xmp.size()), TVecFilters());
    catalog.AddKey("Metadata", metadata->Reference());

    PdfObject* profile = objects.CreateObject();
    set_flate_stream(*profile, icc.compressed);
    profile->GetDictionary().AddKey("N", number(3));
    PdfDictionary intent;
    intent.AddKey(PdfName::KeyType, PdfName("OutputIntent"));
    intent.AddKey("S", PdfName("GTS_PDFA1"));
    intent.AddKey("OutputConditionIdentifier", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("Info", PdfString("sRGB IEC61966-2.1"));
    intent.AddKey("DestOutputProfile", profile->Reference());
    PdfArray intents;
    intents.push_back(intent);
    catalog.AddKey("OutputIntents", intents);
  }

  // PoDoFo stamps each new document's Info with localtime(), whose buffer all threads share;
  // the stamp is replaced in set_info, but creating documents must not race.
  static std::mutex& creation_mutex() {
    static std::mutex m;
    return m;
  }

  const FontSet& fonts_;
  std::unique_lock<std::mutex> creating_{creation_mutex()};
  PdfMemDocument doc_;
  std::array<DocFont, 4> fonts_used_;
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

std::string describe(const PdfError& e) {
  std::string message = std::string("PDF writing failed: ") + PdfError::ErrorMessage(e.GetError());
  for (const PdfErrorInfo& info : e.GetCallstack()) {
    if (!info.GetInformation().empty()) message += " (" + info.GetInformation() + ")";
  }
  return message;
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
    writer.embed_fonts();
    for (const Page& page : pages.pages) writer.write_page(page);
    if (!pages.signature_field.empty() && !writer.add_signature_field(pages.signature_field)) {
      return Result<std::string>::failure(
          {"", 0, 0, "no signature block to place the signature field '" + pages.signature_field + "' over"});
    }
    Result<std::string> result;
    result.value = writer.finish(pages.info, icc);
    return result;
  } catch (const PdfError& e) {
    return Result<std::string>::failure({"", 0, 0, describe(e)});
  } catch (const std::exception& e) {
    return Result<std::string>::failure({"", 0, 0, std::string("PDF writing failed: ") + e.what()});
  }
}

}  // namespace vanban
