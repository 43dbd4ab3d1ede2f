#include "input/meeting_fields.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>

#include "text/unicode.h"

namespace vanban {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "2026-10-05", or "5/10/2026" as Excel shows a date in a Vietnamese locale (day first).
std::optional<CivilDate> parse_date(std::string_view s) {
  if (auto iso = parse_iso_date(s)) return iso;
  const std::size_t a = s.find('/'), b = s.find('/', a == s.npos ? a : a + 1);
  if (a == s.npos || b == s.npos) return std::nullopt;
  const std::string_view day = s.substr(0, a), month = s.substr(a + 1, b - a - 1),
                         year = s.substr(b + 1);
  if (!all_digits(day) || day.size() > 2 || !all_digits(month) || month.size() > 2 ||
      !all_digits(year) || year.size() != 4)
    return std::nullopt;
  CivilDate d;
  std::from_chars(day.data(), day.data() + day.size(), d.day);
  std::from_chars(month.data(), month.data() + month.size(), d.month);
  std::from_chars(year.data(), year.data() + year.size(), d.year);
  if (!is_valid_date(d)) return std::nullopt;
  return d;
}

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Reads the fields of one record; every value it cannot read is one error and rejects it.
class FieldReader {
 public:
  FieldReader(const RawRecord& r, RecordSource& source, Diagnostics& out)
      : r_(r), source_(source), out_(out) {}

  void set_label(std::string label) { label_ = std::move(label); }

  std::string text(std::string_view field) const {
    const std::string* v = r_.find(field);
    return v ? *v : std::string();
  }

  std::string required(std::string_view field) {
    std::string v = text(field);
    if (v.empty()) reject(field, std::string(field) + " is empty");
    return v;
  }

  int count(std::string_view field) {
    const std::string v = required(field);
    int n = 0;
    if (v.empty()) return n;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (!all_digits(v) || ec != std::errc{} || end != v.data() + v.size())
      reject(field, std::string(field) + " " + quote(v) + " is not a whole number");
    return n;
  }

  std::optional<CivilDate> date(std::string_view field, bool needed) {
    const std::string v = needed ? required(field) : text(field);
    if (v.empty()) return std::nullopt;
    std::optional<CivilDate> d = parse_date(v);
    if (!d)
      reject(field, std::string(field) + " " + quote(v) +
                        " is not a date; expected YYYY-MM-DD (or DD/MM/YYYY)");
    return d;
  }

  void reject(std::string_view field, const std::string& reason) {
    out_.push_back(rejection(source_, field, label_, reason));
    source_.rejected = true;
  }

  void reject_at(int line, int column, const std::string& reason) {
    out_.push_back({source_.file.str(), line, column, label_ + " rejected: " + reason});
    source_.rejected = true;
  }

 private:
  const RawRecord& r_;
  RecordSource& source_;
  Diagnostics& out_;
  std::string label_;
};

std::string shortened(const std::string& s) {
  std::u32string cps = text::to_u32(s);
  if (cps.size() <= 30) return s;
  return text::to_utf8(cps.substr(0, 30)) + "…";
}

}  // namespace

// Every field read below, by the name XML attributes and CSV columns give it.
constexpr const char* kFieldNames[] = {"id",      "kind",     "organisation", "name",  "commune",
                                       "district", "members", "meeting-day",  "position", "agency",
                                       "level",   "cadre",    "branch",       "date",  "present",
                                       "report-filed", "quality"};

void RawRecord::add(std::string_view field, int line, int column, std::string text) {
  const auto known = std::find_if(std::begin(kFieldNames), std::end(kFieldNames),
                                  [&](const char* name) { return field == name; });
  if (known == std::end(kFieldNames)) return;
  source.fields.push_back({*known, line, column});
  values.push_back(std::move(text));
}

const std::string* RawRecord::find(std::string_view field) const {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (field == source.fields[i].name) return &values[i];
  return nullptr;
}

std::string clean_text(std::string_view raw) {
  std::string s = text::collapse_whitespace(text::to_nfc(raw));
  const std::size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

std::string branch_label(const std::string& id) {
  return id.empty() ? "branch" : "branch " + quote(id);
}
std::string cadre_label(const std::string& id) {
  return id.empty() ? "cadre" : "cadre " + quote(id);
}
std::string assignment_label(const std::string& cadre_id, const std::string& branch_id) {
  return "assignment of cadre " + quote(cadre_id) + " to branch " + quote(branch_id);
}
std::string meeting_label(const std::string& branch_id, const std::string& date) {
  return "meeting of branch " + quote(branch_id) + " on " + date;
}

namespace {
Diagnostic at_field(const RecordSource& s, std::string_view field, std::string message,
                    bool warning) {
  for (const FieldSource& f : s.fields)
    if (field == f.name) return {s.file.str(), f.line, f.column, std::move(message), warning};
  return {s.file.str(), s.line, s.column, std::move(message), warning};
}
}  // namespace

Diagnostic rejection(const RecordSource& s, std::string_view field, const std::string& label,
                     const std::string& reason) {
  return at_field(s, field, label + " rejected: " + reason, false);
}

Diagnostic record_warning(const RecordSource& s, std::string_view field, const std::string& label,
                          const std::string& reason) {
  return at_field(s, field, label + ": " + reason, true);
}

Branch read_branch(const RawRecord& r, Diagnostics& out) {
  Branch b;
  b.source = r.source;
  FieldReader f(r, b.source, out);
  b.id = f.text("id");
  f.set_label(branch_label(b.id));
  if (b.id.empty()) f.reject("id", "id is empty");
  b.kind = f.required("kind");
  const std::string organisation = f.required("organisation");
  if (!organisation.empty() && !organisation_from_id(organisation, b.organisation))
    f.reject("organisation",
             "organisation " + quote(organisation) +
                 " is not one of dang, mat-tran, nong-dan, phu-nu, cuu-chien-binh, doan");
  b.name = f.required("name");
  b.commune = f.required("commune");
  b.district = f.text("district");  // optional: districts are gone since July 2025
  b.members = f.count("members");
  b.meeting_day = f.count("meeting-day");
  return b;
}

Cadre read_cadre(const RawRecord& r, Diagnostics& out) {
  Cadre c;
  c.source = r.source;
  FieldReader f(r, c.source, out);
  c.id = f.text("id");
  f.set_label(cadre_label(c.id));
  if (c.id.empty()) f.reject("id", "id is empty");
  c.name = f.required("name");
  c.position = f.required("position");
  c.agency = f.required("agency");
  c.level = f.required("level");
  return c;
}

Assignment read_assignment(const RawRecord& r, Diagnostics& out) {
  Assignment a;
  a.source = r.source;
  FieldReader f(r, a.source, out);
  a.cadre_id = f.text("cadre");
  a.branch_id = f.text("branch");
  f.set_label(assignment_label(a.cadre_id, a.branch_id));
  f.required("cadre");
  f.required("branch");
  return a;
}

Meeting read_meeting(const RawRecord& r, RawLists lists, Diagnostics& out) {
  Meeting m;
  m.source = r.source;
  FieldReader f(r, m.source, out);
  m.branch_id = f.text("branch");
  f.set_label(meeting_label(m.branch_id, f.text("date")));
  f.required("branch");
  if (auto d = f.date("date", true)) m.date = *d;
  m.present = f.count("present");
  m.cadre_id = f.text("cadre");
  m.report_filed = f.date("report-filed", false);
  const std::string quality = f.text("quality");
  QualityGrade grade;
  if (quality_from_id(quality, grade))
    m.quality = grade;
  else if (!quality.empty())
    f.reject("quality",
             "quality " + quote(quality) + " is not one of tot, kha, trung-binh, yeu");
  for (std::string& t : lists.topics)
    if (!t.empty()) m.topics.push_back(std::move(t));
  for (std::string& p : lists.proposals)
    if (!p.empty()) m.proposals.push_back(std::move(p));
  for (RawOpinion& o : lists.opinions) {
    if (o.topic.empty() && o.text.empty()) continue;
    if (o.topic.empty())
      f.reject_at(o.line, o.column, "opinion " + quote(shortened(o.text)) + " has no topic");
    else if (o.text.empty())
      f.reject_at(o.line, o.column, "the opinion on " + quote(o.topic) + " is empty");
    else
      m.opinions.push_back({std::move(o.topic), std::move(o.text)});
  }
  return m;
}

}  // namespace vanban
