// A draft rendered in memory, for the live preview and the downloads: its markup, the outputs
// asked for, and every rule it breaks as the command line reports it (FILE:LINE:COL, FILE being
// the draft's path under the content folder) with the form field that line comes from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/draft.h"
#include "render/engine.h"
#include "render/output.h"

namespace vanban::serve {

struct FieldDiagnostic {
  Diagnostic diagnostic;
  std::string field;  // "subject", "body.2.items.0"; empty: the document as a whole
};

struct DraftRender {
  std::string markup;
  std::optional<RenderedDocument> rendered;  // none when the draft breaks a rule
  std::vector<FieldDiagnostic> problems;     // errors and warnings
};

DraftRender render_draft(const Engine& engine, const Draft& draft, const std::string& file, const OutputFormats& formats);

}  // namespace vanban::serve
