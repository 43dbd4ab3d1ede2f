// What the site knows of one document: its metadata for listings, feed and search, the article
// (the html writer's sheet of the resolved document, the same one the PDF is laid out from) and
// its plain text for the search index.
#pragma once

#include <string>

#include "model/civil_date.h"
#include "profile/resolved_document.h"

namespace vanban::site {

struct SiteDocument {
  std::string key;     // "2026-10/bao-cao-thang-2026-10": output folder and name, stable across runs
  std::string source;  // for messages: the input file, or where a generated document belongs
  std::string pdf_dir; // the build's output folder holding NAME.pdf (and NAME-a5.pdf, NAME-signed.pdf)
  std::string name;
  std::string slug;    // set once every document is known (article_slug.h)

  std::string title;     // "Chỉ thị số 18-CT/TU về ..." (the PDF's Title)
  std::string subject;   // "Về giữ vững ..." (capitalised)
  std::string type;      // listing key: "chi-thi", "cong-van", "bao-cao", "tai-lieu-sinh-hoat", ...
  std::string type_label;  // "Chỉ thị"
  std::string number;    // "18-CT/TU"; empty for a booklet or a draft number
  CivilDate date;
  std::string issuer;    // "Tỉnh ủy Trường Giang", "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang"
  std::string addressee; // the first "Kính gửi:" address, as written; may be empty
  bool booklet = false;  // a discussion guide, with its A5 booklet

  std::string stylesheet;  // the profile's CSS (shared by every document of that profile)
  std::string sheet;       // <div class="sheet">...</div>
  std::string text;        // subject, then the body's text, for the search index
};

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

// `measured` has its chart geometry (render/engine.h Engine::measure).
SiteDocument make_site_document(const ResolvedDocument& measured, std::string key, std::string source);

// The text a reader sees of the body, paragraphs separated by newlines (tables cell by cell).
std::string body_text(const ResolvedDocument& doc);

// "12/3/2026", "2026-03-12".
std::string date_dmy(const CivilDate& d);
std::string date_iso(const CivilDate& d);

}  // namespace vanban::site
