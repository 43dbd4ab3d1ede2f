#include "input/meeting_csv_reader.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <tuple>
#include <utility>
#include <vector>

#include "input/csv.h"
#include "input/meeting_checks.h"
#include "input/meeting_fields.h"

namespace vanban {

namespace {

namespace fs = std::filesystem;

struct Column {
  const char* name;
  bool required;
};

struct CsvFile {
  const char* name;
  std::vector<Column> columns;
};

const CsvFile kBranches{"branches.csv",
                        {{"id", true},
                         {"kind", true},
                         {"organisation", true},
                         {"name", true},
                         {"commune", true},
                         {"district", false},
                         {"members", true},
                         {"meeting-day", true}}};
const CsvFile kCadres{
    "cadres.csv",
    {{"id", true}, {"name", true}, {"position", true}, {"agency", true}, {"level", true}}};
const CsvFile kAssignments{"assignments.csv", {{"cadre", true}, {"branch", true}}};
const CsvFile kMeetings{"meetings.csv",
                        {{"branch", true},
                         {"date", true},
                         {"present", true},
                         {"cadre", false},
                         {"report-filed", false},
                         {"topics", false},
                         {"opinions", false},
                         {"quality", false},
                         {"proposals", false}}};

std::string column_list(const CsvFile& f) {
  std::string out;
  for (const Column& c : f.columns) out += (out.empty() ? "" : ", ") + std::string(c.name);
  return out;
}

// The month a folder is named after: "2026-10".
bool month_of_folder(const std::string& dir, MeetingMonth& month) {
  std::string name = dir;
  while (name.size() > 1 && name.back() == '/') name.pop_back();
  name = fs::path(name).filename().string();
  std::error_code ec;
  if (name == "." || name == "..") name = fs::weakly_canonical(dir, ec).filename().string();
  if (name.size() != 7 || name[4] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6})
    if (name[i] < '0' || name[i] > '9') return false;
  std::from_chars(name.data(), name.data() + 4, month.year);
  std::from_chars(name.data() + 5, name.data() + 7, month.month);
  return month.month >= 1 && month.month <= 12;
}

// One line of a cell per item, empty lines left out.
std::vector<std::string> lines(const std::string& cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('\n', start);
    if (end == std::string::npos) end = cell.size();
    std::string line = clean_text(std::string_view(cell).substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

class MeetingCsvReader {
 public:
  MeetingCsvReader(const std::string& dir, Diagnostics& errors) : dir_(dir), errors_(errors) {}

  // false if the file cannot be used; otherwise `sink` is told how many rows there are at
  // most, and `row` is called for every row.
  bool read(const CsvFile& spec, MeetingSink& sink,
            const std::function<void(const CsvRow&, const std::vector<int>&, const SharedPath&)>& row) {
    const std::string path = (fs::path(dir_) / spec.name).string();
    files_.push_back(path);
    const SharedPath file = path;  // one copy for all the file's records
    // The file's own messages (csv.h) come before those of its header and rows, which are read
    // one at a time: a file of a million meetings is never held as a table.
    const std::size_t start = errors_.size();
    Diagnostics file_errors;
    // index[k]: the column of spec.columns[k] (0-based), -1 if the header lacks it.
    std::vector<int> index(spec.columns.size(), -1);
    const auto header = [&](const CsvHeader& h) {
      if (!read_header(spec, h, path, index)) return false;
      sink.expect(h.rows_at_most);
      return true;
    };
    const bool ok = read_csv_rows(path, file_errors, header, [&](const CsvRow& r) { row(r, index, file); });
    errors_.insert(errors_.begin() + static_cast<std::ptrdiff_t>(start), file_errors.begin(), file_errors.end());
    return ok;
  }

  const std::vector<std::string>& files() const { return files_; }

 private:
  // Finds the columns of `spec` in the header; false when one is missing or repeated.
  bool read_header(const CsvFile& spec, const CsvHeader& header, const std::string& path, std::vector<int>& index) {
    bool ok = true;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
      std::string name = clean_text(header.cells[c]);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](char ch) { return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch; });
      const auto known = std::find_if(spec.columns.begin(), spec.columns.end(),
                                      [&](const Column& col) { return name == col.name; });
      const int column = static_cast<int>(c) + 1;
      if (known == spec.columns.end()) {
        errors_.push_back({path, 1, column,
                           "column '" + name + "' is not one of " + column_list(spec) +
                               "; it is ignored",
                           true});
      } else if (int& at = index[known - spec.columns.begin()]; at >= 0) {
        errors_.push_back({path, 1, column, "column '" + name + "' appears twice"});
        ok = false;
      } else {
        at = static_cast<int>(c);
      }
    }
    for (std::size_t k = 0; k < spec.columns.size(); ++k) {
      if (index[k] < 0 && spec.columns[k].required) {
        errors_.push_back({path, 1, 1,
                           std::string("the header has no column '") + spec.columns[k].name +
                               "'; " + spec.name + " needs " + column_list(spec)});
        ok = false;
      }
    }
    return ok;
  }

  std::string dir_;
  Diagnostics& errors_;
  std::vector<std::string> files_;
};

// The single-valued cells of `row` as a record; the list columns are left to the caller.
RawRecord record(const CsvFile& spec, const CsvRow& row, const std::vector<int>& index,
                 const SharedPath& path) {
  RawRecord r;
  r.source.file = path;
  r.source.line = row.number;
  r.source.column = 1;
  for (std::size_t k = 0; k < spec.columns.size(); ++k) {
    const std::string_view name = spec.columns[k].name;
    if (index[k] < 0 || name == "topics" || name == "opinions" || name == "proposals") continue;
    r.add(name, row.number, index[k] + 1, clean_text(row.cells[static_cast<std::size_t>(index[k])]));
  }
  return r;
}

RawLists meeting_lists(const CsvRow& row, const std::vector<int>& index) {
  RawLists lists;
  const auto cell = [&](const char* name) -> const std::string* {
    for (std::size_t k = 0; k < kMeetings.columns.size(); ++k)
      if (std::string_view(kMeetings.columns[k].name) == name && index[k] >= 0)
        return &row.cells[static_cast<std::size_t>(index[k])];
    return nullptr;
  };
  const auto column = [&](const char* name) {
    for (std::size_t k = 0; k < kMeetings.columns.size(); ++k)
      if (std::string_view(kMeetings.columns[k].name) == name) return index[k] + 1;
    return 0;
  };
  if (const std::string* c = cell("topics")) lists.topics = lines(*c);
  if (const std::string* c = cell("proposals")) lists.proposals = lines(*c);
  if (const std::string* c = cell("opinions")) {
    for (const std::string& line : lines(*c)) {
      const std::size_t colon = line.find(':');
      RawOpinion o;
      o.line = row.number;
      o.column = column("opinions");
      if (colon == std::string::npos) {
        o.text = line;
      } else {
        o.topic = clean_text(std::string_view(line).substr(0, colon));
        o.text = clean_text(std::string_view(line).substr(colon + 1));
      }
      lists.opinions.push_back(std::move(o));
    }
  }
  return lists;
}

// Messages file by file in the readers' order, then by place: a record's reading and its checks
// were reported at different times.
void sort_by_place(Diagnostics& errors, const std::vector<std::string>& files) {
  const auto rank = [&](const Diagnostic& d) {
    return std::find(files.begin(), files.end(), d.file) - files.begin();
  };
  std::stable_sort(errors.begin(), errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    return std::tuple(rank(a), a.line, a.column) < std::tuple(rank(b), b.line, b.column);
  });
}

}  // namespace

Result<MeetingData> read_meetings_csv(const std::string& dir) {
  MeetingDataSink sink;
  return sink.collect(read_meetings_csv(dir, sink));
}

Result<MeetingMonth> read_meetings_csv(const std::string& dir, MeetingSink& sink) {
  Result<MeetingMonth> result;
  MeetingMonth month;
  if (!month_of_folder(dir, month))
    return Result<MeetingMonth>::failure(
        {dir, 0, 0, "the folder must be named after its month, YYYY-MM (such as 2026-10)"});

  MeetingCsvReader reader(dir, result.errors);
  Diagnostics& errors = result.errors;
  bool ok = reader.read(kBranches, sink, [&](const CsvRow& row, const std::vector<int>& index,
                                             const SharedPath& path) {
    sink.add(read_branch(record(kBranches, row, index, path), errors));
  });
  ok = reader.read(kCadres, sink, [&](const CsvRow& row, const std::vector<int>& index,
                                      const SharedPath& path) {
    sink.add(read_cadre(record(kCadres, row, index, path), errors));
  }) && ok;
  ok = reader.read(kAssignments, sink, [&](const CsvRow& row, const std::vector<int>& index,
                                           const SharedPath& path) {
    sink.add(read_assignment(record(kAssignments, row, index, path), errors));
  }) && ok;
  ok = reader.read(kMeetings, sink, [&](const CsvRow& row, const std::vector<int>& index,
                                        const SharedPath& path) {
    sink.add(read_meeting(record(kMeetings, row, index, path), meeting_lists(row, index), errors));
  }) && ok;
  if (!ok) return result;
  const bool kept = sink.check(month, result.errors);
  sort_by_place(result.errors, reader.files());
  if (kept) result.value = month;
  return result;
}

}  // namespace vanban
