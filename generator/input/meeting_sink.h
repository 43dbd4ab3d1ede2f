// Where a meeting-data reader puts the records it reads, in file order, and has them checked:
// vectors in memory (check_meetings, input/meeting_checks.h) or a month's database on disk
// (store/month_store.h), whose memory does not grow with the number of records.
#pragma once

#include <cstddef>
#include <vector>

#include "model/diagnostic.h"
#include "model/meeting_data.h"

namespace vanban {

class MeetingSink {
 public:
  virtual ~MeetingSink() = default;

  // At most `rows` more records of the kind about to be added: room reserved once, not by
  // doubling, where the records are held in memory.
  virtual void expect(std::size_t rows) { (void)rows; }
  // Each record as read, with its place and its fields' places (RecordSource), rejected or not.
  virtual void add(Branch b) = 0;
  virtual void add(Cadre c) = 0;
  virtual void add(Assignment a) = 0;
  virtual void add(Meeting m) = 0;
  // Forgets every record added: the reader gives them again from the start.
  virtual void restart() = 0;
  // Runs the checks of input/meeting_checks.h over everything added, their messages appended to
  // `out` in the order check_meetings gives them. false when the records could not be kept
  // (why is in `out`): the month is then unusable.
  virtual bool check(const MeetingMonth& month, Diagnostics& out) = 0;
};

// The records in memory, checked by check_meetings into checked().
class MeetingDataSink final : public MeetingSink {
 public:
  void expect(std::size_t rows) override { rows_ = rows; }
  void add(Branch b) override { push(raw_.branches, std::move(b)); }
  void add(Cadre c) override { push(raw_.cadres, std::move(c)); }
  void add(Assignment a) override { push(raw_.assignments, std::move(a)); }
  void add(Meeting m) override { push(raw_.meetings, std::move(m)); }
  void restart() override { raw_ = {}; }
  bool check(const MeetingMonth& month, Diagnostics& out) override;
  MeetingData& checked() { return checked_; }
  // What a reader gave (the month, or why not) with the records kept, as one value.
  Result<MeetingData> collect(Result<MeetingMonth> read);

 private:
  template <class Record>
  void push(std::vector<Record>& records, Record r) {
    // Room reserved once: growing by doubling holds three times the records' room as it moves them.
    if (rows_) records.reserve(records.size() + rows_);
    rows_ = 0;
    records.push_back(std::move(r));
  }

  std::size_t rows_ = 0;
  MeetingData raw_;
  MeetingData checked_;
};

}  // namespace vanban
