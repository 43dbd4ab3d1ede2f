// Mustache templates that produce document markup (templates/documents/*.mustache), so that an
// office changes the wording of generated documents without recompiling.
// {{x}} is escaped for XML text and attribute values (& < > " ' as entities; control characters
// that XML 1.0 cannot carry become spaces); {{{x}}} inserts x unchanged, for markup fragments
// only. Partials and lambdas are not offered: one template is one file. A list given as
// TemplateValue::rows is rendered a row at a time (templating/row_sections.h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "templating/template_context.h"

namespace vanban {

class MarkupTemplate {
 public:
  // Parses `text` once; an unclosed section or tag is reported as NAME:LINE:COL. The values of
  // the keys in `row_lists` may be TemplateValue::rows: their sections are compiled apart, a row's
  // template each, and must have their tags alone on their lines (row_sections.h), else an error
  // at the tag.
  static Result<MarkupTemplate> compile(const std::string& text, const std::string& name,
                                        const std::vector<std::string>& row_lists = {});

  MarkupTemplate(MarkupTemplate&&) noexcept;
  MarkupTemplate& operator=(MarkupTemplate&&) noexcept;
  ~MarkupTemplate();

  // Not for concurrent use of one object: compile one per thread.
  Result<std::string> render(const TemplateContext& context) const;
  // The same, emptying `context` part by part as the library takes its own copy: a large context
  // is never held twice.
  Result<std::string> render(TemplateContext&& context) const;
  // Renders `inner` with `context`, then this template with the same context and the inner text
  // under `slot` (a page inside its frame): the context is converted for the Mustache library
  // once for both, not once each. Not for concurrent use of either object.
  Result<std::string> render_around(const MarkupTemplate& inner, const TemplateContext& context,
                                    const std::string& slot) const;
  const std::string& name() const;

 private:
  struct Impl;
  explicit MarkupTemplate(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Compiles and renders in one step.
Result<std::string> render_template(const std::string& template_text,
                                    const TemplateContext& context,
                                    const std::string& template_name);

}  // namespace vanban
