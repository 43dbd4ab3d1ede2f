#include "stats/month_figures.h"

#include <algorithm>
#include <map>

#include "stats/calendar.h"
#include "store/month_store.h"
#include "text/collation.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

// Vietnamese order, bytes breaking collation ties so that the result never depends on the input
// order.
int collate(const std::string& a, const std::string& b) {
  const int c = text::compare_vietnamese(a, b);
  return c != 0 ? c : a.compare(b);
}

int compare_dates(const CivilDate& a, const CivilDate& b) { return a < b ? -1 : (b < a ? 1 : 0); }

// Opinions of one topic: by place, then branch, then date.
bool opinion_before(const OpinionEntry& x, const OpinionEntry& y) {
  if (int c = collate(x.district, y.district)) return c < 0;
  if (int c = collate(x.commune, y.commune)) return c < 0;
  if (int c = collate(x.branch_name, y.branch_name)) return c < 0;
  if (int c = x.branch_id.compare(y.branch_id)) return c < 0;
  if (int c = compare_dates(x.meeting_date, y.meeting_date)) return c < 0;
  return collate(x.text, y.text) < 0;
}

// The day a branch is expected to meet in this month: its regular day, or the month's last day
// when the regular day does not exist (31 in a 30-day month).
int regular_day(const Branch& b, const CivilDate& in_month) {
  return std::min(b.meeting_day, days_in_month(in_month.year, in_month.month));
}

class FigureBuilder {
 public:
  FigureBuilder(MonthStore& store, const FigureOptions& options)
      : store_(store), options_(options), has_districts_(store.any_district()) {}

  MonthFigures build();

 private:
  // Every tally a branch's records add to.
  std::vector<Tally*> tallies_of(const Branch& b) {
    Tally* organisation = &figures_.by_organisation[static_cast<int>(b.organisation)];
    if (!has_districts_) return {organisation, &communes_[b.commune], &figures_.total};
    DistrictWork& d = districts_[b.district];
    return {organisation, &d.tally, &d.communes[b.commune], &figures_.total};
  }
  void add_branch(const Branch& b, int assignments);
  void add_meeting(const StoredMeeting& s, bool first_meeting, const std::vector<StoredCadre>& assigned);
  void add_gap(const CadreGap& gap, const Cadre& cadre, const Branch& branch);
  void add_opinions(const Meeting& m, const Branch& b);
  void finish();

  struct DistrictWork {
    Tally tally;
    std::map<std::string, Tally> communes;
  };

  MonthStore& store_;
  const FigureOptions& options_;
  const bool has_districts_;  // some branch names its district: group by district
  std::map<std::string, Tally> communes_;  // without districts
  std::map<std::string, DistrictWork> districts_;
  std::map<std::string, AgencyGaps> agencies_;
  std::map<std::string, TopicOpinions> topics_;
  MonthFigures figures_;
};

void FigureBuilder::add_branch(const Branch& b, int assignments) {
  for (Tally* t : tallies_of(b)) {
    ++t->branches;
    t->assignments += assignments;
  }
}

void FigureBuilder::add_meeting(const StoredMeeting& s, bool first_meeting, const std::vector<StoredCadre>& assigned) {
  const Meeting& m = s.meeting;
  const Branch& b = s.branch;
  const bool on_regular_day = m.date.day == regular_day(b, m.date);
  const bool attended = s.cadre != nullptr;
  const bool by_assigned = attended && std::any_of(assigned.begin(), assigned.end(),
                                                   [&](const StoredCadre& c) { return c.cadre.id == m.cadre_id; });
  const CivilDate due = add_days(m.date, options_.report_deadline_days);
  const bool filed = attended && m.report_filed.has_value();
  const bool late = filed && *m.report_filed > due;

  for (Tally* t : tallies_of(b)) {
    t->branches_met += first_meeting ? 1 : 0;
    ++t->meetings;
    t->meetings_on_regular_day += on_regular_day ? 1 : 0;
    t->present += m.present;
    t->on_roll += b.members;
    t->attended += attended ? 1 : 0;
    t->attended_by_assigned += by_assigned ? 1 : 0;
    t->reports_on_time += filed && !late ? 1 : 0;
    t->reports_late += late ? 1 : 0;
    t->reports_missing += attended && !filed ? 1 : 0;
    if (m.quality) ++t->by_quality[static_cast<std::size_t>(*m.quality)];
  }

  const auto gap_at = [&](GapKind kind, long long cadre_row) {
    CadreGap g;
    g.kind = kind;
    g.cadre_row = cadre_row;
    g.branch_row = s.branch_row;
    g.meeting_date = m.date;
    g.report_due = due;
    return g;
  };
  for (const StoredCadre& c : assigned)
    if (c.cadre.id != m.cadre_id) add_gap(gap_at(GapKind::Absent, c.row), c.cadre, b);
  if (attended && !filed) add_gap(gap_at(GapKind::ReportMissing, s.cadre_row), *s.cadre, b);
  if (late) {
    CadreGap g = gap_at(GapKind::ReportLate, s.cadre_row);
    g.report_filed = *m.report_filed;
    g.days_late = static_cast<int>(days_since_epoch(*m.report_filed) - days_since_epoch(due));
    add_gap(g, *s.cadre, b);
  }
  add_opinions(m, b);
}

void FigureBuilder::add_gap(const CadreGap& gap, const Cadre& cadre, const Branch& branch) {
  AgencyGaps& a = agencies_[cadre.agency];
  a.agency = cadre.agency;
  a.absent += gap.kind == GapKind::Absent ? 1 : 0;
  a.late += gap.kind == GapKind::ReportLate ? 1 : 0;
  a.missing += gap.kind == GapKind::ReportMissing ? 1 : 0;
  store_.add_gap(cadre.agency, gap, cadre, branch);
}

// With a limit, a topic's opinions are a max-heap by opinion_before until finish() sorts them:
// the greatest kept is the one a new, earlier opinion replaces.
void FigureBuilder::add_opinions(const Meeting& m, const Branch& b) {
  const auto limit = static_cast<std::size_t>(std::max(0, options_.opinions_kept));
  for (const Opinion& o : m.opinions) {
    TopicOpinions& t = topics_[o.topic];
    if (t.count++ == 0) t.topic = o.topic;
    OpinionEntry entry{o.text, b.id, b.name, b.commune, b.district, m.date};
    if (limit == 0) {
      t.opinions.push_back(std::move(entry));
    } else if (t.opinions.size() < limit) {
      t.opinions.push_back(std::move(entry));
      std::push_heap(t.opinions.begin(), t.opinions.end(), opinion_before);
    } else if (opinion_before(entry, t.opinions.front())) {
      std::pop_heap(t.opinions.begin(), t.opinions.end(), opinion_before);
      t.opinions.back() = std::move(entry);
      std::push_heap(t.opinions.begin(), t.opinions.end(), opinion_before);
    }
  }
}

// Communes in Vietnamese order.
std::vector<CommuneFigures> sorted_communes(const std::map<std::string, Tally>& communes) {
  std::vector<CommuneFigures> out;
  out.reserve(communes.size());
  for (const auto& [name, tally] : communes) out.push_back({name, tally});
  std::sort(out.begin(), out.end(), [](const CommuneFigures& a, const CommuneFigures& b) {
    return collate(a.name, b.name) < 0;
  });
  return out;
}

void FigureBuilder::finish() {
  figures_.by_commune = sorted_communes(communes_);
  figures_.by_district.reserve(districts_.size());
  for (auto& [name, work] : districts_)
    figures_.by_district.push_back({name, work.tally, sorted_communes(work.communes)});
  std::sort(figures_.by_district.begin(), figures_.by_district.end(),
            [](const DistrictFigures& a, const DistrictFigures& b) {
              return collate(a.name, b.name) < 0;
            });

  const auto rate = [](Tally& t) {
    if (t.on_roll > 0)
      t.attendance_rate = text::format_rate(t.present, t.on_roll);
  };
  for (Tally& t : figures_.by_organisation) rate(t);
  for (CommuneFigures& c : figures_.by_commune) rate(c.tally);
  for (DistrictFigures& d : figures_.by_district) {
    rate(d.tally);
    for (CommuneFigures& c : d.communes) rate(c.tally);
  }
  rate(figures_.total);

  for (auto& [name, a] : agencies_) figures_.gaps_by_agency.push_back(std::move(a));
  std::sort(figures_.gaps_by_agency.begin(), figures_.gaps_by_agency.end(),
            [](const AgencyGaps& a, const AgencyGaps& b) { return collate(a.agency, b.agency) < 0; });

  for (auto& [topic, t] : topics_) {
    std::sort(t.opinions.begin(), t.opinions.end(), opinion_before);
    figures_.opinions_by_topic.push_back(std::move(t));
  }
  std::sort(figures_.opinions_by_topic.begin(), figures_.opinions_by_topic.end(),
            [](const TopicOpinions& a, const TopicOpinions& b) {
              return collate(a.topic, b.topic) < 0;
            });
}

MonthFigures FigureBuilder::build() {
  figures_.month = store_.month();
  figures_.report_deadline_days = options_.report_deadline_days;
  // Branches, then meetings, in file order: the tallies are sums, the lists are sorted afterwards.
  store_.for_each_branch_assigned([this](const Branch& b, int assignments) { add_branch(b, assignments); });
  store_.for_each_meeting_assigned(
      [this](const StoredMeeting& m, bool first, const std::vector<StoredCadre>& assigned) {
        add_meeting(m, first, assigned);
      });
  finish();
  return std::move(figures_);
}

}  // namespace

MonthFigures compute_figures(MonthStore& store, const FigureOptions& options) {
  return FigureBuilder(store, options).build();
}

}  // namespace vanban
