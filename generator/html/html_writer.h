// ResolvedDocument -> one self-contained, semantic HTML5 page (lang="vi") whose CSS reproduces
// the header columns and the typography on screen and, through @page, on A4 paper.
// Every text is escaped: nothing in a document can inject markup or script.
#pragma once

#include <string>

#include "profile/resolved_document.h"

namespace vanban {

// The sheet of paper (<div class="sheet">) in three parts around the element that holds its
// text: <main> on a page of its own, <div class="doc-body"> on a page that brings its own <head>
// and landmarks (the board's web site). Built once, it serves both.
struct HtmlSheet {
  std::string before_text;  // the header (or cover)
  std::string text;         // title, addresses and text
  std::string after_text;   // the closing blocks (signature, recipients)
};
HtmlSheet build_html_sheet(const ResolvedDocument& doc);

std::string write_html(const ResolvedDocument& doc, const HtmlSheet& sheet);
std::string write_html(const ResolvedDocument& doc);  // builds the sheet

// The sheet for the site's page. The stylesheet it needs is its profile's
// (site_article_stylesheet, the same for every document of the profile).
std::string site_sheet(const HtmlSheet& sheet);

}  // namespace vanban
