// Reads a markup file back into the compose page's draft (model/draft.h): the saved drafts, and
// a markup file a user imports. Lenient where a draft may be unfinished (an empty or missing
// field is an empty string; the schema is not applied, the preview reports what is missing), strict
// about what the page cannot edit: a chart, a nested list, a cover... is refused at its
// FILE:LINE:COL, so that saving from the page could never drop part of a document.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/draft.h"

namespace vanban {

Result<Draft> read_draft(std::string_view bytes, const std::string& name);

}  // namespace vanban
