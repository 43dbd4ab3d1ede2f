// `vanban site`: the board's static web site from what `vanban build` wrote for every folder it
// builds (every month folder and content/documents/): each document's record (NAME.article,
// html/site_article.h) and files, as the folder's manifest lists them; never the markup, so an
// article always says what its PDF prints, and a document the build refused has no page. Into
// one folder that any web server, or a browser opening it from disk, can show: index.html, an article page per document (van-ban/SLUG.html with its
// PDF beside it), listings by month, type and issuer (thang/, loai/, co-quan/), the search page
// and its index (tim-kiem.html, tim-kiem/), feed.xml, sitemap.xml, assets/. The contract the
// browser tests hold it to: docs/site.md.
//
// Each file is written atomically and only when its bytes change (a page whose inputs did not
// change is not even made again: site/page_digest.h); articles and listings first,
// then the search index, the feed, the sitemap and the home page last, so a reader never follows
// a link to a page not yet written. Files of an earlier run that this run does not write are
// removed when the site manifest (site/site_manifest.h) lists them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "model/diagnostic.h"
#include "render/engine.h"

namespace vanban::site {

struct SiteRequest {
  std::string content_dir = "content";
  std::string build_dir = "out";       // where vanban build wrote FOLDER/NAME.pdf
  std::string site_dir = "out/site";
  std::string settings_file;           // empty: CONTENT/site.xml
  std::string data_dir;                // holds templates/ and fonts/
  // The office's register, read (never created) for the signed PDFs issued into BUILD/issued/
  // (site/issued_pdfs.h); empty: none.
  std::string register_file;
  // The engine's fingerprint (batch/engine_fingerprint.h: the program, the templates, the fonts):
  // a page whose inputs and fingerprint are those vanban-site.txt remembers, and whose file is
  // still there, is not made again (site/page_digest.h). Empty: every page is made again.
  std::string engine_fingerprint;
  unsigned jobs = 0;                   // 0: one per core
  bool quiet = false;                  // no summary line
};

struct SiteOutcome {
  std::size_t documents = 0;  // article pages
  std::size_t written = 0;    // files (re)written
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  std::uint64_t index_bytes = 0;  // the search index, every file of tim-kiem/
  std::size_t index_files = 0;
  std::size_t refused = 0;  // documents the build refused, so without files and page
  Diagnostics rejected;  // documents left out of the site, files that could not be written
  Diagnostics warnings;  // a missing PDF, documents the build refused
};

// Exit status: 0 the site holds every document, 1 some were left out (the rest is written),
// 2 the settings, the templates or the content cannot be read, or the folder cannot be written.
int run_site(const Engine& engine, const SiteRequest& request, std::ostream& err, SiteOutcome* outcome = nullptr);

}  // namespace vanban::site
