// A MeetingSink that hands the records, in the order they come, to another sink on a thread of
// its own: a reader builds the next records while the last ones are written (to a month's store,
// store/month_store.h, half the time of reading a month). The other sink sees the same calls in
// the same order, one thread at a time; check() waits for every record to be added, then checks
// on the calling thread (and throws there what adding threw).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "input/meeting_sink.h"

namespace vanban {

class SinkThread final : public MeetingSink {
 public:
  explicit SinkThread(MeetingSink& to);
  // Stops the thread; records not yet added are dropped (the reading failed: nothing is checked).
  ~SinkThread() override;
  SinkThread(const SinkThread&) = delete;
  SinkThread& operator=(const SinkThread&) = delete;

  void expect(std::size_t rows) override { hand(rows); }
  void add(Branch b) override { hand(std::move(b)); }
  void add(Cadre c) override { hand(std::move(c)); }
  void add(Assignment a) override { hand(std::move(a)); }
  void add(Meeting m) override { hand(std::move(m)); }
  void restart() override { hand(Restart{}); }
  bool check(const MeetingMonth& month, Diagnostics& out) override;

 private:
  // A call: expect's rows, a record to add, or restart (after the records handed before it).
  struct Restart {};
  using Call = std::variant<std::size_t, Branch, Cadre, Assignment, Meeting, Restart>;
  using Batch = std::vector<Call>;

  void hand(Call call);
  void send(bool last);  // the batch being filled, to the thread
  void run();            // the thread: each batch's calls in order
  void stop();

  MeetingSink& to_;
  Batch filling_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> batches_;  // handed, not yet taken: a few, so the records in flight stay few
  bool last_ = false;          // no batch follows those handed
  bool quit_ = false;          // drop what is left
  std::exception_ptr failure_;  // what the thread threw, rethrown by check()
  std::thread thread_;         // last: started once the rest exists
};

}  // namespace vanban
