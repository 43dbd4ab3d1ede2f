// What the site knows of one document: the build's record of it (html/site_article.h: metadata,
// the article's sheet, the text for search), where the build wrote its files, and its address.
// A record is read in parts: its fields for every document on every run, its sheet and text only
// when a page or the search index is written again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "html/site_article.h"
#include "model/civil_date.h"

namespace vanban::site {

// Where a record's sheet and text lie in its file.
struct RecordPlace {
  std::string path;  // DIR/NAME.article
  std::uint64_t size = 0;
  std::uint64_t sheet_offset = 0, sheet_bytes = 0;
  std::uint64_t text_offset = 0, text_bytes = 0;
};

struct SiteDocument : SiteArticle {  // sheet and text empty until read (read_sheet, read_text)
  std::string key;      // "2026-10/bao-cao-thang-2026-10": output folder and name, stable across runs
  std::string pdf_dir;  // the build's output folder holding NAME.pdf (and NAME-a5.pdf, NAME-signed.pdf)
  std::string name;
  std::string slug;        // set once every document is known (article_slug.h)
  std::string stylesheet;  // the site's file of its profile's stylesheet, "assets/van-ban-HASH.css"
  // What the record's bytes are: the build's hash of the document (manifest.txt: its markup and
  // the engine decide every output byte) and the record's size. A page made from the same record
  // and the same view is the same page.
  std::string record_identity;
  RecordPlace record;
};

// The fields of the record at `path`, which the build's manifest says is `size` bytes (a regular
// file, not a link), with where its sheet and text lie; or why it is not a whole record of that
// size. Reads its first bytes only.
std::variant<SiteDocument, std::string> read_record_fields(const std::string& path, std::uint64_t size);

// The sheet or the text (its first `at_most` bytes) of a record read by read_record_fields;
// nothing when the file is no longer that record (replaced since).
std::optional<std::string> read_sheet(const RecordPlace& record);
std::optional<std::string> read_text(const RecordPlace& record, std::uint64_t at_most = UINT64_MAX);

// "12/3/2026", "2026-03-12".
std::string date_dmy(const CivilDate& d);
std::string date_iso(const CivilDate& d);

}  // namespace vanban::site
