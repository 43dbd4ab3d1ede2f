// feed.xml (Atom 1.0, RFC 4287) of the newest documents and sitemap.xml (sitemaps.org 0.9) of
// every page, with absolute addresses from the site settings' base URL. Dates are the
// documents' own (Vietnam time, +07:00), never the clock: the same documents give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "input/site_settings_reader.h"
#include "site/site_document.h"

namespace vanban::site {

// "2026-10-31T00:00:00+07:00"
std::string atom_date(const CivilDate& d);

// `newest` first; the feed's <updated> is the first one's date.
std::string atom_feed(const SiteSettings& settings, const std::vector<const SiteDocument*>& newest);

// `pages`: paths relative to the site folder ("index.html", "van-ban/x.html").
std::string sitemap(const SiteSettings& settings, const std::vector<std::string>& pages);

}  // namespace vanban::site
