// A layout profile: every rule of one family of official documents (Party, State, Front ...)
// as data, read from templates/profiles/*.xml, so a new profile needs no recompilation.
// Sizes are pt (plain doubles), page lengths typed Mm; each rule's source is kept in the file, not here.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/length.h"

namespace vanban {

enum class LetterCase { AsWritten, Upper, CapitalizeFirst };

struct TextStyle {
  double size = 14;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  LetterCase letter_case = LetterCase::AsWritten;
  double min_size = 0;  // pt a table may shrink to so that it fits the text block; 0: never shrunk
};

// Every styled element of a document. The names in profile files are in comments.
enum class Element {
  Title,            // "title": ĐẢNG CỘNG SẢN VIỆT NAM / CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
  Motto,            // "motto": Độc lập - Tự do - Hạnh phúc
  Parent,           // "parent": cơ quan chủ quản
  Issuer,           // "issuer": cơ quan ban hành
  IssuerMark,       // "issuer-mark": the "*" under the issuer
  Number,           // "number": Số 431-CV/TU
  PlaceDate,        // "place-date"
  LetterSubject,    // "letter-subject": trích yếu of a công văn, under the number
  Urgency,          // "urgency": KHẨN, THƯỢNG KHẨN, HỎA TỐC
  TypeName,         // "type-name": CHỈ THỊ
  Subject,          // "subject": về ... under the type name
  AddressLabel,     // "address-label": Kính gửi:
  Address,          // "address"
  Body,             // "body"
  Heading,          // "heading"
  TableText,        // "table"
  Authority,        // "authority": T/M BAN THƯỜNG VỤ
  Role,             // "role": PHÓ BÍ THƯ
  Signer,           // "signer"
  RecipientsLabel,  // "recipients-label": Nơi nhận:
  Recipient,        // "recipient"
  PageNumber,       // "page-number"
};
constexpr int kElementCount = static_cast<int>(Element::PageNumber) + 1;

// The sheet and its margins. On mirrored pages (a folded booklet) `left` is the inside margin of
// odd pages and moves to the right on even pages, so the gutter is always by the fold.
struct PageSetup {
  Mm width, height;
  Mm top, bottom, left, right;
  bool mirrored = false;
};

// The discussion guides' A5 booklet: its pages and the sheet they are imposed on, two per side.
struct BookletSetup {
  PageSetup page;
  Mm sheet_width, sheet_height;
  Mm page_number_from_top;  // baseline, from the sheet's top edge
};

// Space between the header's two columns, each taking half of it from its share of the text
// width: the same in the PDF and the HTML, so both break the header's lines alike.
inline constexpr double kHeaderColumnGutterMm = 2;

// A short form the issuer column may print for a phrase of the issuer's or parent body's
// name ("Mặt trận Tổ quốc" -> "MTTQ"), where the full name would take more lines.
struct HeaderAbbreviation {
  std::string full;
  std::string short_form;
};

struct HeaderSetup {
  double left_column = 0.5;            // share of the text width taken by the issuer column
  std::vector<std::string> title;      // lines of ô 1: first styled Title, the rest Motto
  bool rule_under_title = true;        // solid line as long as the last title line
  std::string issuer_mark;             // "*", "***", or empty
  double issuer_rule = 0;              // > 0: a line of this share of the issuer text width
  bool center_place_date = true;       // centred in the right column (else right-aligned)
  double subject_rule = 0;             // > 0: a line under the subject, share of its width
  double gap_after_header = 12;        // pt between the header and the type name
  std::string letter_subject_prefix;   // before a công văn's trích yếu: State "V/v "
  std::vector<HeaderAbbreviation> abbreviations;
};

struct TypeInfo {
  std::string name;    // printed type name ("CHỈ THỊ"); empty for công văn (no type name)
  std::string symbol;  // in the number ("CT"); empty when the pattern has none
};

struct NumberSetup {
  // Placeholders {number} {type} {issuer} {unit}; a [...] part is dropped when a placeholder
  // inside it is empty. Party: "Số {number}-{type}/{issuer}"; State: "Số: {number}/{type}-{issuer}".
  std::string pattern;
  std::string letter_pattern;  // for công văn: State "Số: {number}/{issuer}[-{unit}]"
  double draft_blank = 18;     // pt left blank for the number while it is not assigned (>= 12)
  bool pad_below_ten = true;   // "05"
};

// How an issuer numbers its documents in the register (sổ đăng ký văn bản đi): the series
// starts again from 01 each calendar year (State, NĐ 30) or at each term's start (Party), as
// one series for all types or one per type.
struct NumberingSetup {
  enum class Series { None, CalendarYear, Term };  // None: the profile has no <numbering>
  Series series = Series::None;
  bool per_type = false;
};

struct BodySetup {
  double first_line_indent = 10;  // mm
  double line_height = 1.3;       // multiple of the body size
  double paragraph_space = 6;     // pt between paragraphs
  std::string end_mark;           // "./." or empty
  std::vector<std::string> list_markers;  // per nesting level: "1." / "a)" / "-"
};

struct SignatureSetup {
  double signing_space = 25;  // mm between the role and the name
  // Prefix of the authority line per meaning, e.g. "on-behalf" -> "T/M" (Party) or "TM." (State).
  std::map<std::string, std::string> prefixes;
};

struct RecipientSetup {
  std::string label = "Nơi nhận:";
  std::string address_label = "Kính gửi:";
  std::string item_prefix = "- ";
  std::string item_end = ",";
  std::string last_end = ".";
  std::string archive_pattern = "Lưu {archive}";  // "Lưu: {archive}" in the State layout
  std::string as_above;  // State: "Như trên" opens the list when there is a "Kính gửi:" block
};

struct PageNumbering {
  int first_numbered_page = 2;
  Mm from_top{10};  // from the top edge to the baseline
};

struct Profile {
  std::string family;   // "dang"
  std::string edition;  // "36-HD/VPTW"
  std::string name;     // human name
  CivilDate in_force_from;
  PageSetup page;
  BookletSetup booklet;
  HeaderSetup header;
  NumberSetup number;
  NumberingSetup numbering;
  BodySetup body;
  SignatureSetup signature;
  RecipientSetup recipients;
  PageNumbering page_numbers;
  std::map<std::string, TypeInfo> types;  // "chi-thi" -> {"CHỈ THỊ", "CT"}
  TextStyle styles[kElementCount];

  const TextStyle& style(Element e) const { return styles[static_cast<int>(e)]; }
};

// The profile-file name of an element ("place-date"), and back.
const char* element_name(Element e);
bool element_from_name(const std::string& name, Element& out);

}  // namespace vanban
