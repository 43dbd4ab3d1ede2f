#include "input/site_settings_reader.h"

#include <libxml/tree.h>

#include <charconv>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

namespace {

std::string clean(const xmlChar* raw) {
  return xml::trimmed(text::collapse_whitespace(text::to_nfc(raw ? xml::str(raw) : "")));
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = clean(v);
  xmlFree(v);
  return out;
}

std::string child_text(const xmlNode* parent, const char* name) {
  const xmlNode* c = xml::child(parent, name);
  if (!c) return {};
  xmlChar* v = xmlNodeGetContent(c);
  std::string out = clean(v);
  xmlFree(v);
  return out;
}

// The schema has checked the digits and the range.
int number_attribute(const xmlNode* n, const char* name, int fallback) {
  const std::string s = attribute(n, name);
  int v = fallback;
  if (!s.empty()) std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

SiteSettings read_root(const xmlNode* root) {
  SiteSettings s;
  s.base_url = attribute(root, "base-url");
  if (s.base_url.back() != '/') s.base_url += '/';
  s.page_size = number_attribute(root, "page-size", s.page_size);
  s.home_count = number_attribute(root, "home-count", s.home_count);
  s.feed_count = number_attribute(root, "feed-count", s.feed_count);
  s.board = child_text(root, "board");
  s.address = child_text(root, "address");
  s.editor_in_chief = child_text(root, "editor-in-chief");
  s.phone = child_text(root, "phone");
  s.email = child_text(root, "email");
  s.source_note = child_text(root, "source-note");
  return s;
}

}  // namespace

Result<SiteSettings> read_site_settings_bytes(std::string_view bytes, const std::string& name,
                                              const std::string& schema_path) {
  return read_validated<SiteSettings>(bytes, name, schema_path,
                                      [](const xmlNode* root, Diagnostics&) { return read_root(root); });
}

Result<SiteSettings> read_site_settings(const std::string& path, const std::string& schema_path) {
  return read_file_with<SiteSettings>(
      path, [&](const std::string& bytes) { return read_site_settings_bytes(bytes, path, schema_path); });
}

}  // namespace vanban
