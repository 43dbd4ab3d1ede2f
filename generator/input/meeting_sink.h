// Where a meeting-data reader puts the records it reads, in file order, and has them checked:
// vectors in memory (check_meetings, input/meeting_checks.h) or a month's database on disk
// (store/month_store.h), whose memory does not grow with the number of records.
#pragma once

#include <cstddef>

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
  // Runs the checks of input/meeting_checks.h over everything added, their messages appended to
  // `out` in the order check_meetings gives them. false when the records could not be kept
  // (why is in `out`): the month is then unusable.
  virtual bool check(const MeetingMonth& month, Diagnostics& out) = 0;
};

}  // namespace vanban
