#include "input/month_settings_reader.h"

#include <libxml/tree.h>

#include <cerrno>
#include <charconv>
#include <set>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

namespace {

using xml::child;
using xml::is;
using xml::is_text;
using xml::str;
using xml::trimmed;

std::string clean(const char* raw) {
  return trimmed(text::collapse_whitespace(text::to_nfc(raw ? raw : "")));
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = clean(str(v));
  xmlFree(v);
  return out;
}

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = clean(str(v));
  xmlFree(v);
  return out;
}

std::string child_text(const xmlNode* parent, const char* name) {
  const xmlNode* c = child(parent, name);
  return c ? content(c) : std::string();
}

// The schema has checked the digits: parsing cannot fail.
std::optional<int> number_attribute(const xmlNode* n, const char* name) {
  const std::string s = attribute(n, name);
  if (s.empty()) return std::nullopt;
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

class MonthSettingsReader {
 public:
  MonthSettingsReader(std::string_view bytes, const std::string& name, Diagnostics& errors)
      : bytes_(bytes), name_(name), errors_(errors) {}

  MonthSettings read(const xmlNode* root);

 private:
  void error(const xmlNode* at, std::string message) {
    errors_.push_back(diagnostic_at(at, bytes_, name_, std::move(message)));
  }
  IssuingBody body(const xmlNode* n);
  IssueSeries series(const xmlNode* n);
  CivilDate date(const xmlNode* n, const char* attribute_name);

  std::string_view bytes_;
  const std::string& name_;
  Diagnostics& errors_;
};

CivilDate MonthSettingsReader::date(const xmlNode* n, const char* attribute_name) {
  const std::string text = attribute(n, attribute_name);
  if (auto d = parse_iso_date(text)) return *d;
  error(n, std::string(attribute_name) + "=\"" + text + "\" does not exist; expected YYYY-MM-DD");
  return {};
}

IssuingBody MonthSettingsReader::body(const xmlNode* n) {
  IssuingBody b;
  b.key = attribute(n, "key");
  b.layout = attribute(n, "layout");
  b.first_report_number = number_attribute(n, "first-report-number");
  const xmlNode* issuer = child(n, "issuer");
  b.issuer.parent = child_text(issuer, "parent");
  b.issuer.name = child_text(issuer, "name");
  b.issuer.code = child_text(issuer, "code");
  b.place = child_text(n, "place");
  b.archive = child_text(n, "archive");
  const SourcePosition p = position_of(n, bytes_);
  b.source = {name_, p.line, p.column};
  return b;
}

IssueSeries MonthSettingsReader::series(const xmlNode* n) {
  IssueSeries s;
  s.date = date(n, "date");
  s.first_number = number_attribute(n, "first-number");
  for (const xmlNode* c = child(n, "recipients")->children; c; c = c->next) {
    if (is(c, "recipient")) s.recipients.entries.push_back({{content(c)}, ""});
    if (!is(c, "group")) continue;
    RecipientGroup g{{}, attribute(c, "purpose")};
    for (const xmlNode* r = c->children; r; r = r->next)
      if (is(r, "recipient")) g.names.push_back(content(r));
    s.recipients.entries.push_back(std::move(g));
  }
  return s;
}

MonthSettings MonthSettingsReader::read(const xmlNode* root) {
  MonthSettings m;
  m.source_file = name_;
  const std::string month = attribute(root, "month");
  const auto first = parse_iso_date(month + "-01");
  if (first)
    m.month = {first->year, first->month};
  else
    error(root, "month=\"" + month + "\" does not exist; expected YYYY-MM");
  m.report_deadline_days = number_attribute(root, "report-deadline-days").value_or(0);
  m.regulation = child_text(root, "regulation");

  std::set<std::string> keys;
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (is(c, "board")) {
      m.board = body(c);
      const xmlNode* s = child(c, "signature");
      m.board_signature = {{}, child_text(s, "role"), child_text(s, "signer")};
      for (const xmlNode* a = s->children; a; a = a->next)
        if (is(a, "authority")) m.board_signature.authority.push_back(content(a));
      keys.insert(m.board.key);
    } else if (is(c, "summary")) {
      m.summary = series(c);
      m.summary_addressee = child_text(c, "addressee");
      m.opinions_per_topic = number_attribute(c, "opinions-per-topic").value_or(0);
    } else if (is(c, "reminders")) {
      m.reminders = series(c);
      if (!attribute(c, "reply-by").empty()) m.reply_by = date(c, "reply-by");
    } else if (is(c, "agency")) {
      IssuingBody a = body(c);
      if (!keys.insert(a.key).second)
        error(c, "agency key=\"" + a.key + "\" is named twice; each agency once");
      else
        m.agencies.push_back(std::move(a));
    }
  }
  return m;
}

}  // namespace

const IssuingBody* MonthSettings::find_issuer(const std::string& key) const {
  if (key == board.key) return &board;
  for (const IssuingBody& a : agencies)
    if (a.key == key) return &a;
  return nullptr;
}

Result<MonthSettings> read_month_settings(const std::string& path,
                                          const std::string& schema_path) {
  return read_file_with<MonthSettings>(
      path, [&](std::string_view bytes) { return read_month_settings_bytes(bytes, path, schema_path); });
}

Result<MonthSettings> read_month_settings_bytes(std::string_view bytes, const std::string& name,
                                                const std::string& schema_path) {
  return read_validated<MonthSettings>(bytes, name, schema_path, [&](const xmlNode* root, Diagnostics& errors) {
    return MonthSettingsReader(bytes, name, errors).read(root);
  });
}

}  // namespace vanban
