// The job of one month folder, content/<YYYY-MM>/: its meeting data (meetings.xml, or the CSV
// set branches.csv, cadres.csv, assignments.csv, meetings.csv beside it), checked; its figures;
// the markup of every document from the templates and month.xml; and, when the folder has a
// guidance.xml, each organisation's discussion guide (A4, A5 booklet and HTML).
#pragma once

#include <string>

#include "batch/folder_job.h"

namespace vanban {

enum class MeetingSource { Auto, Xml, Csv };  // Auto: meetings.xml when present, else the CSV set

struct MonthJobSettings {
  std::string month_dir;   // content/2026-10
  std::string output_dir;  // out/2026-10
  std::string data_dir;    // holds templates/
  MeetingSource source = MeetingSource::Auto;
};

// What the job reads its meetings from: month_dir/meetings.xml, or month_dir for the CSV set.
std::string meeting_data_path(const MonthJobSettings& settings);

// Always a job: when the data or the settings cannot be read, it has no items and says why in
// `rejected`.
FolderJob month_job(const MonthJobSettings& settings);

// "2026-10" -> true: the names month folders must have.
bool is_month_name(const std::string& name);

}  // namespace vanban
