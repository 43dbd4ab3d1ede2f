// Shared by the meeting reader tests: MeetingData as text, one record a line, without sources,
// so that two readings compare with a readable difference.
#pragma once

#include <cstdio>
#include <string>

#include "model/diagnostic.h"
#include "model/meeting_data.h"

namespace vanban::testing {

inline std::string date_text(const CivilDate& d) {
  char s[16];
  std::snprintf(s, sizeof s, "%04d-%02d-%02d", d.year, d.month, d.day);
  return s;
}

inline std::string dump(const MeetingData& d) {
  std::string out = "month " + std::to_string(d.month.year) + "-" + std::to_string(d.month.month) + "\n";
  for (const Branch& b : d.branches)
    out += "branch " + b.id + " | " + b.kind + " | " + organisation_id(b.organisation) + " | " +
           b.name + " | " + b.commune + " | " + b.district + " | " + std::to_string(b.members) +
           " | " + std::to_string(b.meeting_day) + "\n";
  for (const Cadre& c : d.cadres)
    out += "cadre " + c.id + " | " + c.name + " | " + c.position + " | " + c.agency + " | " +
           c.level + "\n";
  for (const Assignment& a : d.assignments) out += "assign " + a.cadre_id + " -> " + a.branch_id + "\n";
  for (const Meeting& m : d.meetings) {
    out += "meeting " + m.branch_id + " " + date_text(m.date) + " present " +
           std::to_string(m.present) + " cadre " + m.cadre_id + " filed " +
           (m.report_filed ? date_text(*m.report_filed) : "-") + " quality " +
           (m.quality ? quality_id(*m.quality) : "-") + "\n";
    for (const std::string& t : m.topics) out += "  topic " + t + "\n";
    for (const Opinion& o : m.opinions) out += "  opinion " + o.topic + ": " + o.text + "\n";
    for (const std::string& p : m.proposals) out += "  proposal " + p + "\n";
  }
  return out;
}

// Every message, one a line, with `dir` + "/" left out of the file names.
inline std::string messages(const Diagnostics& errors, const std::string& dir) {
  std::string out;
  for (Diagnostic d : errors) {
    if (d.file.starts_with(dir + "/")) d.file = d.file.substr(dir.size() + 1);
    out += d.to_string() + "\n";
  }
  return out;
}

inline std::string meetings_dir() { return std::string(VANBAN_SOURCE_DIR) + "/tests/data/meetings"; }
inline std::string meetings_schema() {
  return std::string(VANBAN_SOURCE_DIR) + "/templates/schema/meetings.rng";
}

}  // namespace vanban::testing
