#include "input/csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "input_test_util.h"
#include "text/unicode.h"

namespace vanban {
namespace {

using testing::all;
using testing::ScratchDir;
using testing::source_path;
using namespace std::string_literals;
using Cells = std::vector<std::string>;

CsvTable parsed(const std::string& bytes, Diagnostics* errors = nullptr) {
  Result<CsvTable> r = parse_csv(bytes, "t.csv");
  EXPECT_TRUE(r.ok()) << all(r.errors);
  if (errors)
    *errors = r.errors;
  else
    EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  return r.value.value_or(CsvTable{});
}

std::string utf16(const std::u16string& s, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t u : s) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
  }
  return out;
}

// UTF-8 text as UTF-16 with a byte-order mark.
std::string utf16_of(const std::string& utf8, bool big_endian) {
  std::u16string units;
  for (char32_t cp : text::to_u32(utf8)) {
    if (cp < 0x10000) {
      units.push_back(static_cast<char16_t>(cp));
    } else {
      units.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    }
  }
  return utf16(units, big_endian);
}

// Every line break as CRLF.
std::string crlf(const std::string& bytes) {
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) out += '\r';
    out += bytes[i];
  }
  return out;
}

using Read = std::function<bool(Diagnostics&, const std::function<bool(const CsvHeader&)>&,
                                const std::function<void(CsvRow&)>&)>;

// Everything a reading gives, as text to compare: the header, every row kept, the messages and
// the outcome.
std::string transcript(const Read& read) {
  std::string out;
  const auto cells = [&](const std::vector<std::string>& c) {
    for (const std::string& cell : c) out += " [" + cell + "]";
    out += "\n";
  };
  Diagnostics errors;
  const bool ok = read(
      errors,
      [&](const CsvHeader& h) {
        out += "header '" + std::string(1, h.delimiter) + "' " + std::to_string(h.rows_at_most);
        cells(h.cells);
        return true;
      },
      [&](CsvRow& r) {
        out += std::to_string(r.number);
        cells(r.cells);
      });
  return out + all(errors) + (ok ? "read" : "refused");
}

// Files whose rows and faults fall on every kind of place a piece of a file can end.
const std::vector<std::string> kEdgeCases = {
    "",
    "\xEF\xBB",
    "a,b\n1,\"x\"y\n2,3\n4,5,6\n7,8,,\n",
    "a,b\n1,2\n3,\"open\n4,5\n",
    "a;\"b\n\"\"c\"\"\r\n\"\r\n1;\"\r\"\r\n\r\n\r2;\"\"\"\"",
    "id,name\nB\0 1,Chi hội\nB2,Chi hội\n"s,
    "id,na\0me\nB2,x\n"s,
    "a,b\n1,25\xB0\x43\n",
    "a,b\n\"1\xB0\n\",\"\n",
    "id,name\nB1,Chi h\xE9i N\xABng d\xA9n\nB2,T\xE6 h\xE9i\n",
    "id;name\r\nB1;Chi ho\xE4i No\xE2ng da\xE2n\r\n",
    "id,kind,name\nB1,chi héi,Chi héi N«ng d©n\n",
    "id,name,commune\nB1,Chi hoäi Noâng daân,xã Tân Hòa\nB2,chi hội,Tân An\n",
    "\xFF\xFEi\0d"s.substr(0, 5),
    utf16(u"id\tname\r\n\"B\n1\"\tab" + std::u16string(1, u'\xD800') + u"c\r\n", false),
    utf16(u"id\tname\r\n\"B\n1\"\tab" + std::u16string(1, u'\xD800') + u"c\r\n", true),
    utf16(u"id\tname\r\nB1\tx\r\n" + std::u16string(1, u'\xDC00'), false),
    utf16(u"id\tname\r\n\"B1\tx𝐀" + std::u16string(1, u'\xD801'), true),
    utf16(u"id\tname\r\nB1\tx𝐀", true) + "\x01",
};

// A file read a few bytes at a time gives exactly what it gives read whole: every sample and
// test file, in every encoding the reader takes, with CRLF, cut at every kind of place (a
// character, a CRLF, a quoted cell, a UTF-16 pair shared by two pieces).
TEST(Csv, ReadsAFileInPiecesAsItReadsItWhole) {
  std::vector<std::string> samples = kEdgeCases;
  for (const char* dir : {"content", "tests", "examples"})
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_path(dir)))
      if (entry.path().extension() == ".csv") samples.push_back(testing::read_bytes(entry.path().string()));
  ASSERT_GT(samples.size(), kEdgeCases.size() + 30);
  // Files larger than the slices a piece is decoded and scanned in (64 KiB), in TCVN3 and as
  // UTF-8 (UTF-16 below).
  for (const char* file : {"content/2026-10/meetings.csv", "tests/data/meetings/legacy/tcvn3/2026-10/meetings.csv"}) {
    const std::string bytes = testing::read_bytes(source_path(file));
    const std::size_t body = bytes.find('\n') + 1;
    std::string large = bytes;
    while (large.size() < 150'000) large += bytes.substr(body);
    samples.push_back(large);
  }
  ScratchDir scratch;
  const std::string path = scratch.file("t.csv");
  int readings = 0;
  for (const std::string& sample : samples) {
    std::vector<std::string> encodings{sample, crlf(sample)};
    if (text::is_valid_utf8(sample) && !sample.starts_with("\xEF\xBB\xBF")) {
      for (const std::string& bytes : {sample, crlf(sample)}) {
        encodings.push_back("\xEF\xBB\xBF" + bytes);
        for (bool big_endian : {false, true}) encodings.push_back(utf16_of(bytes, big_endian));
      }
    }
    for (const std::string& bytes : encodings) {
      const std::string whole = transcript([&](Diagnostics& errors, const auto& header, const auto& row) {
        return for_each_csv_row(bytes, path, errors, header, row);
      });
      testing::write_bytes(path, bytes);
      for (std::size_t chunk : {1, 2, 3, 7, 64}) {
        ++readings;
        EXPECT_EQ(transcript([&](Diagnostics& errors, const auto& header, const auto& row) {
                    return read_csv_rows(path, errors, header, row, chunk);
                  }),
                  whole)
            << "in pieces of " << chunk << " bytes: " << testing::read_bytes(path).substr(0, 200);
      }
    }
  }
  EXPECT_GT(readings, 1000);
}

TEST(Csv, SplitsQuotedCellsWithQuotesCommasAndLineBreaks) {
  const CsvTable t = parsed(
      "id,topics,note\r\n"
      "B1,\"Giá phân bón\r\nBảo hiểm, y tế\",\"nói \"\"tốt\"\"\"\r\n"
      "B2,,\"\"\r\n");
  EXPECT_EQ(t.delimiter, ',');
  EXPECT_EQ(t.header, (Cells{"id", "topics", "note"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].number, 2);
  EXPECT_EQ(t.rows[0].cells, (Cells{"B1", "Giá phân bón\nBảo hiểm, y tế", "nói \"tốt\""}));
  EXPECT_EQ(t.rows[1].number, 3);
  EXPECT_EQ(t.rows[1].cells, (Cells{"B2", "", ""}));
}

TEST(Csv, CountsRowsAsRecordsAndSkipsBlankOnes) {
  // A cell over three lines is one row, as a spreadsheet shows it; blank rows count but are
  // left out; a last row without a line break is kept; a short row is padded.
  const CsvTable t = parsed("a,b\n\"x\ny\nz\",1\n\n,\n2,3\n4");
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0].number, 2);
  EXPECT_EQ(t.rows[1].number, 5);
  EXPECT_EQ(t.rows[1].cells, (Cells{"2", "3"}));
  EXPECT_EQ(t.rows[2].number, 6);
  EXPECT_EQ(t.rows[2].cells, (Cells{"4", ""}));
}

TEST(Csv, TakesTheDelimiterOfTheHeaderRow) {
  EXPECT_EQ(parsed("id;name\nB1;Chi hội, ấp 3\n").rows[0].cells, (Cells{"B1", "Chi hội, ấp 3"}));
  EXPECT_EQ(parsed("id\tname\r\nB1\tChi hội; ấp 3\r\n").rows[0].cells,
            (Cells{"B1", "Chi hội; ấp 3"}));
  EXPECT_EQ(parsed("\"a;b\",c\n1,2\n").delimiter, ',');  // a quoted ";" does not count
}

TEST(Csv, ReadsUtf8WithBomAndUtf16AsExcelWritesIt) {
  const CsvTable bom = parsed("\xEF\xBB\xBFid,name\nB1,Chi hội\n");
  EXPECT_EQ(bom.header[0], "id");
  const std::u16string text = u"id\tname\r\nB1\t\"Chi hội\nNông dân\"\r\nB2\t𝐀\r\n";
  for (bool big_endian : {false, true}) {
    const CsvTable t = parsed(utf16(text, big_endian));
    EXPECT_EQ(t.delimiter, '\t');
    EXPECT_EQ(t.header, (Cells{"id", "name"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].cells[1], "Chi hội\nNông dân");
    EXPECT_EQ(t.rows[1].cells[1], "𝐀");  // a surrogate pair
  }
  const Result<CsvTable> odd = parse_csv("\xFF\xFEi\0d"s.substr(0, 5), "t.csv");
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(all(odd.errors),
            "t.csv:1:1: not valid UTF-16: the file ends with half a character (an odd byte); save the "
            "file again as Unicode text or CSV UTF-8\n");
}

// A fault in UTF-16 is shown at its row and column, as Excel shows the text before it.
TEST(Csv, PlacesAUtf16FaultAtItsRowAndColumn) {
  for (bool big_endian : {false, true}) {
    const Result<CsvTable> lone =
        parse_csv(utf16(u"id\tname\r\n\"B\n1\"\tab" + std::u16string(1, u'\xD800') + u"c\r\n", big_endian), "t.csv");
    ASSERT_FALSE(lone.ok());
    EXPECT_EQ(all(lone.errors),
              "t.csv:2:2: not valid UTF-16: a lone surrogate 0xD800 (half of a character pair); save the "
              "file again as Unicode text or CSV UTF-8\n");
    const Result<CsvTable> at_row_start =
        parse_csv(utf16(u"id\tname\r\nB1\tx\r\n" + std::u16string(1, u'\xDC00'), big_endian), "t.csv");
    EXPECT_EQ(all(at_row_start.errors).substr(0, 10), "t.csv:3:1:");
  }
}

// A NUL is no text: the row is refused at its cell, the others are kept.
TEST(Csv, RefusesACellHoldingANul) {
  Diagnostics errors;
  const CsvTable t = parsed("id,name\nB\0 1,Chi hội\nB2,Chi hội\n"s, &errors);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[0], "B2");
  EXPECT_EQ(all(errors), "t.csv:2:1: the cell holds a NUL character (U+0000); the file is damaged or not CSV\n");
  const Result<CsvTable> header = parse_csv("id,na\0me\nB2,x\n"s, "t.csv");
  EXPECT_FALSE(header.ok());
  EXPECT_EQ(all(header.errors), "t.csv:1:2: the cell holds a NUL character (U+0000); the file is damaged or not CSV\n");
}

TEST(Csv, MakesCellsNfc) {
  EXPECT_EQ(parsed("a\nho\u0323\u0302i\n").rows[0].cells[0], "hội");
}

TEST(Csv, ReportsQuotesInTheWrongPlaceAndKeepsTheOtherRows) {
  Diagnostics errors;
  const CsvTable t = parsed("a,b\n1,\"x\"y\n2,3\n4,5,6\n7,8,,\n", &errors);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].cells, (Cells{"2", "3"}));
  EXPECT_EQ(t.rows[1].cells, (Cells{"7", "8"}));  // empty trailing cells are no extra cells
  EXPECT_EQ(all(errors),
            "t.csv:2:2: text after the closing quote of a quoted cell; a quote inside a quoted "
            "cell is written twice (\"\")\n"
            "t.csv:4:3: the row has 3 cells; the header has 2\n");
}

TEST(Csv, ReportsAQuoteThatIsNeverClosed) {
  Diagnostics errors;
  const CsvTable t = parsed("a,b\n1,2\n3,\"open\n4,5\n", &errors);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(all(errors), "t.csv:3:2: the quoted cell that starts here has no closing quote\n");
}

TEST(Csv, ConvertsAFileInTcvn3OrVniWithOneWarning) {
  Diagnostics errors;
  CsvTable t = parsed("id,name\nB1,Chi h\xE9i N\xABng d\xA9n\nB2,T\xE6 h\xE9i\n", &errors);
  EXPECT_EQ(t.rows[0].cells[1], "Chi hội Nông dân");
  EXPECT_EQ(t.rows[1].cells[1], "Tổ hội");
  EXPECT_EQ(all(errors),
            "t.csv:2:2: warning: text in TCVN3 (ABC) converted to Unicode: the whole file is in "
            "TCVN3 (ABC), not UTF-8\n");

  t = parsed("id;name\r\nB1;Chi ho\xE4i No\xE2ng da\xE2n\r\n", &errors);
  EXPECT_EQ(t.rows[0].cells[1], "Chi hội Nông dân");
  EXPECT_EQ(all(errors),
            "t.csv:2:2: warning: text in VNI converted to Unicode: the whole file is in VNI, "
            "not UTF-8\n");
}

TEST(Csv, ConvertsAFileOfLegacyTextSeenAsWindows1252) {
  // An old .VnTime sheet saved as CSV UTF-8: even "chi héi", whose characters alone could be
  // genuine, is converted with the rest of the file.
  Diagnostics errors;
  const CsvTable t = parsed("id,kind,name\nB1,chi héi,Chi héi N«ng d©n\n", &errors);
  EXPECT_EQ(t.rows[0].cells, (Cells{"B1", "chi hội", "Chi hội Nông dân"}));
  EXPECT_EQ(all(errors),
            "t.csv:2:2: warning: text in TCVN3 (ABC) converted to Unicode: the whole file is "
            "TCVN3 (ABC) read as Windows-1252 (an old .VnTime or VNI-Times sheet saved as "
            "Unicode)\n");
}

TEST(Csv, RepairsOneLegacyCellInAUnicodeFile) {
  Diagnostics errors;
  const CsvTable t =
      parsed("id,name,commune\nB1,Chi hoäi Noâng daân,xã Tân Hòa\nB2,chi hội,Tân An\n", &errors);
  EXPECT_EQ(t.rows[0].cells, (Cells{"B1", "Chi hội Nông dân", "xã Tân Hòa"}));
  EXPECT_EQ(t.rows[1].cells, (Cells{"B2", "chi hội", "Tân An"}));
  EXPECT_EQ(all(errors),
            "t.csv:2:2: warning: text in VNI converted to Unicode: 'Chi hoäi Noâng daân' read as "
            "'Chi hội Nông dân'\n");
}

TEST(Csv, RefusesBytesThatAreNoTextItKnows) {
  const Result<CsvTable> r = parse_csv("a,b\n1,25\xB0\x43\n", "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors),
            "t.csv:2:2: not UTF-8, TCVN3 or VNI text (byte 0xB0); save the file as CSV UTF-8\n");
}

TEST(Csv, ReportsAFileItCannotRead) {
  const Result<CsvTable> r = read_csv("/nonexistent/x.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(all(r.errors), "/nonexistent/x.csv:0:0: cannot read the file: No such file or directory\n");
  const Result<CsvTable> empty = parse_csv("", "t.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(all(empty.errors), "t.csv:1:1: the file has no header row\n");
}

}  // namespace
}  // namespace vanban
