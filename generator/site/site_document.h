// What the site knows of one document: the build's record of it (html/site_article.h: metadata,
// the article's sheet, the text for search), where the build wrote its files, and its address.
#pragma once

#include <string>

#include "html/site_article.h"
#include "model/civil_date.h"

namespace vanban::site {

struct SiteDocument : SiteArticle {
  std::string key;      // "2026-10/bao-cao-thang-2026-10": output folder and name, stable across runs
  std::string pdf_dir;  // the build's output folder holding NAME.pdf (and NAME-a5.pdf, NAME-signed.pdf)
  std::string name;
  std::string slug;        // set once every document is known (article_slug.h)
  std::string stylesheet;  // the site's file of its profile's stylesheet, "assets/van-ban-HASH.css"
};

// "12/3/2026", "2026-03-12".
std::string date_dmy(const CivilDate& d);
std::string date_iso(const CivilDate& d);

}  // namespace vanban::site
