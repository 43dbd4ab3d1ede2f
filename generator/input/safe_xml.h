// The one way vanban parses XML (libxml2): no network, no entity substitution, no DTD loading,
// no HUGE; a document with a DTD is refused (entity bombs, external entities); then RELAX NG
// validation. Errors are FILE:LINE:COL with what was expected. Internal to input/.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

typedef struct _xmlDoc xmlDoc;

namespace vanban {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const;
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses `bytes` (must be UTF-8; a BOM is accepted) and validates it against the RELAX NG
// schema at `schema_path` (cached per path). On failure, `errors` holds every problem found.
XmlDocPtr parse_and_validate(std::string_view bytes, const std::string& name,
                             const std::string& schema_path, Diagnostics& errors);

// Column of the start tag of element `element_name` on `line` of `bytes` (1-based), for
// validation messages where libxml2 only knows the line. 1 if not found.
int column_of_element(std::string_view bytes, int line, std::string_view element_name);

}  // namespace vanban
