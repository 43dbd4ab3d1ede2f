// Small helpers over libxml2 nodes and input files, shared by the readers of input/ (internal).
#pragma once

#include <libxml/tree.h>

#include <cstring>
#include <string>

#include "model/diagnostic.h"

namespace vanban::xml {

inline const char* str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

inline bool is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(str(n->name), name) == 0;
}

inline bool is_text(const xmlNode* n) {
  return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
}

// Without the spaces at both ends (text already collapsed by text::collapse_whitespace).
inline std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// The first child element called `name`, or nullptr.
inline const xmlNode* child(const xmlNode* parent, const char* name) {
  for (const xmlNode* c = parent->children; c; c = c->next)
    if (is(c, name)) return c;
  return nullptr;
}

}  // namespace vanban::xml

namespace vanban {

// The bytes of an input file, or why it cannot be read ("FILE:0:0: cannot read the file: ...",
// "is a folder, not a document").
Result<std::string> read_input_file(const std::string& path);

}  // namespace vanban
