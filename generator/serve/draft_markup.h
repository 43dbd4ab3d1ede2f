// A draft (model/draft.h) as markup (docs/markup.md), one element per line, with the form field
// each line comes from, so that a rule the engine reports at FILE:LINE:COL is shown beside that
// field. Every required element is written even when its field is empty (<date></date>): the
// engine's message about it then points at its line, and so at its field.
#pragma once

#include <string>
#include <vector>

#include "model/draft.h"

namespace vanban::serve {

// A typed line printed in the layout's own style (place, subject, "Kính gửi", "Nơi nhận", "Lưu")
// has no bold or italic: a run the page's marks would style there (**…**, *…*) is a problem at
// its line, so that the asterisks are never printed.
struct MarkProblem {
  int line = 0, column = 0;
  std::string field;
};

struct DraftMarkup {
  std::string xml;
  std::vector<MarkProblem> styled_plain_lines;
  // line_fields[N - 1]: the field of line N ("subject", "body.2.items.0", "signature.role");
  // empty for lines of structure only.
  std::vector<std::string> line_fields;

  // The field of `line` (1-based), or of the nearest line above it that has one.
  std::string field_of_line(int line) const;
};

DraftMarkup draft_to_markup(const Draft& draft);

// The message of a MarkProblem (Vietnamese: the rule is the page's, not the markup's).
extern const char* const kStyledPlainLine;

}  // namespace vanban::serve
