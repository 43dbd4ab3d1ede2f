#include "input/csv.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "input/input_limits.h"
#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/legacy_encoding.h"
#include "text/unicode.h"

namespace vanban {

namespace {

// UTF-16 with a byte-order mark (Excel's "Unicode text") to UTF-8. On an unpaired surrogate or
// an odd byte at the end, `out` holds the text before it and `why` says what it is.
bool utf16_to_utf8(std::string_view bytes, bool big_endian, std::string& out, std::string& why) {
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return static_cast<char32_t>(big_endian ? a << 8 | b : b << 8 | a);
  };
  std::u32string text;
  text.reserve(bytes.size() / 2);
  const auto fail = [&](std::string reason) {
    out = text::to_utf8(text);
    why = std::move(reason);
    return false;
  };
  const auto lone = [](char32_t u) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(u));
    return std::string("a lone surrogate ") + hex + " (half of a character pair)";
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    if (i + 1 == bytes.size()) return fail("the file ends with half a character (an odd byte)");
    char32_t u = unit(i);
    if (u >= 0xDC00 && u <= 0xDFFF) return fail(lone(u));
    if (u >= 0xD800 && u <= 0xDBFF) {
      const char32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) return fail(lone(u));
      u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    }
    text.push_back(u);
  }
  out = text::to_utf8(text);
  return true;
}

// The delimiter the header row uses most: comma, semicolon or tab (comma if none).
char detect_delimiter(std::string_view s) {
  int comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab >= semicolon) return '\t';
  if (semicolon > comma) return ';';
  return ',';
}

// A record as split, before its bytes are decoded.
struct RawRow {
  int number = 0;
  std::vector<std::string> cells;
  bool bad = false;  // already reported
};

class Splitter {
 public:
  Splitter(std::string_view s, char delimiter, const std::string& name, Diagnostics& errors)
      : s_(s), delimiter_(delimiter), name_(name), errors_(errors) {}

  std::vector<RawRow> rows() {
    std::vector<RawRow> out;
    RawRow row;
    while (next(row)) out.push_back(std::move(row));
    return out;
  }

  // The next record into `row`; false at the end or at an unterminated quote.
  bool next(RawRow& row) {
    if (i_ >= s_.size()) return false;
    row = RawRow{++number_, {}, false};
    return read_row(row);
  }

 private:
  bool at_end_of_cell() const {
    return i_ >= s_.size() || s_[i_] == delimiter_ || s_[i_] == '\n' || s_[i_] == '\r';
  }

  // false at an unterminated quote: the rest of the file is inside it.
  bool read_row(RawRow& row) {
    for (;;) {
      const int column = static_cast<int>(row.cells.size()) + 1;
      std::string cell;
      if (i_ < s_.size() && s_[i_] == '"') {
        if (!read_quoted(cell)) {
          errors_.push_back({name_, row.number, column,
                             "the quoted cell that starts here has no closing quote"});
          return false;
        }
        if (!at_end_of_cell()) {
          errors_.push_back({name_, row.number, column,
                             "text after the closing quote of a quoted cell; a quote inside a "
                             "quoted cell is written twice (\"\")"});
          row.bad = true;
          while (!at_end_of_cell()) ++i_;
        }
      } else {
        const std::size_t start = i_;
        while (!at_end_of_cell()) ++i_;
        cell.assign(s_.substr(start, i_ - start));
      }
      row.cells.push_back(std::move(cell));
      if (i_ < s_.size() && s_[i_] == delimiter_) {
        ++i_;
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '\r') ++i_;
      if (i_ < s_.size() && s_[i_] == '\n') ++i_;
      return true;
    }
  }

  bool read_quoted(std::string& cell) {
    for (++i_; i_ < s_.size(); ++i_) {
      const char c = s_[i_];
      if (c == '"') {
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
          cell.push_back('"');
          ++i_;
          continue;
        }
        ++i_;
        return true;
      }
      if (c == '\r') {  // CRLF or a lone CR inside a cell: one line break
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ++i_;
        cell.push_back('\n');
        continue;
      }
      cell.push_back(c);
    }
    return false;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int number_ = 0;
  char delimiter_;
  const std::string& name_;
  Diagnostics& errors_;
};

bool has_high_byte(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// A cell quoted in a message, shortened.
std::string shown(std::string_view utf8) {
  std::u32string cps = text::to_u32(utf8);
  for (char32_t& c : cps)
    if (c == '\n') c = ' ';
  if (cps.size() > 40) cps = cps.substr(0, 40) + U"…";
  return "'" + text::to_utf8(cps) + "'";
}

// How the cells of a file are written.
struct FileText {
  enum class Kind { Unicode, Legacy, LegacyAsWindows1252 } kind = Kind::Unicode;
  text::LegacyEncoding encoding = text::LegacyEncoding::Tcvn3;
};

std::string warning_text(const FileText& f) {
  const std::string e = text::legacy_encoding_name(f.encoding);
  return "text in " + e + " converted to Unicode: the whole file is " +
         (f.kind == FileText::Kind::Legacy ? "in " + e + ", not UTF-8"
                                           : e + " read as Windows-1252 (an old .VnTime or "
                                                 "VNI-Times sheet saved as Unicode)");
}

// How the whole file is written; nullopt, with the error, when it is neither UTF-8 nor a legacy
// encoding (the first cell that is not names the place).
std::optional<FileText> file_text(bool unicode, std::string_view body, char delimiter, const std::string& name,
                                  Diagnostics& errors) {
  FileText file;
  if (!unicode && !text::is_valid_utf8(body)) {
    const std::optional<text::LegacyEncoding> legacy = text::detect_legacy_encoding(body);
    if (!legacy) {
      Diagnostics ignored;  // the rows are split again, and reported, only if the bytes were text
      for (const RawRow& row : Splitter(body, delimiter, name, ignored).rows()) {
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
          std::size_t bad = 0;
          if (text::is_valid_utf8(row.cells[c], &bad)) continue;
          char hex[8];
          std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(row.cells[c][bad]));
          errors.push_back({name, row.number, static_cast<int>(c) + 1,
                            std::string("not UTF-8, TCVN3 or VNI text (byte ") + hex +
                                "); save the file as CSV UTF-8"});
          return std::nullopt;
        }
      }
      errors.push_back({name, 0, 0, "not UTF-8, TCVN3 or VNI text; save the file as CSV UTF-8"});
      return std::nullopt;
    }
    file = {FileText::Kind::Legacy, *legacy};
  } else if (const auto seen = text::detect_legacy_mojibake(body)) {
    file = {FileText::Kind::LegacyAsWindows1252, *seen};
  }
  return file;
}

// Every cell of one row to NFC. A file in a legacy encoding, or in one seen as Windows-1252
// throughout, is converted whole, with one warning (`warned` says it was given); in a Unicode
// file, a cell that is legacy text seen as Windows-1252 (pasted from an old file) is repaired
// with a warning of its own: that is a guess.
void decode_cells(RawRow& row, const FileText& file, bool& warned, const std::string& name, Diagnostics& errors) {
  for (std::size_t c = 0; c < row.cells.size(); ++c) {
    std::string& cell = row.cells[c];
    if (!has_high_byte(cell)) continue;
    const int column = static_cast<int>(c) + 1;
    if (file.kind != FileText::Kind::Unicode) {
      if (!warned) errors.push_back({name, row.number, column, warning_text(file), true});
      warned = true;
      cell = text::decode_legacy(
          file.kind == FileText::Kind::Legacy ? cell : *text::windows_1252_bytes(cell),
          file.encoding);
    } else if (auto repaired = text::repair_legacy_text(cell)) {
      errors.push_back({name, row.number, column,
                        std::string("text in ") + text::legacy_encoding_name(repaired->encoding) +
                            " converted to Unicode: " + shown(cell) + " read as " +
                            shown(repaired->utf8),
                        true});
      cell = std::move(repaired->utf8);
    } else {
      cell = text::to_nfc(cell);
    }
  }
}

// A NUL is no text a spreadsheet writes: the file is damaged or not CSV, and an id holding one
// would be cut short wherever it is used as a C string.
constexpr const char* kNulMessage = "the cell holds a NUL character (U+0000); the file is damaged or not CSV";

// The 1-based column of the first cell holding a NUL, or 0.
int column_with_nul(const std::vector<std::string>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c)
    if (cells[c].find('\0') != std::string::npos) return static_cast<int>(c) + 1;
  return 0;
}

bool all_empty(const std::vector<std::string>& cells) {
  for (const std::string& c : cells)
    if (!c.empty()) return false;
  return true;
}

}  // namespace

bool for_each_csv_row(std::string_view bytes, const std::string& name, Diagnostics& errors,
                      const std::function<bool(const CsvHeader&)>& header,
                      const std::function<void(CsvRow&)>& row) {
  std::string utf16;
  std::string_view body = bytes;
  bool unicode = false;  // decoded from UTF-16: no legacy bytes possible
  const auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    body = bytes.substr(3);
  } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    std::string why;
    if (!utf16_to_utf8(bytes.substr(2), starts("\xFE\xFF"), utf16, why)) {
      // The fault's row and column, as Excel would show the text before it.
      Diagnostics ignored;
      const std::vector<RawRow> before = Splitter(utf16, detect_delimiter(utf16), name, ignored).rows();
      const bool new_row = before.empty() || utf16.ends_with('\n') || utf16.ends_with('\r');
      const int row = before.empty() ? 1 : before.back().number + (new_row ? 1 : 0);
      const int column = new_row ? 1 : static_cast<int>(before.back().cells.size());
      errors.push_back(
          {name, row, column, "not valid UTF-16: " + why + "; save the file again as Unicode text or CSV UTF-8"});
      return false;
    }
    body = utf16;
    unicode = true;
  }

  // The messages come as they did when the whole file was split, then decoded, then checked:
  // those of the splitting first, then the conversions', then the rows'.
  Diagnostics split, decoded, checked;
  const auto done = [&](bool ok) {
    for (Diagnostics* d : {&split, &decoded, &checked}) errors.insert(errors.end(), d->begin(), d->end());
    return ok;
  };
  CsvHeader head;
  head.delimiter = detect_delimiter(body);
  const std::optional<FileText> file = file_text(unicode, body, head.delimiter, name, errors);
  if (!file) return false;
  Splitter splitter(body, head.delimiter, name, split);
  bool warned = false;
  RawRow raw;
  // A file refused at its header: the other rows are still split and decoded, for their messages.
  const auto refuse = [&](Diagnostic why) {
    checked.push_back(std::move(why));
    while (splitter.next(raw)) decode_cells(raw, *file, warned, name, decoded);
    return done(false);
  };
  if (!splitter.next(raw) || (decode_cells(raw, *file, warned, name, decoded), all_empty(raw.cells)))
    return refuse({name, 1, 1, "the file has no header row"});
  if (const int c = column_with_nul(raw.cells)) return refuse({name, 1, c, kNulMessage});
  head.cells = std::move(raw.cells);
  head.rows_at_most = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n'));
  const std::size_t width = head.cells.size();
  // A header the caller refuses: the rows are still split and decoded, for their messages.
  const bool wanted = header(head);
  CsvRow out;
  while (splitter.next(raw)) {
    decode_cells(raw, *file, warned, name, decoded);
    if (raw.bad || all_empty(raw.cells)) continue;
    if (const int c = column_with_nul(raw.cells)) {
      checked.push_back({name, raw.number, c, kNulMessage});
      continue;
    }
    while (raw.cells.size() > width && raw.cells.back().empty()) raw.cells.pop_back();
    if (raw.cells.size() > width) {
      checked.push_back({name, raw.number, static_cast<int>(width) + 1,
                         "the row has " + std::to_string(raw.cells.size()) + " cells; the header has " +
                             std::to_string(width)});
      continue;
    }
    raw.cells.resize(width);
    if (!wanted) continue;
    out.number = raw.number;
    out.cells = std::move(raw.cells);
    row(out);
  }
  return done(wanted);
}

Result<CsvTable> parse_csv(std::string_view bytes, const std::string& name) {
  Result<CsvTable> result;
  CsvTable table;
  bool has_header = false;
  const auto header = [&](const CsvHeader& h) {
    table.header = h.cells;
    table.delimiter = h.delimiter;
    has_header = true;
    return true;
  };
  const auto row = [&](CsvRow& r) { table.rows.push_back(std::move(r)); };
  if (for_each_csv_row(bytes, name, result.errors, header, row) && has_header) result.value = std::move(table);
  return result;
}

namespace {

// The bytes of a CSV file; nullopt, with the error, when it cannot be read or is too large.
std::optional<std::string> read_csv_bytes(const std::string& path, Diagnostics& errors) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.push_back({path, 0, 0, std::string("cannot read the file: ") + std::strerror(errno)});
    return std::nullopt;
  }
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > input_limits().max_bytes) {
    errors.push_back({path, 0, 0, too_large(size, input_limits().max_bytes)});
    return std::nullopt;
  }
  return read_rest(in, ec ? 0 : size);
}

}  // namespace

Result<CsvTable> read_csv(const std::string& path) {
  Result<CsvTable> result;
  const std::optional<std::string> bytes = read_csv_bytes(path, result.errors);
  return bytes ? parse_csv(*bytes, path) : result;
}

bool read_csv_rows(const std::string& path, Diagnostics& errors, const std::function<bool(const CsvHeader&)>& header,
                   const std::function<void(CsvRow&)>& row) {
  const std::optional<std::string> bytes = read_csv_bytes(path, errors);
  return bytes && for_each_csv_row(*bytes, path, errors, header, row);
}

}  // namespace vanban
