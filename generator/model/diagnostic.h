// Diagnostics and results: errors are values, never exceptions across a module boundary.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vanban {

// One problem in one input, printed as "FILE:LINE:COL: message" (FILE:ROW:COLUMN for CSV).
// line/column are 1-based; 0 means "not known" and is printed as 0 so the shape never changes.
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  bool warning = false;  // a warning does not reject the input

  std::string to_string() const;
};

// A diagnostic at byte `offset` of `text` (UTF-8): its line, and its column in characters.
Diagnostic diagnostic_at_offset(std::string_view text, std::size_t offset, std::string file, std::string message);

using Diagnostics = std::vector<Diagnostic>;

// A value or the reasons there is none. `errors` may hold warnings even when `value` is set.
template <class T>
struct Result {
  std::optional<T> value;
  Diagnostics errors;

  bool ok() const { return value.has_value(); }
  static Result failure(Diagnostic d) {
    Result r;
    r.errors.push_back(std::move(d));
    return r;
  }
};

}  // namespace vanban
