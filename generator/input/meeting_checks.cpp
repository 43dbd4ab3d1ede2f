#include "input/meeting_checks.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <unordered_map>
#include <string_view>

#include "input/meeting_fields.h"
#include "input/meeting_sink.h"

namespace vanban {

namespace {

std::string iso(const CivilDate& d) {
  char s[16];
  std::snprintf(s, sizeof s, "%04d-%02d-%02d", d.year, d.month, d.day);
  return s;
}

// "branches.csv:3": where the first of two records is, in words short enough for a message.
std::string place(const RecordSource& s) {
  return std::filesystem::path(s.file.str()).filename().string() + ":" + std::to_string(s.line);
}

// The records of one kind met so far, by id: the first valid one, or the first rejected one.
// Keyed by views of the records' own ids: the records stay where they are while it is used.
template <class Record>
class Registry {
 public:
  // nullptr if `id` is new; else the record it repeats.
  const RecordSource* first(const std::string& id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second.first;
  }
  void add(const Record& r, const std::string& id, bool valid) {
    Entry& e = by_id_.try_emplace(id, Entry{&r.source, nullptr}).first->second;
    if (valid && !e.valid) e.valid = &r;
  }
  const Record* valid(const std::string& id) const {
    const auto found = by_id_.find(id);
    return found == by_id_.end() ? nullptr : found->second.valid;
  }
  // Why `id` cannot be referred to, or "" if it can.
  std::string unusable(const std::string& kind, const std::string& id) const {
    if (valid(id)) return "";
    return first(id) ? kind + " '" + id + "' was rejected" : "there is no " + kind + " '" + id + "'";
  }

 private:
  struct Entry {
    const RecordSource* first;
    const Record* valid;
  };
  std::unordered_map<std::string_view, Entry> by_id_;
};

// The places of a record's values serve these checks only; each record drops them once checked,
// while the next ones are (a million records' places are some 300 MB).
template <class Record>
void forget_places(Record& r) {
  std::vector<FieldSource>().swap(r.source.fields);  // `= {}` would keep the capacity
}

// Keeps the records marked, in their order: moved down in place (a second array would double
// the memory of a million records), then into an array of their size (the reader reserved for
// every line of its file, and a cell may hold several).
template <class Record>
std::vector<Record> keep(std::vector<Record>& all, const std::vector<bool>& kept) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!kept[i]) continue;
    if (n != i) all[n] = std::move(all[i]);
    ++n;
  }
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(n), all.end());
  all.shrink_to_fit();
  return std::move(all);
}

// Which records of `raw` pass: a flag per record, in their order.
struct Passed {
  std::vector<bool> branches, cadres, assignments, meetings;
};

// The checks themselves; their maps point into `raw`, whose records stay in place until they
// are gone.
Passed check_records(MeetingData& raw, Diagnostics& out) {
  Registry<Branch> branches;
  Registry<Cadre> cadres;
  std::vector<bool> keep_branch, keep_cadre;
  keep_branch.reserve(raw.branches.size());
  keep_cadre.reserve(raw.cadres.size());

  // Districts are all or nothing: data before July 2025 names each branch's district, two-tier
  // data none. A branch without one among branches with one is kept, but its figures fall in a
  // district row with no name.
  const bool has_districts = std::any_of(raw.branches.begin(), raw.branches.end(),
                                         [](const Branch& b) { return !b.district.empty(); });
  for (Branch& b : raw.branches) {
    bool valid = !b.source.rejected;
    const std::string label = branch_label(b.id);
    const auto reject = [&](const char* field, const std::string& reason) {
      out.push_back(rejection(b.source, field, label, reason));
      valid = false;
    };
    const bool read = valid;  // values a reader could read: report every reason, not the first
    if (read && b.id.empty()) reject("id", "id is empty");
    if (const RecordSource* first = branches.first(b.id))
      reject("id", "the id is already used at " + place(*first));
    if (read && b.members < 1)
      reject("members", "members " + std::to_string(b.members) +
                            ": a branch has at least one member on its roll");
    if (read && (b.meeting_day < 1 || b.meeting_day > 31))
      reject("meeting-day", "meeting-day " + std::to_string(b.meeting_day) +
                                " is not a day of the month (1-31)");
    if (has_districts && valid && b.district.empty())
      out.push_back(record_warning(b.source, "district", label,
                                   "no district, while other branches name theirs; its figures "
                                   "are counted under a district with no name"));
    if (!b.id.empty()) branches.add(b, b.id, valid);
    keep_branch.push_back(valid);
    forget_places(b);
  }

  for (Cadre& c : raw.cadres) {
    bool valid = !c.source.rejected;
    const std::string label = cadre_label(c.id);
    if (valid && c.id.empty()) {
      out.push_back(rejection(c.source, "id", label, "id is empty"));
      valid = false;
    }
    if (const RecordSource* first = cadres.first(c.id)) {
      out.push_back(rejection(c.source, "id", label, "the id is already used at " + place(*first)));
      valid = false;
    }
    if (!c.id.empty()) cadres.add(c, c.id, valid);
    keep_cadre.push_back(valid);
    forget_places(c);
  }

  // Pairs of records, by their places in `raw`: a number each, not a string of their two ids.
  const auto pair_key = [](std::size_t first, std::size_t second, std::size_t seconds) {
    return static_cast<std::uint64_t>(first) * seconds + second;
  };
  const auto branch_index = [&](const Branch* b) { return static_cast<std::size_t>(b - raw.branches.data()); };
  const auto cadre_index = [&](const Cadre* c) { return static_cast<std::size_t>(c - raw.cadres.data()); };

  std::unordered_map<std::uint64_t, const RecordSource*> assigned;  // cadre, branch
  std::vector<bool> keep_assignment(raw.assignments.size(), false);
  for (std::size_t i = 0; i < raw.assignments.size(); ++i) {
    Assignment& a = raw.assignments[i];
    if (a.source.rejected) {
      forget_places(a);
      continue;
    }
    const std::string label = assignment_label(a.cadre_id, a.branch_id);
    bool valid = true;
    if (const std::string why = cadres.unusable("cadre", a.cadre_id); !why.empty()) {
      out.push_back(rejection(a.source, "cadre", label, why));
      valid = false;
    }
    if (const std::string why = branches.unusable("branch", a.branch_id); !why.empty()) {
      out.push_back(rejection(a.source, "branch", label, why));
      valid = false;
    }
    if (valid) {
      const std::uint64_t key = pair_key(cadre_index(cadres.valid(a.cadre_id)),
                                         branch_index(branches.valid(a.branch_id)), raw.branches.size());
      const auto [it, added] = assigned.emplace(key, &a.source);
      if (added)
        keep_assignment[i] = true;
      else
        out.push_back(rejection(a.source, "cadre", label, "the same assignment is already at " +
                                                              place(*it->second)));
    }
    forget_places(a);
  }

  std::unordered_map<std::uint64_t, const RecordSource*> met;  // branch, day of the month
  const std::string month =
      std::to_string(raw.month.year) + "-" + (raw.month.month < 10 ? "0" : "") +
      std::to_string(raw.month.month);
  std::vector<bool> keep_meeting(raw.meetings.size(), false);
  for (std::size_t i = 0; i < raw.meetings.size(); ++i) {
    Meeting& m = raw.meetings[i];
    if (m.source.rejected) {
      forget_places(m);
      continue;
    }
    const std::string date = iso(m.date);
    const std::string label = meeting_label(m.branch_id, date);
    bool valid = true;
    const auto reject = [&](const char* field, const std::string& reason) {
      out.push_back(rejection(m.source, field, label, reason));
      valid = false;
    };
    const Branch* branch = branches.valid(m.branch_id);
    if (!branch) reject("branch", branches.unusable("branch", m.branch_id));
    if (m.date.year != raw.month.year || m.date.month != raw.month.month)
      reject("date", "the date is outside the month " + month);
    if (m.present < 1)
      reject("present", "present " + std::to_string(m.present) +
                            ": a meeting has at least one member present");
    else if (branch && m.present > branch->members)
      reject("present", std::to_string(m.present) + " members present, more than the " +
                            std::to_string(branch->members) + " on the branch's roll");
    const Cadre* cadre = m.cadre_id.empty() ? nullptr : cadres.valid(m.cadre_id);
    if (!m.cadre_id.empty() && !cadre) reject("cadre", cadres.unusable("cadre", m.cadre_id));
    if (m.report_filed && m.cadre_id.empty())
      reject("report-filed", "a report is filed but no cadre attended (cadre is empty)");
    else if (m.report_filed && *m.report_filed < m.date)
      reject("report-filed",
             "the report is dated " + iso(*m.report_filed) + ", before the meeting");
    if (valid) {
      // Valid: the branch is known and the date in the month.
      const auto [it, added] =
          met.emplace(pair_key(branch_index(branch), static_cast<std::size_t>(m.date.day), 32), &m.source);
      if (!added) {
        out.push_back(rejection(m.source, "date", label,
                                "the branch already met that day, at " + place(*it->second)));
      } else {
        if (cadre && !assigned.count(pair_key(cadre_index(cadre), branch_index(branch), raw.branches.size())))
          out.push_back(record_warning(m.source, "cadre", label,
                                       "cadre '" + m.cadre_id +
                                           "' is not assigned to this branch (kept: a substitute)"));
        keep_meeting[i] = true;
      }
    }
    forget_places(m);
  }

  return {std::move(keep_branch), std::move(keep_cadre), std::move(keep_assignment), std::move(keep_meeting)};
}

}  // namespace

MeetingData check_meetings(MeetingData raw, Diagnostics& out) {
  const Passed passed = check_records(raw, out);
  MeetingData ok;
  ok.month = raw.month;
  ok.branches = keep(raw.branches, passed.branches);
  ok.cadres = keep(raw.cadres, passed.cadres);
  ok.assignments = keep(raw.assignments, passed.assignments);
  ok.meetings = keep(raw.meetings, passed.meetings);
  return ok;
}

Result<MeetingData> MeetingDataSink::collect(Result<MeetingMonth> read) {
  Result<MeetingData> result;
  result.errors = std::move(read.errors);
  if (read.ok()) {
    result.value = std::move(checked_);
    result.value->month = *read.value;
  }
  return result;
}

bool MeetingDataSink::check(const MeetingMonth& month, Diagnostics& out) {
  raw_.month = month;
  checked_ = check_meetings(std::move(raw_), out);
  return true;
}

}  // namespace vanban
