// ResolvedDocument -> one self-contained, semantic HTML5 page (lang="vi") whose CSS reproduces
// the header columns and the typography on screen and, through @page, on A4 paper.
// Every text is escaped: nothing in a document can inject markup or script.
#pragma once

#include <string>

#include "profile/resolved_document.h"

namespace vanban {

std::string write_html(const ResolvedDocument& doc);

// The same document for a page that brings its own <head> and landmarks (the board's web site):
// the sheet as a <div class="sheet"> whose text is a <div> rather than <main>. The stylesheet it
// needs is its profile's (site_article_stylesheet, the same for every document of the profile).
std::string write_html_sheet(const ResolvedDocument& doc);

}  // namespace vanban
