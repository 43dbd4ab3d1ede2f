// The figures of one month of branch meetings, as the Mass Mobilisation board reports them to the
// standing committee: per organisation, per commune (grouped in districts for data of months
// before July 2025 that still has them) and in total; the cadres who
// did not attend or did not report in time; members' opinions grouped by topic.
// Computed from a checked month store (store/month_store.h) in one pass over its records in file
// order: what is kept in memory is bounded by the communes, agencies and topics (and the
// opinions kept), whatever the number of branches; the gaps go into the store. Records that name
// an unknown branch or cadre are left out by the checks, never guessed at.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/cadre_gap.h"
#include "model/civil_date.h"
#include "model/meeting_data.h"

namespace vanban {

struct FigureOptions {
  // A report filed at most this many days after the meeting is on time (5 in the sample rules).
  int report_deadline_days = 5;
  // Opinions kept per topic: the first ones in the summary's order, as many as it quotes
  // (month.xml's opinions-per-topic); 0 keeps all. The others are only counted: a province of a
  // million branches need not hold every opinion to quote twelve.
  int opinions_kept = 0;
};

// One row of the figure tables. Attendance counts people per meeting ("lượt"): a branch that
// met twice adds its roll twice, as the reports of seed 004 count it.
struct Tally {
  int branches = 0;
  int branches_met = 0;             // branches that held at least one meeting
  int meetings = 0;                 // held in the month
  int meetings_on_regular_day = 0;  // on the branch's fixed day (the last day if the month is shorter)
  long long present = 0;            // members present, summed over the meetings
  long long on_roll = 0;            // the roll of the branch, summed over the same meetings
  std::string attendance_rate;      // present / on_roll: "87,39%", "100%"; empty when nothing met
  int assignments = 0;              // cadres assigned to the branches
  int attended_by_assigned = 0;     // meetings attended by a cadre assigned to that branch
  int attended = 0;                 // meetings attended by any cadre: each owes a report
  int reports_on_time = 0;
  int reports_late = 0;
  int reports_missing = 0;
  // Meetings by the grade the attending cadre gave, indexed by QualityGrade; ungraded ones are
  // meetings minus their sum.
  std::array<int, 4> by_quality{};
};

struct CommuneFigures {
  std::string name;
  Tally tally;
};

struct DistrictFigures {
  std::string name;
  Tally tally;
  std::vector<CommuneFigures> communes;  // Vietnamese order
};

// An agency's gaps (model/cadre_gap.h), counted; the gaps themselves are in the store, read back
// in order by MonthStore::Reader::gap (by cadre name, meeting date, branch name in Vietnamese
// order): a month may have hundreds of thousands.
struct AgencyGaps {
  std::string agency;
  int absent = 0, late = 0, missing = 0;
  std::size_t count() const { return static_cast<std::size_t>(absent + late + missing); }
};

struct OpinionEntry {
  std::string text;
  std::string branch_id;
  std::string branch_name;
  std::string commune;
  std::string district;
  CivilDate meeting_date;
};

struct TopicOpinions {
  std::string topic;
  std::vector<OpinionEntry> opinions;  // by district, commune, branch name, date, text
  std::size_t count = 0;               // of the topic's opinions, kept or not (FigureOptions)
};

struct MonthFigures {
  MeetingMonth month;
  int report_deadline_days = 0;
  // In the fixed order of the Organisation enum (Đảng, Mặt trận, the four mass organisations):
  // the order every report lists them in, not an alphabetical one.
  std::array<Tally, kOrganisationCount> by_organisation;
  // By area. Since 1 July 2025 communes (xã, phường, đặc khu) are directly under the province:
  // by_commune lists them. Data that groups communes in districts (months before July 2025)
  // gives by_district instead, each district with its communes; then by_commune is empty, since
  // two districts may each have a commune of the same name.
  std::vector<CommuneFigures> by_commune;    // Vietnamese order
  std::vector<DistrictFigures> by_district;  // Vietnamese order
  Tally total;
  std::vector<AgencyGaps> gaps_by_agency;    // Vietnamese order of agency names
  std::vector<TopicOpinions> opinions_by_topic;  // Vietnamese order of topics
};

class MonthStore;

// From a store that checked its records (MonthStore::check); its gaps are added to the store.
MonthFigures compute_figures(MonthStore& store, const FigureOptions& options);

}  // namespace vanban
