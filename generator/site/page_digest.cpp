#include "site/page_digest.h"

#include "batch/sha256.h"

namespace vanban::site {

namespace {

void append_string(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

void append_value(std::string& out, const TemplateValue& v) {
  switch (v.kind()) {
    case TemplateValue::Kind::String:
      out += 's';
      append_string(out, v.text());
      return;
    case TemplateValue::Kind::Flag:
      out += v.on() ? 't' : 'f';
      return;
    case TemplateValue::Kind::List:
      out += 'l' + std::to_string(v.items().size()) + '[';
      for (const TemplateValue& item : v.items()) append_value(out, item);
      out += ']';
      return;
    case TemplateValue::Kind::Rows:
      out += 'r' + std::to_string(v.row_count()) + '[';
      for (std::size_t i = 0; i < v.row_count(); ++i) append_value(out, v.row(i));
      out += ']';
      return;
    case TemplateValue::Kind::Map: {
      out += 'm' + std::to_string(v.items().size()) + '{';
      auto item = v.items().begin();
      for (const std::string& key : v.keys()) {
        append_string(out, key);
        append_value(out, *item++);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string page_digest(std::string_view fingerprint, std::string_view kind, const TemplateValue& view,
                        std::string_view unseen) {
  std::string encoded;
  append_string(encoded, fingerprint);
  append_string(encoded, kind);
  append_string(encoded, unseen);
  append_value(encoded, view);
  return Sha256().update(encoded).hex_digest();
}

}  // namespace vanban::site
