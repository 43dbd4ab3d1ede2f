// The sections of a template whose list is rendered one row at a time (TemplateValue::rows): each
// {{#key}} ... {{/key}} of such a key is cut out of the text, and the lines between its two tags
// become the row's own template, compiled apart and rendered once per row as the row is made.
// For the rows to come out exactly as Mustache would write the whole list, both tags must stand
// alone on their lines (only spaces or tabs beside them), as tags around a list of lines do
// anyway; such a line writes nothing. Inverted sections ({{^key}}) are left in place; a value tag
// of such a key ({{key}}) is refused where it is. Knows the Mustache tag syntax, not the library:
// delimiters other than {{ }} are refused when there are row lists.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

struct RowSection {
  std::string key;   // the list's key
  std::string body;  // the row's template; row sections inside it are cut out too
};

struct RowSplit {
  // The text with each row section replaced by an empty section of its marker, in place of the
  // opening tag: {{#MARKER}}{{/MARKER}}, so that the line still writes nothing.
  std::string frame;
  std::vector<RowSection> sections;  // marker i is sections[i]
};

// `text` must be a template the Mustache library accepts (its sections nested and closed).
// A tag of a row list that does not stand alone on its line is an error at NAME:LINE:COL.
Result<RowSplit> split_row_sections(const std::string& text, const std::vector<std::string>& row_lists,
                                    const std::string& name);

// The section name that stands for sections[i]; no template can write it (it starts with a
// control character).
std::string row_marker(std::size_t i);
// i when `tag_name` is row_marker(i).
std::optional<std::size_t> row_marker_index(const std::string& tag_name);

}  // namespace vanban
