#include "serve/draft_render.h"

#include <algorithm>

#include "serve/draft_markup.h"

namespace vanban::serve {

namespace {

// In the order of the form, as the page lists them.
void sort_by_line(std::vector<FieldDiagnostic>& problems) {
  std::stable_sort(problems.begin(), problems.end(), [](const FieldDiagnostic& a, const FieldDiagnostic& b) {
    return a.diagnostic.line < b.diagnostic.line;
  });
}

}  // namespace

DraftRender render_draft(const Engine& engine, const Draft& draft, const std::string& file, const OutputFormats& formats) {
  const DraftMarkup markup = draft_to_markup(draft);
  DraftRender out;
  out.markup = markup.xml;
  const auto note = [&](const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
      out.problems.push_back({d, d.file == file && d.line > 0 ? markup.field_of_line(d.line) : ""});
  };
  for (const MarkProblem& p : markup.styled_plain_lines)
    out.problems.push_back({{file, p.line, p.column, kStyledPlainLine}, p.field});
  const Result<ResolvedDocument> resolved = engine.resolve_bytes(markup.xml, file);
  note(resolved.errors);
  if (!resolved.ok() || !markup.styled_plain_lines.empty()) {
    sort_by_line(out.problems);
    return out;
  }
  Result<RenderedDocument> rendered = engine.render(*resolved.value, formats);
  note(rendered.errors);
  sort_by_line(out.problems);
  out.rendered = std::move(rendered.value);
  return out;
}

}  // namespace vanban::serve
