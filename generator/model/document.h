// The document tree: what one official document says, independent of any layout, reader or
// writer (as Pandoc's AST). Header fields are typed metadata; only the body is a block list.
// All strings are UTF-8 in NFC, exactly as the author wrote them (case is applied later, by
// the profile).
#pragma once

#include <string>
#include <vector>

#include "model/civil_date.h"

namespace vanban {

// A run of text with one style. <q> is read as a plain run wrapped in “ ”.
struct TextRun {
  std::string text;
  bool bold = false;
  bool italic = false;

  bool operator==(const TextRun&) const = default;
};
using Inlines = std::vector<TextRun>;

enum class Align { Left, Center, Right };

struct TableCell {
  Inlines content;
  bool header = false;  // <th>
  Align align = Align::Left;
  int column_span = 1;
};

struct TableRow {
  std::vector<TableCell> cells;
  // A row whose cells are all header cells, before the first body row, repeats on every page.
  bool is_header() const;
  // A body row that heads a group ("Ban Dân vận Huyện ủy Long Hội", "I | Theo tổ chức"): its
  // last cell spans at least two columns to the table's right edge. A totals row ("Cộng" over
  // two columns, then figures) is not one.
  bool heads_group(int column_count) const;
};

struct Table {
  std::vector<TableRow> rows;
  std::vector<double> column_weights;  // optional author hint (<col width="2"/>); empty = from content
  int header_row_count() const;        // leading header rows
  int column_count() const;            // the widest row; INT_MAX at most, never overflowing
};

// A horizontal bar chart (the monthly summary's attendance by organisation): vector graphics in
// the PDF, inline SVG in HTML.
struct ChartBar {
  std::string label;  // "Hội Nông dân"
  double value = 0;   // in `unit`
};

struct Chart {
  std::string title;
  std::string unit;  // "%": printed after each value ("87,4%")
  double maximum = 0;  // scale end; 0 = the largest value
  int decimals = 1;    // of the printed values
  std::vector<ChartBar> bars;
};

struct Block;

struct ListItem {
  std::vector<Block> blocks;
  std::string marker;  // "1.", "a)", "-": empty as read, set when a profile is applied
};

struct Block {
  // PageBreak, Toc, Box and Notes serve booklets such as the monthly discussion guides:
  // a table of contents of the headings that follow, a framed box (discussion questions), a
  // page of ruled lines for notes.
  enum class Kind { Paragraph, Heading, OrderedList, DashList, Table, Chart, PageBreak, Toc, Box, Notes };
  Kind kind = Kind::Paragraph;
  Inlines inlines;              // Paragraph, Heading
  int level = 1;                // Heading: 1 (in a table of contents) or 2 (a sub-heading)
  std::vector<ListItem> items;  // OrderedList, DashList
  Table table;                  // Table
  Chart chart;                  // Chart
  std::string title;            // Toc, Box, Notes
  std::vector<Block> blocks;    // Box
  int source_line = 0;          // where the block's start tag is in its file, for messages
  int source_column = 0;
};

struct Issuer {
  std::string parent;  // cơ quan chủ quản (optional)
  std::string name;    // cơ quan ban hành
  std::string code;    // its symbol in the number: "TU", "UBND"
  std::string unit;    // drafting unit in a State công văn number: "VX" (optional)
};

struct Signature {
  // Zero to two lines above the role: "T/M Ban Thường vụ"; or, in the State layout,
  // "TM. Ủy ban nhân dân" then "KT. Chủ tịch" (a deputy signing for the collective's head).
  std::vector<std::string> authority;
  std::string role;       // "Phó Bí thư"
  std::string signer;     // "Lâm Minh Đằng"
};

// One entry of "Nơi nhận:". A group with a purpose is drawn with one tall brace "}".
struct RecipientGroup {
  std::vector<std::string> names;
  std::string purpose;  // "Báo cáo"; empty for a single plain recipient
};

struct Recipients {
  std::vector<RecipientGroup> entries;
  std::string archive;  // "Văn phòng Tỉnh ủy" -> "- Lưu Văn phòng Tỉnh ủy."
  bool empty() const { return entries.empty() && archive.empty(); }
};

// The cover page of a booklet (a monthly discussion guide), printed instead of the page-1
// header: organisation at the top, the title large in the middle, the issuer and place below.
struct CoverLine {
  enum class Role { Organisation, Title, Subtitle, Issuer, Place };
  Role role = Role::Title;
  std::string text;
};

struct Document {
  std::string source_file;  // for messages and the output name
  int line = 0, column = 0;  // of the <document> element, for messages about its attributes
  std::string layout;       // profile family: "dang", "nha-nuoc", "mat-tran", ...
  std::string edition;      // optional explicit profile edition; empty = the one in force on `date`
  std::string type;         // "chi-thi", "cong-van", ...
  std::string urgency;      // "Khẩn", "Thượng khẩn", "Hỏa tốc" or empty
  std::string secrecy;      // "Mật", "Tối mật", "Tuyệt mật" or empty
  Issuer issuer;
  std::string number;  // digits; empty while drafting
  bool unnumbered = false;  // <unnumbered/>: in no number series (a cadre's own report): no "Số" line
  // <external-signing field>: a signing tool stamps the number and date; non-empty: the name of
  // the empty signature field the PDF carries for it.
  std::string external_signing_field;
  std::string place;
  CivilDate date;
  std::string subject;
  std::vector<std::string> to;  // "Kính gửi:" addressees
  std::vector<Block> body;
  Signature signature;
  Recipients recipients;
  std::vector<std::string> keywords;  // PDF/HTML metadata (optional)
  std::vector<CoverLine> cover;       // empty: an ordinary document with the page-1 header
};

}  // namespace vanban
