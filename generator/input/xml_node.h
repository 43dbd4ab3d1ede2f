// Small helpers over libxml2 nodes and input files, shared by the readers of input/ (internal).
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <cstring>
#include <istream>
#include <string>

#include "input/safe_xml.h"
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

// The value of the attribute `name` as written ("" when absent).
inline std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? str(v) : "";
  xmlFree(v);
  return out;
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

// The common shape of a reader: parse and validate `bytes`, then `read_root(root, errors)`;
// a value only when nothing was reported.
template <class T, class ReadRoot>
Result<T> read_validated(std::string_view bytes, const std::string& name, const std::string& schema_path,
                         ReadRoot read_root) {
  Result<T> result;
  XmlDocPtr doc = parse_and_validate(bytes, name, schema_path, result.errors);
  if (!doc) return result;
  T value = read_root(xmlDocGetRootElement(doc.get()), result.errors);
  if (result.errors.empty()) result.value = std::move(value);
  return result;
}

// read_input_file, then `from_bytes(bytes)`.
template <class T, class FromBytes>
Result<T> read_file_with(const std::string& path, FromBytes from_bytes) {
  Result<std::string> bytes = read_input_file(path);
  if (!bytes.ok()) return {std::nullopt, std::move(bytes.errors)};
  return from_bytes(*bytes.value);
}

}  // namespace vanban
