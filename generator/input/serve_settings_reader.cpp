#include "input/serve_settings_reader.h"

#include <libxml/tree.h>

#include <filesystem>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

namespace {

std::string clean(const std::string& raw) { return xml::trimmed(text::collapse_whitespace(text::to_nfc(raw))); }

std::string text_of(const xmlNode* n) {
  if (!n) return {};
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = clean(v ? xml::str(v) : "");
  xmlFree(v);
  return out;
}

std::string child_text(const xmlNode* parent, const char* name) { return text_of(xml::child(parent, name)); }

class SettingsReader {
 public:
  explicit SettingsReader(const std::string& name) : base_(std::filesystem::path(name).parent_path()) {}

  ServeSettings read(const xmlNode* root) {
    ServeSettings s;
    s.password_hash = child_text(root, "password-hash");
    if (const xmlNode* r = xml::child(root, "register")) s.register_file = path(r, "file");
    if (const xmlNode* g = xml::child(root, "signing")) {
      s.signing = {path(g, "key"), path(g, "signature-image"), path(g, "seal-key"), path(g, "seal-image"),
                   clean(xml::attribute(g, "seal-size"))};
    }
    for (const xmlNode* o = root->children; o; o = o->next) {
      if (!xml::is(o, "organisation")) continue;
      ServeOrganisation org;
      org.id = clean(xml::attribute(o, "id"));
      org.layout = clean(xml::attribute(o, "layout"));
      const xmlNode* issuer = xml::child(o, "issuer");
      org.issuer = {child_text(issuer, "parent"), child_text(issuer, "name"), child_text(issuer, "code"),
                    child_text(issuer, "unit")};
      org.place = child_text(o, "place");
      for (const xmlNode* sg = o->children; sg; sg = sg->next) {
        if (!xml::is(sg, "signer")) continue;
        DraftSignature signer;
        for (const xmlNode* f = sg->children; f; f = f->next)
          if (xml::is(f, "authority")) signer.authority.push_back(text_of(f));
        signer.role = child_text(sg, "role");
        signer.signer = child_text(sg, "name");
        org.signers.push_back(std::move(signer));
      }
      s.organisations.push_back(std::move(org));
    }
    return s;
  }

 private:
  std::string path(const xmlNode* n, const char* attribute) {
    const std::string value = clean(xml::attribute(n, attribute));
    if (value.empty()) return {};
    const std::filesystem::path p(value);
    return p.is_absolute() ? value : (base_ / p).lexically_normal().string();
  }
  std::filesystem::path base_;
};

}  // namespace

Result<ServeSettings> read_serve_settings_bytes(std::string_view bytes, const std::string& name,
                                                const std::string& schema_path) {
  return read_validated<ServeSettings>(bytes, name, schema_path, [&](const xmlNode* root, Diagnostics& errors) {
    ServeSettings s = SettingsReader(name).read(root);
    for (std::size_t i = 0; i < s.organisations.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (s.organisations[i].id == s.organisations[j].id)
          errors.push_back({name, 0, 0, "two organisations have the id '" + s.organisations[i].id + "'"});
    return s;
  });
}

Result<ServeSettings> read_serve_settings(const std::string& path, const std::string& schema_path) {
  return read_file_with<ServeSettings>(
      path, [&](const std::string& bytes) { return read_serve_settings_bytes(bytes, path, schema_path); });
}

}  // namespace vanban
