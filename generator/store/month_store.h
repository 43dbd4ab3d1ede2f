// A month's meeting records in a scratch SQLite database inside the output folder, with a
// bounded page cache: a province of a million branches is read, checked and read back in 22 MiB
// instead of the 1.65 GB of holding every record at once (issue 11; bench/month_store_memory.cpp),
// for some 0.75 GB of disk in the output folder while the run lasts, and about twice the time:
// 2.5 s instead of 1.3 s to read and check 100k branches. Filled by a reader in file order
// (input/meeting_sink.h), checked with exactly check_meetings' rules, messages and order, then
// read back valid record by valid record. `vanban build` prepares a month through it
// (batch/month_job.h): the figures' defaulters (stats/month_figures.h) and the plan's document
// recipes (templating/month_documents.h) are kept in it too, and the documents are generated from
// it by the rendering threads, each with a read connection of its own (Reader). The file is
// removed when the store is destroyed, or by remove_stale_temp_files (output/atomic_file.h) after
// a run that was killed.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "input/meeting_sink.h"
#include "model/cadre_gap.h"
#include "model/meeting_data.h"

namespace vanban {

class ScratchFile;

// A valid meeting with the records it names, as the figures and the documents use them.
struct StoredMeeting {
  long long row = 0;  // the meeting's row: 1, 2, ... in file order, rejected records included
  const Meeting& meeting;
  const Branch& branch;
  const Cadre* cadre;  // null when no cadre attended
  long long branch_row = 0;
  long long cadre_row = 0;  // 0 when no cadre attended
};

// A valid cadre with its row.
struct StoredCadre {
  long long row = 0;
  Cadre cadre;
};

// A gap (model/cadre_gap.h) with the records it names.
struct StoredGap {
  const CadreGap& gap;
  const Cadre& cadre;
  const Branch& branch;
};

// What one document of the month is made from, kept in the store so that a month of a million
// documents does not hold its plan in memory (templating/month_documents.h gives the meanings).
struct DocumentRecipe {
  int kind = 0;
  std::optional<int> number;
  bool in_series = false;
  long long meeting = 0;  // a report's meeting row
  int issuer = -1;        // a report's issuer: its index among the settings' agencies
  int gaps = -1;          // a reminder's agency: its index in the figures' gaps_by_agency
  std::string name;       // its output name, unique in the month (UniqueNames)
};

// An agency's gaps by cadre (MonthStore::Reader::gap_cadres).
struct GapCadres {
  std::vector<std::size_t> gaps;  // each cadre's number of gaps, the cadres in add_gap's order
  std::array<bool, kOrganisationCount> organisations{};  // those of the gaps' branches
};

// What a build lists of a document: its name and whether it is in its issuer's number series.
struct ListedDocument {
  std::string name;
  bool in_series = false;
};

class MonthStore final : public MeetingSink {
  struct Impl;  // a connection and its statements

 public:
  // A new store in `dir` (created if missing); null with `error` when it cannot be made.
  static std::unique_ptr<MonthStore> create(const std::string& dir, std::string& error);
  ~MonthStore() override;

  // The reader's records, in file order, into one transaction.
  void add(Branch b) override;
  void add(Cadre c) override;
  void add(Assignment a) override;
  void add(Meeting m) override;
  void restart() override;
  // Each check of check_meetings an indexed look-up, the records visited in file order; marks
  // the records that pass. false (with a message in `out`) when the database failed.
  bool check(const MeetingMonth& month, Diagnostics& out) override;

  // After check: the valid records, without their fields' places (as check_meetings returns
  // them). Nothing when none has that id, or it was rejected.
  std::optional<Branch> branch(const std::string& id);
  std::optional<Cadre> cadre(const std::string& id);
  std::optional<Meeting> meeting(long long row);  // valid or not
  // The valid records of each kind in file order; `visit` sees each record only during its call.
  void for_each_branch(const std::function<void(const Branch&)>& visit);
  void for_each_cadre(const std::function<void(const Cadre&)>& visit);
  void for_each_assignment(const std::function<void(const Assignment&)>& visit);
  void for_each_meeting(const std::function<void(const StoredMeeting&)>& visit);

  // After check, for the figures (stats/month_figures.h), their one pass in file order: the
  // month checked; whether a valid branch names its district; each valid branch with its number
  // of valid assignments; each kept meeting (as for_each_meeting) with whether it is its branch's
  // first and the cadres assigned to its branch, in the assignments' order. That pass also lists,
  // for the plan, the kept meetings a cadre attended by the cadre's agency: one scan for both.
  const MeetingMonth& month() const;
  bool any_district();
  void for_each_branch_assigned(const std::function<void(const Branch&, int assignments)>& visit);
  void for_each_meeting_assigned(
      const std::function<void(const StoredMeeting&, bool first_of_branch, const std::vector<StoredCadre>& assigned)>&
          visit);
  // The gaps of an agency, read back by Reader::gap in the order of their cadre's name (Vietnamese
  // order, ICU sort keys), cadre id, meeting date, branch name, branch id, kind.
  void add_gap(const std::string& agency, const CadreGap& gap, const Cadre& cadre, const Branch& branch);
  // The agencies with gaps of a cadre named `name`, each with the id of the first such cadre in
  // that order (agency, cadre id), by agency in byte order.
  std::vector<std::pair<std::string, std::string>> gaps_of_cadres_named(const std::string& name);

  // For the plan (templating/month_documents.h), once for_each_meeting_assigned has listed the
  // attended meetings: the agencies; an agency's cadres in file order with their attended
  // meetings; its meetings in the order their reports are numbered (filed first, by filing date,
  // then meeting date, branch name in Vietnamese order, branch id, cadre id).
  std::vector<std::string> attended_agencies();
  void for_each_attended_cadre(const std::string& agency, const std::function<void(const Cadre&, int meetings)>& visit);
  void for_each_attended(const std::string& agency,
                         const std::function<void(long long meeting, const std::string& branch_id, const CivilDate& date,
                                                  bool filed)>& visit);
  // A document, the next of the month; a name's lower-case slug, true when no other had it.
  void add_document(const DocumentRecipe& recipe);
  bool claim_name(const std::string& slug);
  // Ends the writes of the figures and the plan: "" or why they failed. Readers see them after.
  std::string commit();

  // One thread's read connection to the store once committed: the documents' recipes, their
  // meetings and the gaps. Several readers read at once, each used by one thread at a time.
  class Reader {
   public:
    ~Reader();
    std::optional<DocumentRecipe> document(std::size_t i);
    // The kept meeting at `row` with its branch and cadre, to `visit`; false when there is none.
    bool meeting(long long row, const std::function<void(const StoredMeeting&)>& visit);
    // Document i's name and series from the documents' table alone: a build lists every
    // document, twice, and its meeting's pages are left for the render to read.
    std::optional<ListedDocument> listed_document(std::size_t i);
    // The agency's gap `j` (0-based, in add_gap's order), to `visit`; false when there is none.
    // Reading j, j + 1, ... steps one cursor; any other j seeks again.
    bool gap(const std::string& agency, std::size_t j, const std::function<void(const StoredGap&)>& visit);
    // The agency's gaps counted by cadre, from one grouped query of the gaps' index.
    GapCadres gap_cadres(const std::string& agency);
    // The first failure of its connection, "" while there is none.
    const std::string& error() const;

   private:
    friend class MonthStore;
    struct Cursor;
    explicit Reader(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    std::unique_ptr<Cursor> cursor_;
  };
  // Null with `error` when the file cannot be opened again. Safe from several threads at once.
  // Only after commit: a reader keeps its shared lock, which a write would wait for.
  std::unique_ptr<Reader> reader(std::string& error) const;

  const std::string& path() const;
  // The first failure of the database, "" while there is none.
  const std::string& error() const { return error_; }

 private:
  MonthStore(std::unique_ptr<ScratchFile> file, std::unique_ptr<Impl> impl);

  std::unique_ptr<ScratchFile> file_;
  std::unique_ptr<Impl> impl_;  // the connection and its statements: closed before the file goes
  std::string error_;
};

}  // namespace vanban
