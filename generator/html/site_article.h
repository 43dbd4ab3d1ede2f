// What the board's site shows of one document, taken by the build from the resolved document its
// PDF is laid out from (so the article carries the number the register gave and the date the PDF
// prints) and kept beside the PDF as DIR/NAME.article; `vanban site` makes the site from these
// records alone, never from the markup. The record:
//   vanban-article 1
//   KEY VALUE          one line each: source, title, subject, type, type-label, number, date,
//                      issuer, addressee, booklet (0/1), family, edition
//   sheet BYTES        then the article's <div class="sheet"> (html_writer.h), BYTES long
//   text BYTES         then the text for search: the subject, then the body's
// The profile's stylesheet is not repeated in every record: family and edition name it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "html/html_writer.h"
#include "model/civil_date.h"
#include "profile/resolved_document.h"

namespace vanban {

struct SiteArticle {
  std::string source;      // the input, for messages: a file, or where a generated document belongs
  std::string title;       // "Chỉ thị số 18-CT/TU về ..." (the PDF's Title)
  std::string subject;     // "Về giữ vững ..." (capitalised)
  std::string type;        // listing key: "chi-thi", "cong-van", "bao-cao", "tai-lieu-sinh-hoat", ...
  std::string type_label;  // "Chỉ thị"
  std::string number;      // "18-CT/TU"; empty for a booklet or a draft number
  CivilDate date;
  std::string issuer;      // "Tỉnh ủy Trường Giang", "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang"
  std::string addressee;   // the first "Kính gửi:" address, as written; may be empty
  bool booklet = false;    // a discussion guide, with its A5 booklet
  std::string family, edition;  // the profile, whose stylesheet the sheet needs
  std::string sheet;       // <div class="sheet">...</div>
  std::string text;        // subject, then the body's text, for the search index
};

// `measured` has its chart geometry (render/engine.h Engine::measure); `sheet` is its
// build_html_sheet (html_writer.h), which the standalone page shares.
SiteArticle site_article(const ResolvedDocument& measured, const HtmlSheet& sheet);

// The stylesheet every sheet of `profile` needs (its @page prints the article as the PDF).
std::string site_article_stylesheet(const Profile& profile);

std::string serialise_site_article(const SiteArticle& article);
// Nothing when `bytes` is not a whole record of this version.
std::optional<SiteArticle> parse_site_article(std::string_view bytes);

// A record read in parts, as the site reads it: its fields first (the sheet and the text are
// needed only for a page or a search index written again). From the record's first bytes: the
// fields (sheet and text left empty) and where the sheet lies; nothing when `head` does not begin
// with every field of a record of this version and the sheet's size line.
struct SiteArticleHead {
  SiteArticle fields;
  std::size_t sheet_offset = 0;  // the sheet is bytes [sheet_offset, sheet_offset + sheet_bytes)
  std::size_t sheet_bytes = 0;
};
std::optional<SiteArticleHead> parse_site_article_head(std::string_view head);
// From the bytes that follow the sheet ("text BYTES\n" then the text): where the text starts,
// counted from them, and its size; nothing when they do not begin with that line.
struct SiteArticleTextPlace {
  std::size_t offset = 0;
  std::size_t bytes = 0;
};
std::optional<SiteArticleTextPlace> parse_site_article_text_label(std::string_view after_sheet);

// The listing key and Vietnamese label of a document type; a document with a cover is a
// discussion guide ("tai-lieu-sinh-hoat", "Tài liệu sinh hoạt") whatever its type.
struct DocumentKind {
  std::string key;
  std::string label;
};
DocumentKind document_kind(const std::string& type, bool has_cover);

// The issuer as a reader names it: a board known by its parent ("Ban Thường vụ", "Ban Tuyên
// giáo và Dân vận") with the parent after it; any other body by its own name (an executive
// committee, "Ban Chấp hành ...", already names its organisation).
std::string issuer_name(const std::string& name, const std::string& parent);

// The text a reader sees of the body, paragraphs separated by newlines (tables cell by cell).
std::string body_text(const ResolvedDocument& doc);

}  // namespace vanban
