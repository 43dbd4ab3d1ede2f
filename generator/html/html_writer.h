// ResolvedDocument -> one self-contained, semantic HTML5 page (lang="vi") whose CSS reproduces
// the header columns and the typography on screen and, through @page, on A4 paper.
// Every text is escaped: nothing in a document can inject markup or script.
#pragma once

#include <string>

#include "profile/resolved_document.h"

namespace vanban {

std::string write_html(const ResolvedDocument& doc);

}  // namespace vanban
