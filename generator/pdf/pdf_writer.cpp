#include "pdf/pdf_writer.h"

#include <podofo.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "font/utf8_decode.h"

namespace vanban {

namespace {

using namespace PoDoFo;

// A PDF date has a four-digit year: 0000-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
constexpr long long kMinTimestamp = -62167219200;
constexpr long long kMaxTimestamp = 253402300799;

// Content streams are written here rather than through PdfPainter: one BT..ET per page with
// Tf only when the font changes and relative Td moves, instead of PdfPainter's BT/Tf/Tz/Tc/Td/ET
// per word, and no iostream formatting (measured 10-20% faster per document than DrawText).
// Glyphs are registered with the subset once per font.
class Content {
 public:
  std::string& bytes() { return buf_; }

  // Appends a number rounded to 1/1000 pt, trailing zeros trimmed, then a space. Locale-free and
  // exact, so identical input gives identical bytes.
  void num(double v) { milli(std::llround(v * 1000)); }
  void milli(long long m) {
    char tmp[32];
    char* e = tmp + sizeof tmp;
    char* p = e;
    *--p = ' ';
    const bool negative = m < 0;
    unsigned long long a = negative ? -static_cast<unsigned long long>(m) : m;
    unsigned frac = a % 1000;
    a /= 1000;
    if (frac != 0) {
      int digits = 3;
      while (frac % 10 == 0) {
        frac /= 10;
        --digits;
      }
      for (int i = 0; i < digits; ++i, frac /= 10) *--p = static_cast<char>('0' + frac % 10);
      *--p = '.';
    }
    do {
      *--p = static_cast<char>('0' + a % 10);
      a /= 10;
    } while (a != 0);
    if (negative) *--p = '-';
    buf_.append(p, e);
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
  void hex_glyph(unsigned gid) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const char h[4] = {kHex[(gid >> 12) & 15], kHex[(gid >> 8) & 15], kHex[(gid >> 4) & 15],
                       kHex[gid & 15]};
    buf_.append(h, 4);
  }

 private:
  std::string buf_;
};

// One of the four faces as used by this document: created on first use.
struct DocFont {
  PdfFont* font = nullptr;
  std::array<std::uint64_t, 0x10000 / 64> used{};  // bit set of the BMP code points drawn

  void use(char32_t cp) { used[cp >> 6] |= std::uint64_t{1} << (cp & 63); }
};

class Writer {
 public:
  explicit Writer(const FontSet& fonts) : fonts_(fonts) {}

  std::optional<Diagnostic> write_page(const Page& page) {
    PdfPage* pdf_page = doc_.CreatePage(PdfRect(0, 0, page.width, page.height));
    Content c;
    c.bytes().reserve(256 + 64 * page.texts.size());
    for (const PathItem& path : page.paths) write_path(c, path, page.height);
    if (!page.texts.empty()) {
      if (auto error = write_texts(c, *pdf_page, page)) return error;
    }
    pdf_page->GetContentsForAppending()->GetStream()->Set(c.bytes().data(), c.bytes().size());
    return std::nullopt;
  }

  std::string finish(const DocumentInfo& info) {
    for (DocFont& f : fonts_used_) {
      if (f.font) register_glyphs(f);
    }
    set_info(info);
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

  std::optional<Diagnostic> write_texts(Content& c, PdfPage& pdf_page, const Page& page) {
    std::array<bool, 4> on_page{};
    int current_style = -1;
    long long current_size = -1;
    long long line_x = 0, line_y = 0;  // text line origin in 1/1000 pt (Td is relative to it)
    c.op("BT");
    for (const TextItem& t : page.texts) {
      const int style = static_cast<int>(t.style);
      DocFont& f = font(t.style);
      if (!on_page[style]) {
        pdf_page.AddResource(f.font->GetIdentifier(), f.font->GetObject()->Reference(),
                             PdfName("Font"));
        on_page[style] = true;
      }
      const long long size = std::llround(t.size * 1000);
      if (style != current_style || size != current_size) {
        c.bytes() += '/';
        c.bytes() += f.font->GetIdentifier().GetName();
        c.bytes() += ' ';
        c.milli(size);
        c.op("Tf");
        current_style = style;
        current_size = size;
      }
      const long long x = std::llround(t.x * 1000);
      const long long y = std::llround((page.height - t.baseline) * 1000);
      c.milli(x - line_x);
      c.milli(y - line_y);
      c.op("Td");
      line_x = x;
      line_y = y;

      c.bytes() += '<';
      const PdfFontMetrics* metrics = f.font->GetFontMetrics();
      const auto* p = reinterpret_cast<const unsigned char*>(t.text.data());
      const auto* end = p + t.text.size();
      while (p < end) {
        const char32_t cp = next_code_point(p, end);
        const long gid = cp <= 0xFFFF ? metrics->GetGlyphId(static_cast<long>(cp)) : 0;
        if (gid <= 0 || gid > 0xFFFF) {
          char hex[16];
          std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
          return Diagnostic{fonts_.face(t.style).path(), 0, 0,
                            std::string("no glyph for ") + hex + " in \"" + t.text + "\""};
        }
        f.use(cp);
        c.hex_glyph(static_cast<unsigned>(gid));
      }
      c.op("> Tj");
    }
    c.op("ET");
    return std::nullopt;
  }

  DocFont& font(FontStyle style) {
    DocFont& f = fonts_used_[static_cast<int>(style)];
    if (!f.font) {
      const FontFace& face = fonts_.face(style);
      const bool bold = style == FontStyle::Bold || style == FontStyle::BoldItalic;
      const bool italic = style == FontStyle::Italic || style == FontStyle::BoldItalic;
      // PoDoFo caches fonts by (name, bold, italic, encoding), not by file: the path is the
      // unique name. Passing the file also skips fontconfig. The global identity encoding is
      // never deleted, so it cannot leak on a cache hit.
      f.font = doc_.CreateFontSubset(face.path().c_str(), bold, italic, false,
                                     PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                     face.path().c_str());
      if (!f.font) PODOFO_RAISE_ERROR_INFO(ePdfError_InvalidHandle, face.path().c_str());
    }
    return f;
  }

  // PdfPainter registers glyphs per DrawText; this writer registers each font's code points once.
  static void register_glyphs(DocFont& f) {
    std::vector<unsigned char> utf16be;
    for (std::size_t word = 0; word < f.used.size(); ++word) {
      for (std::uint64_t bits = f.used[word]; bits != 0; bits &= bits - 1) {
        const std::size_t cp = word * 64 + static_cast<std::size_t>(std::countr_zero(bits));
        utf16be.push_back(static_cast<unsigned char>(cp >> 8));
        utf16be.push_back(static_cast<unsigned char>(cp & 0xFF));
      }
    }
    const long count = static_cast<long>(utf16be.size() / 2);
    if (count == 0) return;
    PdfString s(reinterpret_cast<const pdf_utf16be*>(utf16be.data()), count);
    f.font->AddUsedSubsettingGlyphs(s, count);
  }

  // PoDoFo's trailer /ID is the MD5 of the Info dictionary alone: deterministic, but the same for
  // every document of a batch that shares title, author and timestamp. It is replaced in place
  // (same length, after the xref, so no offset moves) by a hash of everything before the trailer:
  // FNV-1a 128 taken over 8-byte little-endian words (a word per step keeps it ~0.03 ms), fully
  // specified so the same bytes give the same /ID on every build. PoDoFo's MD5 is not exported.
  static void set_file_id(std::string& pdf) {
    const std::size_t trailer = pdf.rfind("trailer");
    const std::size_t id = pdf.find("/ID[<", trailer);
    constexpr std::size_t kHex = 32;
    if (trailer == std::string::npos || id == std::string::npos ||
        pdf.compare(id + 5 + kHex, 2, "><") != 0 || pdf.compare(id + 7 + 2 * kHex, 2, ">]") != 0) {
      PODOFO_RAISE_ERROR_INFO(ePdfError_InternalLogic, "unexpected trailer /ID layout");
    }
    using u128 = unsigned __int128;
    constexpr u128 kPrime = (u128{1} << 88) | 0x13B;
    u128 hash = (u128{0x6c62272e07bb0142} << 64) | 0x62b821756295c58d;
    for (std::size_t i = 0; i < trailer; i += 8) {
      std::uint64_t word = 0;
      for (std::size_t b = 0; b < 8 && i + b < trailer; ++b) {
        word |= std::uint64_t{static_cast<unsigned char>(pdf[i + b])} << (8 * b);
      }
      hash = (hash ^ word) * kPrime;
    }
    static constexpr char kHexDigits[] = "0123456789ABCDEF";
    for (std::size_t i = 0; i < kHex; ++i) {
      const char digit = kHexDigits[static_cast<unsigned>(hash >> (124 - 4 * i)) & 15];
      pdf[id + 5 + i] = digit;
      pdf[id + 7 + kHex + i] = digit;
    }
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

  const FontSet& fonts_;
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
  try {
    Writer writer(fonts);
    for (const Page& page : pages.pages) {
      if (auto error = writer.write_page(page)) return Result<std::string>::failure(*error);
    }
    Result<std::string> result;
    result.value = writer.finish(pages.info);
    return result;
  } catch (const PdfError& e) {
    return Result<std::string>::failure({"", 0, 0, describe(e)});
  } catch (const std::exception& e) {
    return Result<std::string>::failure({"", 0, 0, std::string("PDF writing failed: ") + e.what()});
  }
}

}  // namespace vanban
