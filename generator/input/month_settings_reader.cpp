#include "input/month_settings_reader.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <filesystem>
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

std::string attribute(const xmlNode* n, const char* name) { return clean(xml::attribute(n, name).c_str()); }

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
  MonthSettingsReader(const std::string& name, Diagnostics& errors) : name_(name), errors_(errors) {}

  MonthSettings read(const xmlNode* root);

 private:
  void error(const xmlNode* at, std::string message) {
    errors_.push_back(diagnostic_at(at, name_, std::move(message)));
  }
  IssuingBody body(const xmlNode* n);
  SignatureBlock signature(const xmlNode* n);
  void check_reports(const xmlNode* n, const IssuingBody& b, const char* what);
  IssueSeries series(const xmlNode* n);
  CivilDate date(const xmlNode* n, const char* attribute_name);

  const std::string& name_;
  Diagnostics& errors_;
};

CivilDate MonthSettingsReader::date(const xmlNode* n, const char* attribute_name) {
  const std::string text = attribute(n, attribute_name);
  if (auto d = parse_iso_date(text)) return *d;
  error(n, std::string(attribute_name) + "=\"" + text + "\" does not exist; expected YYYY-MM-DD");
  return {};
}

// The prefix of each meaning in the Party's spelling; resolve() respells it per profile.
const char* authority_prefix(const std::string& meaning) {
  static constexpr struct { const char* meaning; const char* prefix; } kPrefixes[] = {
      {"on-behalf", "T/M"}, {"deputy", "K/T"}, {"by-order", "T/L"},
      {"authorised", "TUQ."}, {"acting", "Q."}};
  for (const auto& p : kPrefixes)
    if (meaning == p.meaning) return p.prefix;
  return "";  // the schema admits only the meanings above
}

SignatureBlock MonthSettingsReader::signature(const xmlNode* n) {
  SignatureBlock s;
  s.lines.role = child_text(n, "role");
  s.lines.signer = child_text(n, "signer");
  for (const xmlNode* a = n->children; a; a = a->next)
    if (is(a, "authority"))
      s.lines.authority.push_back(std::string(authority_prefix(attribute(a, "meaning"))) + " " +
                                  content(a));
  const SourcePosition p = position_of(child(n, "signer"));
  s.signer_source = {name_, p.line, p.column};
  return s;
}

// An attendance report is either the body's, in its number series and signed for it, or the
// cadre's own, unnumbered and signed by the cadre: month.xml must not mix the two.
void MonthSettingsReader::check_reports(const xmlNode* n, const IssuingBody& b, const char* what) {
  const std::string label = std::string(what) + " key=\"" + b.key + "\"";
  const xmlNode* sig = child(n, "signature");
  if (b.reports == ReportMode::Personal) {
    if (b.first_report_number)
      error(n, label + " has reports=\"personal\": a cadre's personal report has no number in "
                       "the agency's series; remove first-report-number or write "
                       "reports=\"organisation\"");
    if (sig && std::string_view(what) == "agency")
      error(sig, label + " has reports=\"personal\": a personal report is signed by the cadre "
                         "who reports, not for the agency; remove <signature> or write "
                         "reports=\"organisation\"");
    return;
  }
  if (!sig)
    error(n, label + " issues its reports in its own number series (reports=\"organisation\"): "
                     "add the <signature> they are signed with, with an <authority meaning=\"...\"> "
                     "line (T/M, K/T, T/L, TUQ.)");
  else if (!b.signature || b.signature->lines.authority.empty())
    error(sig, label + " issues its reports in its own number series (reports=\"organisation\"): "
                       "they are signed for it; add <authority meaning=\"on-behalf|deputy|by-order|"
                       "authorised|acting\"> before <role>, or write reports=\"personal\"");
}

IssuingBody MonthSettingsReader::body(const xmlNode* n) {
  IssuingBody b;
  b.key = attribute(n, "key");
  b.layout = attribute(n, "layout");
  b.reports = attribute(n, "reports") == "personal" ? ReportMode::Personal : ReportMode::Organisation;
  if (const xmlNode* s = child(n, "signature")) b.signature = signature(s);
  b.first_report_number = number_attribute(n, "first-report-number");
  const xmlNode* issuer = child(n, "issuer");
  b.issuer.parent = child_text(issuer, "parent");
  b.issuer.name = child_text(issuer, "name");
  b.issuer.code = child_text(issuer, "code");
  b.place = child_text(n, "place");
  b.archive = child_text(n, "archive");
  const SourcePosition p = position_of(n);
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
  const xmlNode* register_element = child(root, "register");
  if (register_element) {
    const std::filesystem::path file(attribute(register_element, "file"));
    m.register_file = (file.is_absolute() ? file : std::filesystem::path(name_).parent_path() / file).string();
  }

  std::set<std::string> keys;
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (is(c, "board")) {
      m.board = body(c);
      // The board's own signature may lack an authority line (its head signs the summary
      // directly); it needs one only to sign its cadres' reports for the board.
      check_reports(c, m.board, "board");
      keys.insert(m.board.key);
    } else if (is(c, "summary")) {
      m.summary = series(c);
      m.summary_addressee = child_text(c, "addressee");
      if (const std::string label = attribute(c, "total-label"); !label.empty()) m.total_label = label;
      m.opinions_per_topic = number_attribute(c, "opinions-per-topic").value_or(0);
      m.gaps_listed = number_attribute(c, "gaps-listed").value_or(m.gaps_listed);
    } else if (is(c, "reminders")) {
      m.reminders = series(c);
      if (!attribute(c, "reply-by").empty()) m.reply_by = date(c, "reply-by");
    } else if (is(c, "agency")) {
      IssuingBody a = body(c);
      check_reports(c, a, "agency");
      if (!keys.insert(a.key).second)
        error(c, "agency key=\"" + a.key + "\" is named twice; each agency once");
      else
        m.agencies.push_back(std::move(a));
    }
  }
  // One source of numbers: a register and a first number would give the same document two.
  if (register_element) {
    const bool typed = m.summary.first_number || m.reminders.first_number || m.board.first_report_number ||
                       std::any_of(m.agencies.begin(), m.agencies.end(),
                                   [](const IssuingBody& a) { return a.first_report_number.has_value(); });
    if (typed)
      error(register_element, "<register> numbers the month's documents: remove first-number and "
                              "first-report-number, or remove <register>");
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
    return MonthSettingsReader(name, errors).read(root);
  });
}

}  // namespace vanban
