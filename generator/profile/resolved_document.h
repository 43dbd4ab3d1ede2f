// A document with its profile applied: every header string formatted and cased, every element
// styled. Both writers start here: layout (and so the PDF) and HTML, which never sees pages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/document.h"
#include "model/page.h"
#include "profile/chart_geometry.h"
#include "profile/profile.h"
#include "text/keep_together.h"

namespace vanban {

struct Fragment;  // layout/fragment.h

struct StyledText {
  std::string text;  // final form: cased, numbered, punctuated
  TextStyle style;
  bool empty() const { return text.empty(); }
};

// One "Nơi nhận:" entry: its lines ("- Ban Dân vận Trung ương,") and, for a group, the purpose
// printed after one brace spanning them.
struct ResolvedRecipient {
  std::vector<std::string> lines;
  std::string purpose;
};

// A heading that the table of contents lists (a level-1 heading of the body itself, not inside
// a list or a box): its text and the index of its block in the body.
struct ContentsEntry {
  std::string text;
  std::size_t block = 0;
};

struct ResolvedCoverLine {
  CoverLine::Role role;
  StyledText text;
};

// A table's size and column widths as layout chose them (layout/table_layout.h).
struct TableMeasure {
  double size = 0;      // pt the cells are set in: the style's, or smaller so that the table fits
  double overflow = 0;  // pt by which the columns' narrowest widths exceed the width even then
  std::vector<double> edges;  // the columns' edges from the left, pt: one more than the columns
  // Per column: wide enough for its soft phrases ("phường Tân Định Thượng"), which none of its
  // cells then splits.
  std::vector<bool> whole_soft_phrases;
};

struct ResolvedDocument {
  const Profile* profile = nullptr;  // owned by the ProfileRegistry
  std::string type;                  // "chi-thi"
  CivilDate date;                    // the document's own date (the site lists by it)
  std::string source_file;
  int line = 0, column = 0;          // of <document>, for messages about the whole layout

  // Phrases no line may split: the shared list, the profile's title lines and this document's
  // names (issuer, parent, addressees, recipients, signature, cover).
  std::shared_ptr<const text::KeepTogether> keep_together;

  std::vector<ResolvedCoverLine> cover;  // when set, printed on page 1 instead of the header

  // Left header column, top to bottom.
  std::vector<StyledText> issuer_lines;  // parent (if any), then issuer
  // Each issuer line with the profile's header abbreviations ("ỦY BAN MTTQ VIỆT NAM ..."),
  // empty where none applies: the header prints it where it takes fewer lines (check_header).
  std::vector<StyledText> issuer_abbreviated;
  // Each issuer line as the PDF's header broke it (check_header), for the HTML page to break
  // it there too; empty before layout.
  std::vector<std::vector<std::string>> issuer_breaks;
  StyledText issuer_mark;                // "*" or empty
  StyledText number;                     // "Số 431-CV/TU"
  StyledText letter_subject;             // công văn trích yếu, or empty
  StyledText urgency;                    // "KHẨN", or empty
  StyledText secrecy;                    // "MẬT", or empty
  // Right header column.
  std::vector<StyledText> title_lines;
  StyledText place_date;  // "Trà Vinh, ngày 17 tháng 5 năm 2023"; day and month blank when undated
  // Both columns as the engine laid them out when it checked that they fit (check_header in
  // layout/header_layout.h), at the profile's text width; layout reuses them. Null until then.
  std::shared_ptr<const Fragment> header;
  // Centred under the header (both empty for a công văn).
  StyledText type_name;
  StyledText subject;
  // "Kính gửi:" block; addresses end with ";" and the last with ".", or stand alone on the
  // label's line when there is one.
  StyledText address_label;
  std::vector<StyledText> addresses;

  std::vector<Block> body;  // headings cased, list items marked, end mark attached to the last text
  std::vector<ContentsEntry> contents;  // every listable heading, whether or not there is a <toc>
  // One per chart of the body in reading order (lists and boxes included), measured for the
  // column it stands in; empty until the render engine measures the document.
  std::vector<ChartGeometry> charts;
  // One per table of the body in reading order, measured as the charts are: its size and column
  // widths (the PDF lays its rows out at them) and which columns keep their soft phrases whole
  // (the HTML page keeps them on one line too).
  std::vector<TableMeasure> tables;

  std::vector<StyledText> authority;  // "T/M BAN THƯỜNG VỤ"; "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
  StyledText role;
  StyledText signer;

  StyledText recipients_label;  // "Nơi nhận:", empty when there are no recipients
  std::vector<ResolvedRecipient> recipients;

  std::string issuer_parent;  // the parent body as written ("Tỉnh ủy Trường Giang"); info.author is the issuer
  DocumentInfo info;  // title "Chỉ thị về ...", author = issuer, subject, keywords, timestamp
  // Non-empty: the name of the empty signature field over box 7c, for a signing tool that
  // stamps the number and date (<external-signing>); both are left blank.
  std::string signature_field;

  bool has_signature() const { return !authority.empty() || !role.empty() || !signer.empty(); }
  bool has_recipients() const { return !recipients_label.empty() || !recipients.empty(); }
  bool has_closing() const { return has_signature() || has_recipients(); }
};

// The marker of item `index` (0-based) of a list at nesting `depth` (0 = outermost):
// ordered "1.", "2." then "a)", "b)" with the Vietnamese alphabet (a b c d đ e g h i k ...);
// dash lists "-".
std::string list_marker(const Profile& profile, bool ordered, int depth, int index);

// Sets the marker of every list item in `blocks` (lists nested in items and boxes included).
void mark_list_items(std::vector<Block>& blocks, const Profile& profile, int depth = 0);

// The headings a table of contents lists, in order (see ContentsEntry).
std::vector<ContentsEntry> contents_entries(const std::vector<Block>& body);

}  // namespace vanban
