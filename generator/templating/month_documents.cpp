#include "templating/month_documents.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <sstream>
#include <utility>

#include "stats/calendar.h"
#include "store/month_store.h"
#include "templating/list_punctuation.h"
#include "templating/render_template.h"
#include "templating/slug.h"
#include "text/collation.h"
#include "text/vietnamese_case.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

// ---- Values as the templates print them -------------------------------------------------------

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string iso(const CivilDate& d) {
  return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day);
}
std::string dmy(const CivilDate& d) {  // "05/10/2026", as dates are written in running text
  return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}
std::string count(long long n) { return text::format_integer(n); }
std::string percent(long long num, long long den) {
  return den > 0 ? text::format_rate(num, den) : "-";
}
// A chart value: a decimal with a dot, as the markup wants it ("87.39").
std::string decimal_with_dot(double v) {
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2).ptr;
  return std::string(buf, end);
}
// "nong-dan" -> "org_nong_dan": flags for wording that depends on the organisation.
std::string organisation_flag(Organisation o) {
  std::string id = std::string("org_") + organisation_id(o);
  std::replace(id.begin(), id.end(), '-', '_');
  return id;
}
std::string quality_flag(QualityGrade g) {
  std::string id = std::string("quality_") + quality_id(g);
  std::replace(id.begin(), id.end(), '-', '_');
  return id;
}

// Where a branch is, as running text names it: "xã Phú Thạnh"; with the district in data that
// still has districts (before July 2025): "xã Phú Thạnh, huyện Tân Lộc".
std::string area(const std::string& commune, const std::string& district) {
  return district.empty() ? commune : commune + ", " + district;
}

// The words for the branches and members concerned, in the organisations' fixed order: a
// dispatch about Youth Union branches only speaks of "chi đoàn" and "đoàn viên".
struct Nouns {
  std::string branches;  // "chi bộ, chi hội"
  std::string members;   // "đảng viên, hội viên"
};
Nouns nouns_of(const std::array<bool, kOrganisationCount>& concerned) {
  static constexpr struct { const char* branch; const char* member; } kNouns[kOrganisationCount] = {
      {"chi bộ", "đảng viên"},    {"ban công tác Mặt trận", "thành viên"},
      {"chi hội", "hội viên"},    {"chi hội", "hội viên"},
      {"chi hội", "hội viên"},    {"chi đoàn", "đoàn viên"}};
  std::vector<std::string> branches, members;
  const auto add = [](std::vector<std::string>& to, const char* word) {
    if (std::find(to.begin(), to.end(), word) == to.end()) to.emplace_back(word);
  };
  for (int i = 0; i < kOrganisationCount; ++i) {
    if (!concerned[static_cast<std::size_t>(i)]) continue;
    add(branches, kNouns[i].branch);
    add(members, kNouns[i].member);
  }
  const auto join = [](const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
  };
  return {join(branches), join(members)};
}

void set_strings(TemplateValue& v, const std::string& key, const std::vector<std::string>& items) {
  TemplateValue& list = v.set_list(key);
  for (const std::string& s : items) list.add(TemplateValue(s));
  v.set_flag("has_" + key, !items.empty());
}

void set_tally(TemplateValue& v, const Tally& t) {
  v.set("branches", count(t.branches));
  v.set("branches_met", count(t.branches_met));
  v.set("branches_not_met", count(t.branches - t.branches_met));
  v.set("meetings", count(t.meetings));
  v.set("meetings_on_regular_day", count(t.meetings_on_regular_day));
  v.set("meetings_off_day", count(t.meetings - t.meetings_on_regular_day));
  v.set("regular_day_rate", percent(t.meetings_on_regular_day, t.meetings));
  v.set("present", count(t.present));
  v.set("on_roll", count(t.on_roll));
  v.set("attendance_rate", t.attendance_rate.empty() ? "-" : t.attendance_rate);
  v.set("assignments", count(t.assignments));
  v.set("attended", count(t.attended));
  v.set("attended_by_assigned", count(t.attended_by_assigned));
  v.set("meetings_without_cadre", count(t.meetings - t.attended));
  v.set("reports_on_time", count(t.reports_on_time));
  v.set("reports_late", count(t.reports_late));
  v.set("reports_missing", count(t.reports_missing));
  v.set("on_time_rate", percent(t.reports_on_time, t.attended));
  v.set_flag("has_branches_not_met", t.branches > t.branches_met);
  v.set_flag("has_meetings_off_day", t.meetings > t.meetings_on_regular_day);
  v.set_flag("has_meetings_without_cadre", t.meetings > t.attended);
  v.set_flag("has_reports_late", t.reports_late > 0);
  v.set_flag("has_reports_missing", t.reports_missing > 0);
  for (int g = 0; g < 4; ++g)
    v.set(quality_flag(static_cast<QualityGrade>(g)), count(t.by_quality[static_cast<std::size_t>(g)]));
  const int graded = t.by_quality[0] + t.by_quality[1] + t.by_quality[2] + t.by_quality[3];
  v.set("quality_ungraded", count(t.meetings - graded));
  v.set_flag("has_quality_ungraded", t.meetings > graded);
  v.set("weak_meetings", count(t.by_quality[2] + t.by_quality[3]));
  v.set_flag("has_weak_meetings", t.by_quality[2] + t.by_quality[3] > 0);
}

void set_issuer(TemplateValue& v, const IssuingBody& b) {
  v.set("layout", b.layout);
  if (!b.issuer.parent.empty()) v.set("issuer_parent", b.issuer.parent);
  v.set("issuer_name", b.issuer.name);
  v.set("issuer_code", b.issuer.code);
  v.set("issuer_key", b.key);
  v.set("place", b.place);
  v.set("archive", b.archive);
}

void set_number(TemplateValue& v, const std::optional<int>& number) {
  if (number) v.set("number", std::to_string(*number));
}

void set_recipients(TemplateValue& v, const Recipients& r) {
  TemplateValue& list = v.set_list("recipients");
  for (const RecipientGroup& g : r.entries) {
    TemplateValue& entry = list.add_map();
    entry.set_flag("grouped", !g.purpose.empty());
    entry.set("purpose", g.purpose);
    set_strings(entry, "names", g.names);
  }
}

void set_month(TemplateValue& v, const MonthSettings& s, const MonthFigures& f) {
  v.set("month", std::to_string(f.month.month));
  v.set("year", std::to_string(f.month.year));
  v.set("report_deadline_days", std::to_string(f.report_deadline_days));
  if (!s.regulation.empty()) v.set("regulation", s.regulation);
  v.set("board", s.board.key);
  v.set("standing_committee", s.summary_addressee);
}

void set_signature(TemplateValue& v, const Signature& s) {
  if (!s.authority.empty()) {
    TemplateValue& lines = v.set_list("signer_authority");
    for (const std::string& line : s.authority) lines.add(TemplateValue(line));
  }
  v.set("signer_role", s.role);
  v.set("signer_name", s.signer);
}

// ---- The three documents ----------------------------------------------------------------------

TemplateContext report_context(const StoredMeeting& a, const IssuingBody& agency,
                               const std::optional<int>& number, const MonthSettings& s,
                               const MonthFigures& f) {
  const Meeting& m = a.meeting;
  const Branch& b = a.branch;
  TemplateContext v;
  set_month(v, s, f);
  set_issuer(v, agency);
  set_number(v, number);
  v.set_flag("issued_by_board", agency.key == s.board.key);
  // A report not filed is drafted with the day it was due, for the cadre to sign.
  const CivilDate due = add_days(m.date, f.report_deadline_days);
  v.set("date", iso(m.report_filed.value_or(due)));
  v.set_flag("filed", m.report_filed.has_value());
  v.set("report_due", dmy(due));

  v.set("branch_id", b.id);
  v.set("branch_name", b.name);
  v.set("branch_kind", b.kind);
  v.set("area", area(b.commune, b.district));
  v.set("organisation", organisation_name(b.organisation));
  v.set_flag(organisation_flag(b.organisation), true);
  v.set_flag("org_association", b.organisation == Organisation::Farmers ||
                                    b.organisation == Organisation::Women ||
                                    b.organisation == Organisation::Veterans);
  v.set("meeting_date", dmy(m.date));
  v.set("meeting_date_words", text::date_in_words(m.date));
  v.set("regular_day", std::to_string(b.meeting_day));
  v.set_flag("on_regular_day", m.date.day == std::min(b.meeting_day,
                                                      days_in_month(m.date.year, m.date.month)));
  v.set("members", count(b.members));
  v.set("present", count(m.present));
  v.set("absent_members", count(std::max(0, b.members - m.present)));
  v.set_flag("has_absent_members", b.members > m.present);
  v.set("attendance_rate", percent(m.present, b.members));

  set_strings(v, "topics", m.topics);
  TemplateValue& opinions = v.set_list("opinions");
  for (const Opinion& o : m.opinions) {
    TemplateValue& item = opinions.add_map();
    item.set("topic", o.topic);
    item.set("text", o.text);
  }
  v.set_flag("has_opinions", !m.opinions.empty());
  if (m.quality) {
    v.set("quality", text::to_lower(quality_name(*m.quality)));
    v.set_flag(quality_flag(*m.quality), true);
  }
  set_strings(v, "proposals", m.proposals);

  v.set("cadre_name", a.cadre->name);
  v.set("cadre_position", a.cadre->position);
  v.set("agency", a.cadre->agency);
  // A personal report is signed by the cadre as the person who reports; an organisation's
  // report for the organisation, by month.xml's signature block (the reader made sure it has
  // its authority line).
  const bool personal = agency.reports == ReportMode::Personal;
  v.set_flag("personal_report", personal);
  if (personal) {
    v.set("signer_role", "Người báo cáo");
    v.set("signer_name", a.cadre->name);
  } else {
    set_signature(v, agency.signature->lines);
  }
  return v;
}

void set_gap(TemplateValue& v, const StoredGap& stored) {
  const CadreGap& g = stored.gap;
  v.set("cadre_name", stored.cadre.name);
  v.set("cadre_position", stored.cadre.position);
  v.set("agency", stored.cadre.agency);
  v.set("branch_name", stored.branch.name);
  v.set("area", area(stored.branch.commune, stored.branch.district));
  v.set("meeting_date", dmy(g.meeting_date));
  v.set("report_due", dmy(g.report_due));
  v.set_flag("absent", g.kind == GapKind::Absent);
  v.set_flag("late", g.kind == GapKind::ReportLate);
  v.set_flag("missing", g.kind == GapKind::ReportMissing);
  if (g.kind == GapKind::ReportLate) {
    v.set("report_filed", dmy(g.report_filed));
    v.set("days_late", std::to_string(g.days_late));
  }
}

void set_gap_counts(TemplateValue& v, int absent, int late, int missing) {
  v.set_flag("has_gaps", absent + late + missing > 0);
  v.set("absent_count", count(absent));
  v.set("late_count", count(late));
  v.set("missing_count", count(missing));
  v.set("gap_count", count(absent + late + missing));
  v.set_flag("has_absent", absent > 0);
  v.set_flag("has_late", late > 0);
  v.set_flag("has_missing", missing > 0);
}

// The gaps' rows are read from the store by `reader` as the template reaches them: it must
// outlive the rendering.
TemplateContext summary_context(const MonthFigures& f, const MonthSettings& s, MonthStore::Reader& reader) {
  TemplateContext v;
  set_month(v, s, f);
  set_issuer(v, s.board);
  set_number(v, s.summary.first_number);
  v.set("date", iso(s.summary.date));
  v.set("addressee", s.summary_addressee);
  v.set("total_label", s.total_label);
  set_signature(v, s.board.signature.value_or(SignatureBlock{}).lines);
  set_recipients(v, s.summary.recipients);
  set_tally(v.set("total", TemplateValue()), f.total);

  TemplateValue& organisations = v.set_list("organisations");
  TemplateValue& bars = v.set_list("chart_bars");
  const Tally* highest = nullptr;
  const Tally* lowest = nullptr;
  std::string highest_name, lowest_name;
  for (int i = 0; i < kOrganisationCount; ++i) {
    const Tally& t = f.by_organisation[static_cast<std::size_t>(i)];
    const std::string name = organisation_name(static_cast<Organisation>(i));
    TemplateValue& row = organisations.add_map();
    row.set("number", std::to_string(i + 1));
    row.set("name", name);
    set_tally(row, t);
    if (t.on_roll == 0) continue;
    TemplateValue& bar = bars.add_map();
    bar.set("label", name);
    bar.set("value", decimal_with_dot(100.0 * static_cast<double>(t.present) /
                                      static_cast<double>(t.on_roll)));
    // Exact comparison of present/on_roll by cross-multiplying; ties keep the earlier one.
    if (!highest || t.present * highest->on_roll > highest->present * t.on_roll) {
      highest = &t;
      highest_name = name;
    }
    if (!lowest || t.present * lowest->on_roll < lowest->present * t.on_roll) {
      lowest = &t;
      lowest_name = name;
    }
  }
  v.set_flag("has_chart", highest != nullptr);
  if (highest && lowest && highest != lowest) {
    TemplateValue& range = v.set("attendance_range", TemplateValue());
    range.set("highest_name", highest_name);
    range.set("highest_rate", highest->attendance_rate);
    range.set("lowest_name", lowest_name);
    range.set("lowest_rate", lowest->attendance_rate);
  }

  // By area: the communes under the province, or (older data) the districts with theirs.
  v.set_flag("has_districts", !f.by_district.empty());
  TemplateValue& areas = v.set_list("areas");
  if (f.by_district.empty()) {
    for (std::size_t i = 0; i < f.by_commune.size(); ++i) {
      TemplateValue& row = areas.add_map();
      row.set("number", std::to_string(i + 1));
      row.set("name", text::capitalize_first(f.by_commune[i].name));  // a cell starts with a capital
      set_tally(row, f.by_commune[i].tally);
    }
  }
  for (std::size_t i = 0; i < f.by_district.size(); ++i) {
    const DistrictFigures& d = f.by_district[i];
    TemplateValue& row = areas.add_map();
    row.set("number", std::to_string(i + 1));
    row.set("name", text::capitalize_first(d.name));
    set_tally(row, d.tally);
    TemplateValue& communes = row.set_list("communes");
    for (std::size_t j = 0; j < d.communes.size(); ++j) {
      TemplateValue& c = communes.add_map();
      c.set("number", std::to_string(i + 1) + "." + std::to_string(j + 1));
      c.set("name", text::capitalize_first(d.communes[j].name));
      set_tally(c, d.communes[j].tally);
    }
  }

  // The defaulters' table, row by row (TemplateValue::rows): a province's month has a row for
  // every cadre's missed meeting or report, and they need not all exist at once. Rows are
  // numbered through the whole table.
  int absent = 0, late = 0, missing = 0;
  std::vector<std::size_t> rows_before;  // per agency, the table's rows above its own
  std::size_t row_count = 0;
  for (const AgencyGaps& a : f.gaps_by_agency) {
    rows_before.push_back(row_count);
    row_count += a.count();
    absent += a.absent;
    late += a.late;
    missing += a.missing;
  }
  v.set("gap_agencies",
        TemplateValue::rows(f.gaps_by_agency.size(), [&f, &reader, rows_before = std::move(rows_before)](std::size_t i) {
          const AgencyGaps& a = f.gaps_by_agency[i];
          TemplateValue agency;
          agency.set("agency", a.agency);
          set_gap_counts(agency, a.absent, a.late, a.missing);
          agency.set("gaps", TemplateValue::rows(a.count(), [&a, &reader, first = rows_before[i]](std::size_t j) {
            TemplateValue row;
            row.set("number", std::to_string(first + j + 1));
            reader.gap(a.agency, j, [&row](const StoredGap& g) { set_gap(row, g); });
            return row;
          }));
          return agency;
        }));
  set_gap_counts(v, absent, late, missing);
  // A long list is counted by agency instead: a province's month may have thousands of cases,
  // and each agency's reminder names its own. The board reminds no one: its cadres' cases are
  // named here either way.
  v.set_flag("gaps_listed", row_count <= static_cast<std::size_t>(s.gaps_listed));
  v.set("gap_agency_counts", TemplateValue::rows(f.gaps_by_agency.size(), [&f](std::size_t i) {
    const AgencyGaps& a = f.gaps_by_agency[i];
    TemplateValue agency;
    agency.set("number", std::to_string(i + 1));
    agency.set("agency", a.agency);
    set_gap_counts(agency, a.absent, a.late, a.missing);
    return agency;
  }));
  const auto board = std::find_if(f.gaps_by_agency.begin(), f.gaps_by_agency.end(),
                                  [&](const AgencyGaps& a) { return a.agency == s.board.key; });
  if (board != f.gaps_by_agency.end()) {
    TemplateValue& own = v.set("board_gaps", TemplateValue());
    set_gap_counts(own, board->absent, board->late, board->missing);
    own.set("gaps", TemplateValue::rows(board->count(), [&a = *board, &reader](std::size_t j) {
      TemplateValue row;
      row.set("number", std::to_string(j + 1));
      reader.gap(a.agency, j, [&row](const StoredGap& g) { set_gap(row, g); });
      return row;
    }));
  }
  const auto reminded = std::count_if(f.gaps_by_agency.begin(), f.gaps_by_agency.end(),
                                      [&](const AgencyGaps& a) { return a.agency != s.board.key; });
  v.set("reminded_count", count(reminded));
  v.set_flag("has_reminded", reminded > 0);
  const Tally& t = f.total;
  v.set_flag("has_shortcomings", t.branches > t.branches_met ||
                                     t.meetings > t.meetings_on_regular_day ||
                                     t.meetings > t.attended || absent + late + missing > 0 ||
                                     t.by_quality[2] + t.by_quality[3] > 0);

  // Opinions by topic, row by row too: without opinions-per-topic every opinion of the month is
  // quoted.
  std::size_t opinion_count = 0;
  for (const TopicOpinions& t : f.opinions_by_topic) opinion_count += t.count;
  // The figures may keep no more than these (FigureOptions::opinions_kept).
  const std::size_t quoted = s.opinions_per_topic > 0 ? static_cast<std::size_t>(s.opinions_per_topic)
                                                      : std::numeric_limits<std::size_t>::max();
  v.set("topics", TemplateValue::rows(f.opinions_by_topic.size(), [&f, quoted](std::size_t i) {
    const TopicOpinions& t = f.opinions_by_topic[i];
    TemplateValue topic;
    topic.set("number", std::to_string(i + 1));
    topic.set("topic", t.topic);
    topic.set("opinion_count", count(static_cast<long long>(t.count)));
    const std::size_t shown = std::min(t.opinions.size(), quoted);
    topic.set("opinions", TemplateValue::rows(shown, [&t](std::size_t j) {
      const OpinionEntry& o = t.opinions[j];
      TemplateValue item;
      item.set("text", o.text);
      item.set("branch_name", o.branch_name);
      item.set("area", area(o.commune, o.district));
      item.set("meeting_date", dmy(o.meeting_date));
      return item;
    }));
    if (shown < t.count) topic.set("more_opinions", count(static_cast<long long>(t.count - shown)));
    return topic;
  }));
  v.set_flag("has_opinions", opinion_count > 0);
  v.set("opinion_count", count(static_cast<long long>(opinion_count)));
  v.set("topic_count", count(static_cast<long long>(f.opinions_by_topic.size())));
  return v;
}

TemplateContext reminder_context(const AgencyGaps& a, const std::optional<int>& number,
                                 const MonthFigures& f, const MonthSettings& s, MonthStore::Reader& reader) {
  TemplateContext v;
  set_month(v, s, f);
  set_issuer(v, s.board);
  set_number(v, number);
  v.set("date", iso(s.reminders.date));
  if (s.reply_by) v.set("reply_by", dmy(*s.reply_by));
  set_signature(v, s.board.signature.value_or(SignatureBlock{}).lines);
  set_recipients(v, s.reminders.recipients);
  v.set("addressee", a.agency);
  set_gap_counts(v, a.absent, a.late, a.missing);
  // One row per cadre, named once, with each of the cadre's cases under it (the gaps come sorted
  // by cadre), made row by row (TemplateValue::rows) from the store: an agency may have thousands.
  const GapCadres cadres = reader.gap_cadres(a.agency);
  std::vector<std::size_t> first_gap{0};  // per cadre, then one past the last
  for (std::size_t n : cadres.gaps) first_gap.push_back(first_gap.back() + n);
  const std::size_t cadre_count = cadres.gaps.size();
  v.set("cadres", TemplateValue::rows(cadre_count, [&a, &reader, first_gap = std::move(first_gap)](std::size_t k) {
    TemplateValue cadre;
    const std::size_t first = first_gap[k], end = first_gap[k + 1];
    cadre.set("number", std::to_string(k + 1));
    TemplateValue& gaps = cadre.set_list("gaps");
    for (std::size_t i = first; i < end; ++i)
      reader.gap(a.agency, i, [&](const StoredGap& g) {
        if (i == first) {
          cadre.set("cadre_name", g.cadre.name);
          cadre.set("cadre_position", g.cadre.position);
        }
        TemplateValue& row = gaps.add_map();
        set_gap(row, g);
        row.set_flag("first", i == first);
        row.set_flag("last", i + 1 == end);
      });
    return cadre;
  }));
  v.set("cadre_count", count(static_cast<long long>(cadre_count)));
  v.set_flag("one_cadre", cadre_count == 1);
  const Nouns nouns = nouns_of(cadres.organisations);
  v.set("branch_nouns", nouns.branches);
  v.set("member_nouns", nouns.members);
  return v;
}

// ---- Loading the templates --------------------------------------------------------------------

// One template, compiled once per thread that renders it at the same time (a compiled kainjow
// template keeps its error state in itself): copies are made as threads ask and kept for reuse.
class TemplatePool {
 public:
  // Null, with the reason in `errors`, when the template cannot be read or compiled.
  // `row_lists`: the keys the context gives as TemplateValue::rows.
  static std::unique_ptr<TemplatePool> load(const std::string& templates_dir, const std::string& file,
                                            const std::vector<std::string>& row_lists, Diagnostics& errors) {
    const std::string path = templates_dir + "/documents/" + file;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      errors.push_back({path, 0, 0, "cannot read the template"});
      return nullptr;
    }
    std::ostringstream text;
    text << in.rdbuf();
    Result<MarkupTemplate> compiled = MarkupTemplate::compile(text.str(), path, row_lists);
    errors.insert(errors.end(), compiled.errors.begin(), compiled.errors.end());
    if (!compiled.ok()) return nullptr;
    auto pool = std::make_unique<TemplatePool>(text.str(), path, row_lists);
    pool->idle_.push_back(std::make_unique<MarkupTemplate>(std::move(*compiled.value)));
    return pool;
  }
  TemplatePool(std::string text, std::string path, std::vector<std::string> row_lists)
      : text_(std::move(text)), path_(std::move(path)), row_lists_(std::move(row_lists)) {}

  Result<std::string> render(TemplateContext context) const {
    std::unique_ptr<MarkupTemplate> t = take();
    Result<std::string> out = t->render(std::move(context));
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(t));
    return out;
  }

 private:
  std::unique_ptr<MarkupTemplate> take() const {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<MarkupTemplate> t = std::move(idle_.back());
        idle_.pop_back();
        return t;
      }
    }
    // The text compiled once already: it compiles again.
    return std::make_unique<MarkupTemplate>(std::move(*MarkupTemplate::compile(text_, path_, row_lists_).value));
  }

  std::string text_, path_;
  std::vector<std::string> row_lists_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<MarkupTemplate>> idle_;
};

// A document's kind, as its recipe in the store (DocumentRecipe::kind) gives it.
enum class Kind { Summary, Reminder, Report };

// The names the documents want, before UniqueNames numbers a second one of a slug.
std::string summary_name(const MeetingMonth& m) { return "bao-cao-thang-" + std::to_string(m.year) + "-" + two(m.month); }
std::string reminder_name(const std::string& agency) { return "cong-van-nhac-nho-" + ascii_slug(agency, true); }
std::string report_name(const std::string& branch_id, const CivilDate& date) {
  return "bao-cao-du-sinh-hoat-" + ascii_slug(branch_id, false) + "-" + iso(date);
}

// The store's read connections: one per thread generating at the same time, kept for reuse.
class ReaderPool {
 public:
  explicit ReaderPool(const MonthStore& store) : store_(store) {}

  // A reader for the caller alone until it is put back; null with `error` when none can be opened.
  std::unique_ptr<MonthStore::Reader> take(std::string& error) const {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<MonthStore::Reader> r = std::move(idle_.back());
        idle_.pop_back();
        return r;
      }
    }
    return store_.reader(error);
  }
  void put(std::unique_ptr<MonthStore::Reader> r) const {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(r));
  }

 private:
  const MonthStore& store_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<MonthStore::Reader>> idle_;
};

}  // namespace

struct MonthDocuments::Plan {
  std::shared_ptr<MonthStore> store;
  MonthFigures figures;
  MonthSettings settings;
  std::unique_ptr<TemplatePool> summary, reminder, report;
  std::size_t size = 0;  // the documents; their recipes are in the store
  std::unique_ptr<ReaderPool> readers;  // closed before the store

  // Runs `use` with a reader of the store; false, with why in `errors`, when none could be used.
  bool read(const std::function<void(MonthStore::Reader&)>& use, Diagnostics& errors) const {
    std::string error;
    std::unique_ptr<MonthStore::Reader> reader = readers->take(error);
    if (reader) {
      use(*reader);
      error = reader->error();
      if (error.empty()) readers->put(std::move(reader));
    }
    if (error.empty()) return true;
    errors.push_back({store->path(), 0, 0, "cannot read the month's records in '" + store->path() + "': " + error});
    return false;
  }
};

namespace {

class MonthPlanner {
 public:
  explicit MonthPlanner(MonthDocuments::Plan& plan)
      : plan_(plan), names_([&store = *plan.store](const std::string& slug) { return store.claim_name(slug); }) {}

  // Puts every document's recipe in the store; false when nothing can be generated.
  bool plan(const std::string& templates_dir);
  Diagnostics& errors() { return errors_; }

 private:
  void add(DocumentRecipe recipe, const std::string& wanted_name) {
    recipe.name = names_.claim(wanted_name);
    plan_.store->add_document(recipe);
    ++plan_.size;
  }
  void plan_reports();
  void warn_signers_in_gaps();

  MonthDocuments::Plan& plan_;
  UniqueNames names_;  // in the month
  Diagnostics errors_;
};

// A person who signs the month's documents and is also among the month's defaulters: the
// documents are still written, but a clerk should see it before they go out.
void MonthPlanner::warn_signers_in_gaps() {
  const MonthSettings& settings = plan_.settings;
  const std::vector<AgencyGaps>& gaps = plan_.figures.gaps_by_agency;
  std::vector<const IssuingBody*> bodies{&settings.board};
  for (const IssuingBody& a : settings.agencies) bodies.push_back(&a);
  for (const IssuingBody* body : bodies) {
    if (!body->signature) continue;
    const Signature& s = body->signature->lines;
    // The first agency in the figures' order with a defaulter of that name.
    std::size_t first = gaps.size();
    std::string cadre_id;
    for (const std::pair<std::string, std::string>& named : plan_.store->gaps_of_cadres_named(s.signer)) {
      const auto at = static_cast<std::size_t>(
          std::find_if(gaps.begin(), gaps.end(), [&named](const AgencyGaps& a) { return a.agency == named.first; }) -
          gaps.begin());
      if (at < first) {
        first = at;
        cadre_id = named.second;
      }
    }
    if (first == gaps.size()) continue;
    const RecordSource& at = body->signature->signer_source;
    errors_.push_back({at.file.str(), at.line, at.column,
                       "'" + s.signer + "' signs for " + body->key +
                           " and is also listed among the month's defaulters (cadre " + cadre_id + ", " +
                           gaps[first].agency + "); check who signs",
                       true});
  }
}

// Who issues a report: the board (-2) or one of the agencies (its index), as a recipe keeps it.
int issuer_index(const MonthSettings& settings, const IssuingBody* body) {
  return body == &settings.board ? -2 : static_cast<int>(body - settings.agencies.data());
}
const IssuingBody& issuer_at(const MonthSettings& settings, int index) {
  return index == -2 ? settings.board : settings.agencies[static_cast<std::size_t>(index)];
}

void MonthPlanner::plan_reports() {
  MonthStore& store = *plan_.store;
  const MonthSettings& settings = plan_.settings;
  // The attended meetings by their cadre's agency, in the store (since the figures' pass) in the
  // order they are numbered.
  std::vector<std::string> agencies = store.attended_agencies();
  text::sort_vietnamese(agencies);

  for (const std::string& key : agencies) {
    const IssuingBody* agency = settings.find_issuer(key);
    if (!agency) {
      // Named once per cadre, at the cadre's record, with what was left out.
      store.for_each_attended_cadre(key, [&](const Cadre& cadre, int n) {
        errors_.push_back({cadre.source.file.str(), cadre.source.line, cadre.source.column,
                           "agency '" + key + "' of cadre " + cadre.id + " is not in " + settings.source_file +
                               "; " + std::to_string(n) + " attendance report(s) not generated"});
      });
      continue;
    }
    const bool personal = agency->reports == ReportMode::Personal;
    if (!personal && !agency->signature) {
      int n = 0;
      store.for_each_attended_cadre(key, [&n](const Cadre&, int meetings) { n += meetings; });
      errors_.push_back({agency->source.file.str(), agency->source.line, agency->source.column,
                         "agency '" + key + "' issues its reports in its number series but has "
                         "no signature block; " + std::to_string(n) + " attendance report(s) not generated"});
      continue;
    }
    // Personal reports are the cadres' own: never in the agency's number series.
    std::optional<int> next = personal ? std::nullopt : agency->first_report_number;
    store.for_each_attended(key, [&](long long meeting, const std::string& branch_id, const CivilDate& date, bool filed) {
      const bool numbered = next && filed;
      DocumentRecipe r;
      r.kind = static_cast<int>(Kind::Report);
      r.in_series = !personal && filed;
      r.number = numbered ? next : std::nullopt;
      r.meeting = meeting;
      r.issuer = issuer_index(settings, agency);
      if (numbered) ++*next;
      add(r, report_name(branch_id, date));
    });
  }
}

bool MonthPlanner::plan(const std::string& templates_dir) {
  MonthStore& store = *plan_.store;
  const MonthSettings& settings = plan_.settings;
  const MeetingMonth& m = plan_.figures.month;
  if (settings.month.year != m.year || settings.month.month != m.month ||
      store.month().year != m.year || store.month().month != m.month) {
    errors_.push_back({settings.source_file, 0, 0,
                       "the settings are for " + std::to_string(settings.month.month) + "/" +
                           std::to_string(settings.month.year) + ", the data for " +
                           std::to_string(store.month().month) + "/" + std::to_string(store.month().year)});
    return false;
  }

  plan_.summary = TemplatePool::load(templates_dir, "bao-cao-thang.mustache",
                                     {"gap_agencies", "gap_agency_counts", "gaps", "topics", "opinions"}, errors_);
  plan_.reminder = TemplatePool::load(templates_dir, "cong-van-nhac-nho.mustache", {"cadres"}, errors_);
  plan_.report = TemplatePool::load(templates_dir, "bao-cao-du-sinh-hoat.mustache", {}, errors_);
  if (!plan_.summary || !plan_.reminder || !plan_.report) return false;

  DocumentRecipe summary;
  summary.kind = static_cast<int>(Kind::Summary);
  summary.number = settings.summary.first_number;
  summary.in_series = true;
  add(summary, summary_name(m));

  // The board does not remind itself: its own cadres are in the summary's list.
  std::optional<int> number = settings.reminders.first_number;
  const std::vector<AgencyGaps>& gaps = plan_.figures.gaps_by_agency;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    if (gaps[i].agency == settings.board.key) continue;
    DocumentRecipe r;
    r.kind = static_cast<int>(Kind::Reminder);
    r.number = number;
    r.in_series = true;
    r.gaps = static_cast<int>(i);
    add(r, reminder_name(gaps[i].agency));
    if (number) ++*number;
  }
  plan_reports();
  warn_signers_in_gaps();
  // Readers see the plan once it is committed.
  if (const std::string error = store.commit(); !error.empty()) {
    errors_.push_back({store.path(), 0, 0, "cannot keep the month's plan in '" + store.path() + "': " + error});
    return false;
  }
  plan_.readers = std::make_unique<ReaderPool>(store);
  return true;
}

}  // namespace

MonthDocuments::MonthDocuments(std::unique_ptr<Plan> plan) : plan_(std::move(plan)) {}
MonthDocuments::MonthDocuments(MonthDocuments&&) noexcept = default;
MonthDocuments& MonthDocuments::operator=(MonthDocuments&&) noexcept = default;
MonthDocuments::~MonthDocuments() = default;

Result<MonthDocuments> MonthDocuments::plan(std::shared_ptr<MonthStore> store, MonthFigures figures,
                                            MonthSettings settings, const std::string& templates_dir) {
  auto plan = std::make_unique<Plan>();
  plan->store = std::move(store);
  plan->figures = std::move(figures);
  plan->settings = std::move(settings);
  MonthPlanner planner(*plan);
  Result<MonthDocuments> out;
  if (planner.plan(templates_dir)) out.value.emplace(MonthDocuments(std::move(plan)));
  out.errors = std::move(planner.errors());
  return out;
}

std::size_t MonthDocuments::size() const { return plan_->size; }

Result<MonthDocuments::Listing> MonthDocuments::listing(std::size_t i) const {
  const Plan& p = *plan_;
  Result<Listing> out;
  p.read([&](MonthStore::Reader& reader) {
    if (std::optional<ListedDocument> d = reader.listed_document(i)) out.value = Listing{std::move(d->name), d->in_series};
  }, out.errors);
  if (!out.value && out.errors.empty())
    out.errors.push_back({p.store->path(), 0, 0, "the month's plan has no document " + std::to_string(i + 1)});
  return out;
}

Result<std::string> MonthDocuments::markup(std::size_t i) const {
  const Plan& p = *plan_;
  Result<std::string> out;
  // The reader stays with this call while the template renders: the gaps' rows are read from it.
  const bool read = p.read([&](MonthStore::Reader& reader) {
    const std::optional<DocumentRecipe> r = reader.document(i);
    if (!r) return;
    switch (static_cast<Kind>(r->kind)) {
      case Kind::Summary:
        out = p.summary->render(summary_context(p.figures, p.settings, reader));
        break;
      case Kind::Reminder:
        out = p.reminder->render(reminder_context(p.figures.gaps_by_agency[static_cast<std::size_t>(r->gaps)],
                                                  r->number, p.figures, p.settings, reader));
        break;
      case Kind::Report:
        reader.meeting(r->meeting, [&](const StoredMeeting& m) {
          out = p.report->render(report_context(m, issuer_at(p.settings, r->issuer), r->number, p.settings, p.figures));
        });
        break;
    }
  }, out.errors);
  if (!read) {
    out.value.reset();
    return out;
  }
  if (!out.ok() && out.errors.empty())
    out.errors.push_back({p.store->path(), 0, 0, "the month's plan has no document " + std::to_string(i + 1)});
  if (out.ok()) *out.value = punctuate_list_items(*out.value);
  return out;
}

Result<std::vector<GeneratedDocument>> generate_month_documents(std::shared_ptr<MonthStore> store,
                                                                MonthFigures figures, MonthSettings settings,
                                                                const std::string& templates_dir) {
  Result<MonthDocuments> plan =
      MonthDocuments::plan(std::move(store), std::move(figures), std::move(settings), templates_dir);
  Result<std::vector<GeneratedDocument>> out;
  out.errors = std::move(plan.errors);
  if (!plan.ok()) return out;
  std::vector<GeneratedDocument> documents;
  documents.reserve(plan.value->size());
  for (std::size_t i = 0; i < plan.value->size(); ++i) {
    Result<MonthDocuments::Listing> listing = plan.value->listing(i);
    Result<std::string> markup = plan.value->markup(i);
    for (const Diagnostics* errors : {&listing.errors, &markup.errors})
      out.errors.insert(out.errors.end(), errors->begin(), errors->end());
    if (!listing.ok() || !markup.ok()) return out;
    documents.push_back({std::move(listing.value->name), std::move(*markup.value), listing.value->in_series});
  }
  out.value = std::move(documents);
  return out;
}

}  // namespace vanban
