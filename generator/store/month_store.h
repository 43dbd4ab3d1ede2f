// A month's meeting records in a scratch SQLite database inside the output folder, with a
// bounded page cache: a province of a million branches is read, checked and read back in 22 MiB
// instead of the 1.65 GB of holding every record at once (issue 11; bench/month_store_memory.cpp),
// for some 0.75 GB of disk in the output folder while the run lasts, and about twice the time:
// 2.5 s instead of 1.3 s to read and check 100k branches. Filled by a reader in file order
// (input/meeting_sink.h), checked with exactly check_meetings' rules, messages and order, then
// read back valid record by valid record. The file is removed when the store is destroyed, or by
// remove_stale_temp_files (output/atomic_file.h) after a run that was killed.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "input/meeting_sink.h"
#include "model/meeting_data.h"

namespace vanban {

class ScratchFile;

// A valid meeting with the records it names, as the figures and the documents use them.
struct StoredMeeting {
  long long row = 0;  // the meeting's row: 1, 2, ... in file order, rejected records included
  const Meeting& meeting;
  const Branch& branch;
  const Cadre* cadre;  // null when no cadre attended
};

class MonthStore final : public MeetingSink {
 public:
  // A new store in `dir` (created if missing); null with `error` when it cannot be made.
  static std::unique_ptr<MonthStore> create(const std::string& dir, std::string& error);
  ~MonthStore() override;

  // The reader's records, in file order, into one transaction.
  void add(Branch b) override;
  void add(Cadre c) override;
  void add(Assignment a) override;
  void add(Meeting m) override;
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

  const std::string& path() const;
  // The first failure of the database, "" while there is none.
  const std::string& error() const { return error_; }

 private:
  struct Impl;
  MonthStore(std::unique_ptr<ScratchFile> file, std::unique_ptr<Impl> impl);

  std::unique_ptr<ScratchFile> file_;
  std::unique_ptr<Impl> impl_;  // the connection and its statements: closed before the file goes
  std::string error_;
};

}  // namespace vanban
