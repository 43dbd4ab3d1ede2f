// What a page of the site is made from, as one digest, so that a rerun renders only the pages
// whose inputs changed: the engine's fingerprint (the program, the templates: the site's own
// among them), the kind of page, every value its template sees, and whatever else goes into it
// unseen there (an article's record, named by its identity instead of its sheet's bytes).
// vanban-site.txt remembers each page's digest (site/site_manifest.h).
#pragma once

#include <string>
#include <string_view>

#include "templating/template_context.h"

namespace vanban::site {

// SHA-256 hex of an unambiguous encoding of the arguments (every string with its length, every
// value with its kind).
std::string page_digest(std::string_view fingerprint, std::string_view kind, const TemplateValue& view,
                        std::string_view unseen = {});

}  // namespace vanban::site
