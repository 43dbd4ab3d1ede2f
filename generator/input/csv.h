// CSV as offices write it (RFC 4180): quoted cells with "" for a quote and line breaks inside;
// CRLF or LF; comma, semicolon (Excel in a Vietnamese locale) or tab (Excel's "Unicode text"),
// whichever the header row uses; UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and the
// legacy TCVN3 and VNI encodings, converted to Unicode with a warning. Every cell is NFC.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "input/byte_source.h"
#include "model/diagnostic.h"

namespace vanban {

struct CsvRow {
  int number = 0;                  // 1-based, counting every record: the header is row 1
  std::vector<std::string> cells;  // as many as the header has; line breaks inside are "\n"
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // after the header; rows with every cell empty are left out
  char delimiter = ',';
};

struct CsvHeader {
  std::vector<std::string> cells;
  char delimiter = ',';
  // Line breaks after the header row: no fewer than the rows to come (a cell may hold line
  // breaks too), for a reader to reserve room for its records once rather than grow by doubling.
  std::size_t rows_at_most = 0;
};

// A row that cannot be split (a quote in the wrong place, more cells than the header) is left
// out with an error at its row and column; the others are kept. No value if the bytes cannot be
// decoded or hold no header.
Result<CsvTable> parse_csv(std::string_view bytes, const std::string& name);
Result<CsvTable> read_csv(const std::string& path);

// The same, a row at a time: a table of a million rows is never held whole. `header` is called
// once, then `row` for each row kept, which it may move from; the messages (in the order
// parse_csv gives them) go to `errors` at the end. False when the bytes cannot be decoded or hold
// no header, or `header` returned false (the rows are then only checked, for their messages).
bool for_each_csv_row(std::string_view bytes, const std::string& name, Diagnostics& errors,
                      const std::function<bool(const CsvHeader&)>& header,
                      const std::function<void(CsvRow&)>& row);
// The file is read a piece of `chunk_bytes` at a time (smaller ones in tests), twice or more:
// what is decided over the whole file (the delimiter, the encoding, rows_at_most) first.
bool read_csv_rows(const std::string& path, Diagnostics& errors, const std::function<bool(const CsvHeader&)>& header,
                   const std::function<void(CsvRow&)>& row, std::size_t chunk_bytes = kChunkBytes);

}  // namespace vanban
