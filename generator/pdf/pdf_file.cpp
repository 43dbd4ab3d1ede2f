#include "pdf/pdf_file.h"

#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "text/utf8_decode.h"

namespace vanban {

namespace {

void append_escaped(std::string& out, char c) {
  char escape = 0;
  switch (c) {
    case '\n': escape = 'n'; break;
    case '\r': escape = 'r'; break;
    case '\t': escape = 't'; break;
    case '\b': escape = 'b'; break;
    case '\f': escape = 'f'; break;
    case '(': case ')': case '\\': escape = c; break;
    default: break;
  }
  if (escape) {
    out += '\\';
    out += escape;
  } else {
    out += c;
  }
}

void append_utf16be_unit(std::string& out, unsigned unit) {
  append_escaped(out, static_cast<char>(unit >> 8));
  append_escaped(out, static_cast<char>(unit & 0xFF));
}

// FNV-1a 128 over 8-byte little-endian words of `data` (the last word zero-padded).
unsigned __int128 file_hash(std::string_view data) {
  using u128 = unsigned __int128;
  constexpr u128 kPrime = (u128{1} << 88) | 0x13B;
  u128 hash = (u128{0x6c62272e07bb0142} << 64) | 0x62b821756295c58d;
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + i, 8);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap64(word);
    hash = (hash ^ word) * kPrime;
  }
  if (i < data.size()) {
    std::uint64_t word = 0;
    for (std::size_t b = 0; i + b < data.size(); ++b)
      word |= std::uint64_t{static_cast<unsigned char>(data[i + b])} << (8 * b);
    hash = (hash ^ word) * kPrime;
  }
  return hash;
}

}  // namespace

PdfFile::PdfFile() { out_ = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"; }

void PdfFile::begin_object(int number) {
  if (number != static_cast<int>(offsets_.size()) + 1) throw std::logic_error("PDF objects out of order");
  offsets_.push_back(out_.size());
  out_ += std::to_string(number);
  out_ += " 0 obj";
}

void PdfFile::end_object() { out_ += "\nendobj\n"; }

void PdfFile::end_stream_object(std::string_view data) {
  out_ += "\nstream\n";
  out_ += data;
  out_ += "\nendstream\nendobj\n";
}

std::string PdfFile::finish() {
  const std::size_t xref = out_.size();
  const std::size_t size = offsets_.size() + 1;
  out_ += "xref\n0 " + std::to_string(size) + "\n0000000000 65535 f \n";
  char line[32];
  for (const std::size_t offset : offsets_) {
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out_ += line;
  }
  const unsigned __int128 hash = file_hash(out_);
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string id;
  for (int i = 0; i < 32; ++i) id += kHexDigits[static_cast<unsigned>(hash >> (124 - 4 * i)) & 15];
  out_ += "trailer\n<</ID[<" + id + "><" + id + ">]/Info 2 0 R/Root 1 0 R/Size " + std::to_string(size) +
          ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return std::move(out_);
}

void append_ref(std::string& out, int number) {
  out += ' ';
  out += std::to_string(number);
  out += " 0 R";
}

void append_int(std::string& out, long long v) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  out += ' ';
  out.append(buf, end);
}

void append_real(std::string& out, double v) {
  char buf[64];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 6);
  if (error != std::errc()) throw std::invalid_argument("PDF: number out of range");
  std::size_t n = static_cast<std::size_t>(end - buf);
  while (n > 0 && buf[n - 1] == '0') --n;
  if (n > 0 && buf[n - 1] == '.') --n;
  out += ' ';
  if (n == 0) out += '0';
  out.append(buf, n);
}

void append_text_string(std::string& out, std::string_view utf8) {
  out += "(\xFE\xFF";
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = p + utf8.size();
  while (p < end) {
    const char32_t cp = text::next_code_point(p, end);
    if (cp < 0x10000) {
      append_utf16be_unit(out, static_cast<unsigned>(cp));
    } else {
      const unsigned v = static_cast<unsigned>(cp) - 0x10000;
      append_utf16be_unit(out, 0xD800 + (v >> 10));
      append_utf16be_unit(out, 0xDC00 + (v & 0x3FF));
    }
  }
  out += ')';
}

void append_ascii_string(std::string& out, std::string_view ascii) {
  out += '(';
  for (const char c : ascii) append_escaped(out, c);
  out += ')';
}

}  // namespace vanban
