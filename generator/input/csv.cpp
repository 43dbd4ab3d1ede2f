#include "input/csv.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/legacy_encoding.h"
#include "text/unicode.h"
#include "text/utf8_check.h"

namespace vanban {

namespace {

// What is decoded or scanned at a time inside a piece: the code points of that much UTF-16, the
// legacy readings of that much text are held, not a whole piece's.
constexpr std::size_t kSliceBytes = std::size_t{64} << 10;

// The text of a CSV file a piece at a time, as UTF-8: after its byte-order mark (UTF-8, or
// UTF-16 as Excel's "Unicode text" writes it), UTF-16 decoded a piece at a time. A character
// whose bytes two pieces share waits for the second.
class CsvText {
 public:
  explicit CsvText(ByteSource& bytes) : bytes_(bytes) { start(); }

  // The next piece, valid until the next call; empty at the end, and at a fault in UTF-16: the
  // text before it has been given, and fault() says what it is.
  std::string_view next() {
    while (!ended_) {
      // UTF-16 is decoded a slice at a time: a slice's code points are held, not a piece's.
      if (!rest_.empty()) {
        const std::string_view slice = rest_.substr(0, kSliceBytes);
        rest_.remove_prefix(slice.size());
        if (!decode_utf16(slice) || !out_.empty()) return out_;
        continue;
      }
      const bool from_head = head_pending_;  // the bytes read for the byte-order mark come first
      head_pending_ = false;
      const std::string_view raw = from_head ? head_ : bytes_.next();
      if (raw.empty() && from_head) continue;
      if (!utf16_) {
        ended_ = raw.empty();
        return raw;
      }
      if (raw.empty()) return end_of_utf16();
      rest_ = raw;
    }
    return {};
  }

  void rewind() {
    bytes_.rewind();
    start();
  }

  bool utf16() const { return utf16_; }
  const std::string& fault() const { return fault_; }

 private:
  // Reads the byte-order mark; the bytes read after it wait in head_ for next(): the first piece
  // itself, or the first few joined if they are too short to hold a mark.
  void start() {
    head_ = bytes_.next();
    if (!head_.empty() && head_.size() < 3) {
      short_head_ = head_;
      for (std::string_view piece; short_head_.size() < 3 && !(piece = bytes_.next()).empty();) short_head_ += piece;
      head_ = short_head_;
    }
    head_pending_ = true;
    rest_ = {};
    ended_ = false;
    odd_.clear();
    high_ = 0;
    fault_.clear();
    const auto starts = [&](std::string_view bom) { return head_.substr(0, bom.size()) == bom; };
    const bool utf8_bom = starts("\xEF\xBB\xBF");
    utf16_ = !utf8_bom && (starts("\xFF\xFE") || starts("\xFE\xFF"));
    big_endian_ = utf16_ && starts("\xFE\xFF");
    head_.remove_prefix(utf8_bom ? 3 : utf16_ ? 2 : 0);
  }

  // `raw` decoded into out_; false at a fault, with out_ the text before it.
  bool decode_utf16(std::string_view raw) {
    if (!odd_.empty()) {
      odd_ += raw;
      joined_ = std::move(odd_);
      odd_.clear();
      raw = joined_;
    }
    const auto unit = [&](std::size_t i) {
      const auto a = static_cast<unsigned char>(raw[i]), b = static_cast<unsigned char>(raw[i + 1]);
      return static_cast<char32_t>(big_endian_ ? a << 8 | b : b << 8 | a);
    };
    code_points_.clear();
    std::size_t i = 0;
    for (; i + 1 < raw.size(); i += 2) {
      const char32_t u = unit(i);
      if (high_) {  // the first half of a pair waits for the second
        if (u < 0xDC00 || u > 0xDFFF) return fail(lone(high_));
        code_points_.push_back(0x10000 + ((high_ - 0xD800) << 10) + (u - 0xDC00));
        high_ = 0;
      } else if (u >= 0xDC00 && u <= 0xDFFF) {
        return fail(lone(u));
      } else if (u >= 0xD800 && u <= 0xDBFF) {
        high_ = u;
      } else {
        code_points_.push_back(u);
      }
    }
    odd_.assign(raw.substr(i));
    out_ = text::to_utf8(code_points_);
    return true;
  }

  std::string_view end_of_utf16() {
    code_points_.clear();
    if (high_)
      fail(lone(high_));
    else if (!odd_.empty())
      fail("the file ends with half a character (an odd byte)");
    ended_ = true;
    return {};
  }

  bool fail(std::string why) {
    out_ = text::to_utf8(code_points_);
    fault_ = std::move(why);
    ended_ = true;
    return false;
  }

  static std::string lone(char32_t u) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(u));
    return std::string("a lone surrogate ") + hex + " (half of a character pair)";
  }

  ByteSource& bytes_;
  std::string_view head_;   // valid until the next piece is read
  std::string short_head_;  // the first pieces joined when they are shorter than a mark
  bool head_pending_ = true, utf16_ = false, big_endian_ = false, ended_ = false;
  std::string_view rest_;  // of the last piece read, not decoded yet
  std::string odd_;     // a byte of UTF-16 whose unit the next piece completes
  char32_t high_ = 0;   // the first half of a surrogate pair, waiting for the second
  std::string joined_;  // odd_ and the piece after it
  std::u32string code_points_;
  std::string out_;
  std::string fault_;
};

// The delimiter the header row uses most: comma, semicolon or tab (comma if none).
class DelimiterCount {
 public:
  void add(std::string_view s) {
    for (char c : s) {
      if (done_) return;
      if (c == '"') quoted_ = !quoted_;
      if (quoted_) continue;
      if (c == '\n' || c == '\r') done_ = true;
      comma_ += c == ',';
      semicolon_ += c == ';';
      tab_ += c == '\t';
    }
  }
  char delimiter() const {
    if (tab_ > comma_ && tab_ >= semicolon_) return '\t';
    if (semicolon_ > comma_) return ';';
    return ',';
  }

 private:
  int comma_ = 0, semicolon_ = 0, tab_ = 0;
  bool quoted_ = false, done_ = false;
};

// What the first reading of a file finds out, before its rows are split.
struct Survey {
  char delimiter = ',';
  std::size_t line_breaks = 0;
  bool utf8 = true;        // the whole text is UTF-8
  bool high_byte = false;  // a byte beyond ASCII
  char last = 0;           // the last byte of the text
};

Survey read_survey(CsvText& text) {
  Survey s;
  DelimiterCount delimiter;
  text::Utf8Check utf8;
  for (std::string_view piece; !(piece = text.next()).empty();) {
    delimiter.add(piece);
    if (!text.utf16()) utf8.add(piece);
    s.line_breaks += static_cast<std::size_t>(std::count(piece.begin(), piece.end(), '\n'));
    s.high_byte = s.high_byte || std::any_of(piece.begin(), piece.end(), [](char c) { return c & 0x80; });
    s.last = piece.back();
  }
  s.delimiter = delimiter.delimiter();
  s.utf8 = utf8.valid();
  return s;
}

// A record as split, before its bytes are decoded.
struct RawRow {
  int number = 0;
  std::vector<std::string> cells;
  bool bad = false;  // already reported
};

class Splitter {
 public:
  Splitter(CsvText& text, char delimiter, const std::string& name, Diagnostics& errors)
      : text_(text), delimiter_(delimiter), name_(name), errors_(errors) {}

  // The next record into `row`; false at the end or at an unterminated quote.
  bool next(RawRow& row) {
    if (!more()) return false;
    row = RawRow{++number_, {}, false};
    return read_row(row);
  }

 private:
  // Whether there is a byte at i_, reading the next piece of text if need be.
  bool more() { return i_ < s_.size() || fill(); }

  // The byte after the one at i_, or -1 at the end.
  int peek_next() {
    while (i_ + 1 >= s_.size())
      if (!fill()) return -1;
    return static_cast<unsigned char>(s_[i_ + 1]);
  }

  // The next piece after the bytes from i_ on; false at the end of the text.
  bool fill() {
    s_.erase(0, i_);
    i_ = 0;
    const std::string_view piece = text_.next();
    s_ += piece;
    return !piece.empty();
  }

  bool at_end_of_cell() {
    return !more() || s_[i_] == delimiter_ || s_[i_] == '\n' || s_[i_] == '\r';
  }

  // false at an unterminated quote: the rest of the file is inside it.
  bool read_row(RawRow& row) {
    for (;;) {
      const int column = static_cast<int>(row.cells.size()) + 1;
      std::string cell;
      if (more() && s_[i_] == '"') {
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
        read_plain(cell);
      }
      row.cells.push_back(std::move(cell));
      if (more() && s_[i_] == delimiter_) {
        ++i_;
        continue;
      }
      if (more() && s_[i_] == '\r') ++i_;
      if (more() && s_[i_] == '\n') ++i_;
      return true;
    }
  }

  void read_plain(std::string& cell) {
    do {
      const std::size_t start = i_;
      while (i_ < s_.size() && s_[i_] != delimiter_ && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
      cell.append(s_, start, i_ - start);
    } while (i_ == s_.size() && fill());
  }

  bool read_quoted(std::string& cell) {
    ++i_;
    while (more()) {
      const std::size_t start = i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\r') ++i_;
      cell.append(s_, start, i_ - start);
      if (i_ == s_.size()) continue;
      if (s_[i_] == '"') {
        if (peek_next() == '"') {
          cell.push_back('"');
          i_ += 2;
          continue;
        }
        ++i_;
        return true;
      }
      // CRLF or a lone CR inside a cell: one line break
      if (peek_next() == '\n') ++i_;
      ++i_;
      cell.push_back('\n');
    }
    return false;
  }

  CsvText& text_;
  std::string s_;  // the text from the byte the splitting is at, as far as it has been read
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

// The text from its start to `scan`, a slice at a time, until it can decide nothing more.
template <class Scan>
void scan_slices(CsvText& text, Scan& scan) {
  text.rewind();
  for (std::string_view piece; !scan.hopeless() && !(piece = text.next()).empty();)
    for (; !piece.empty() && !scan.hopeless(); piece.remove_prefix(std::min(piece.size(), kSliceBytes)))
      scan.add(piece.substr(0, kSliceBytes));
}

// How the whole file is written; nullopt, with the error, when it is neither UTF-8 nor a legacy
// encoding (the first cell that is not names the place). Reads the text again as need be.
std::optional<FileText> file_text(CsvText& text, const Survey& survey, const std::string& name, Diagnostics& errors) {
  FileText file;
  if (!text.utf16() && !survey.utf8) {
    text::LegacyEncodingScan scan;
    scan_slices(text, scan);
    const std::optional<text::LegacyEncoding> legacy = scan.result();
    if (!legacy) {
      Diagnostics ignored;  // the rows are split again, and reported, only if the bytes were text
      text.rewind();
      Splitter splitter(text, survey.delimiter, name, ignored);
      for (RawRow row; splitter.next(row);) {
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
  } else if (survey.high_byte) {
    text::LegacyMojibakeScan scan;
    scan_slices(text, scan);
    if (const auto seen = scan.result()) file = {FileText::Kind::LegacyAsWindows1252, *seen};
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

// The place of a fault in UTF-16 (the text before it has been surveyed), as Excel would show the
// text before it.
Diagnostic utf16_fault(CsvText& text, const Survey& survey, const std::string& name) {
  const std::string why = text.fault();
  Diagnostics ignored;
  text.rewind();
  Splitter splitter(text, survey.delimiter, name, ignored);
  int rows = 0;  // the number of the last row split whole
  std::size_t cells = 0;
  for (RawRow row; splitter.next(row);) {
    rows = row.number;
    cells = row.cells.size();
  }
  const bool new_row = rows == 0 || survey.last == '\n' || survey.last == '\r';
  return {name, rows == 0 ? 1 : rows + (new_row ? 1 : 0), new_row ? 1 : static_cast<int>(cells),
          "not valid UTF-16: " + why + "; save the file again as Unicode text or CSV UTF-8"};
}

bool for_each_csv_row(ByteSource& bytes, const std::string& name, Diagnostics& errors,
                      const std::function<bool(const CsvHeader&)>& header,
                      const std::function<void(CsvRow&)>& row) {
  // A first reading for what is decided over the whole file, the last one for its rows: never
  // more than a piece of it is held.
  CsvText text(bytes);
  const Survey survey = read_survey(text);
  if (!text.fault().empty()) {
    errors.push_back(utf16_fault(text, survey, name));
    return false;
  }

  // The messages come as they did when the whole file was split, then decoded, then checked:
  // those of the splitting first, then the conversions', then the rows'.
  Diagnostics split, decoded, checked;
  const auto done = [&](bool ok) {
    for (Diagnostics* d : {&split, &decoded, &checked}) errors.insert(errors.end(), d->begin(), d->end());
    return ok;
  };
  CsvHeader head;
  head.delimiter = survey.delimiter;
  const std::optional<FileText> file = file_text(text, survey, name, errors);
  if (!file) return false;
  text.rewind();
  Splitter splitter(text, head.delimiter, name, split);
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
  head.rows_at_most = survey.line_breaks;
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

// The table of the rows `read` gives, as for_each_csv_row does.
template <class Read>
Result<CsvTable> whole_table(const Read& read) {
  Result<CsvTable> result;
  CsvTable table;
  bool has_header = false;
  const std::function<bool(const CsvHeader&)> header = [&](const CsvHeader& h) {
    table.header = h.cells;
    table.delimiter = h.delimiter;
    has_header = true;
    return true;
  };
  const std::function<void(CsvRow&)> row = [&](CsvRow& r) { table.rows.push_back(std::move(r)); };
  if (read(result.errors, header, row) && has_header) result.value = std::move(table);
  return result;
}

}  // namespace

bool for_each_csv_row(std::string_view bytes, const std::string& name, Diagnostics& errors,
                      const std::function<bool(const CsvHeader&)>& header,
                      const std::function<void(CsvRow&)>& row) {
  MemoryBytes source(bytes, kChunkBytes);
  return for_each_csv_row(source, name, errors, header, row);
}

Result<CsvTable> parse_csv(std::string_view bytes, const std::string& name) {
  return whole_table([&](Diagnostics& errors, const auto& header, const auto& row) {
    return for_each_csv_row(bytes, name, errors, header, row);
  });
}

Result<CsvTable> read_csv(const std::string& path) {
  return whole_table([&](Diagnostics& errors, const auto& header, const auto& row) {
    return read_csv_rows(path, errors, header, row);
  });
}

bool read_csv_rows(const std::string& path, Diagnostics& errors, const std::function<bool(const CsvHeader&)>& header,
                   const std::function<void(CsvRow&)>& row, std::size_t chunk_bytes) {
  return read_in_pieces(path, chunk_bytes, errors,
                        [&](ByteSource& source) { return for_each_csv_row(source, path, errors, header, row); });
}

}  // namespace vanban
