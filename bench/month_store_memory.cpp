// Memory of reading and checking a CSV month into a MonthStore (store/month_store.h), the records
// in a scratch database of OUT_DIR instead of in memory, then visiting every valid meeting with
// its branch and cadre, as the figures and the plan will. Prints the records kept, the messages,
// the seconds of each step and the peak RSS. Compare with `vanban_month_memory MONTH_DIR --csv`.
//
//   vanban_month_store_memory MONTH_DIR OUT_DIR [--memory]   (a folder of vanban_make_province)
//
// --memory reads the same month with read_meetings_csv into vectors instead, for the baseline.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "input/input_limits.h"
#include "input/meeting_csv_reader.h"
#include "store/month_store.h"

namespace {

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Forwards to the store, timing its checks apart from the reading.
class TimedSink final : public vanban::MeetingSink {
 public:
  explicit TimedSink(vanban::MonthStore& store) : store_(store) {}
  void add(vanban::Branch b) override { store_.add(std::move(b)); }
  void add(vanban::Cadre c) override { store_.add(std::move(c)); }
  void add(vanban::Assignment a) override { store_.add(std::move(a)); }
  void add(vanban::Meeting m) override { store_.add(std::move(m)); }
  void restart() override { store_.restart(); }
  bool check(const vanban::MeetingMonth& month, vanban::Diagnostics& out) override {
    const auto start = std::chrono::steady_clock::now();
    const bool ok = store_.check(month, out);
    check_seconds = seconds_since(start);
    return ok;
  }
  double check_seconds = 0;

 private:
  vanban::MonthStore& store_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4 || (argc == 4 && std::strcmp(argv[3], "--memory") != 0)) {
    std::cerr << "usage: vanban_month_store_memory MONTH_DIR OUT_DIR [--memory]\n";
    return 2;
  }
  vanban::set_input_limits({std::size_t{2047} << 20, 100'000'000});  // as bench/month_memory.cpp
  const auto start = std::chrono::steady_clock::now();
  if (argc == 4) {
    const vanban::Result<vanban::MeetingData> read = vanban::read_meetings_csv(argv[1]);
    if (!read.ok()) return 1;
    std::printf("in memory: %zu meetings kept, %zu messages, read and checked in %.2f s, peak RSS %.1f MiB\n",
                read.value->meetings.size(), read.errors.size(), seconds_since(start), peak_rss_mib());
    return 0;
  }
  std::string error;
  std::unique_ptr<vanban::MonthStore> store = vanban::MonthStore::create(argv[2], error);
  if (!store) {
    std::cerr << error << '\n';
    return 1;
  }
  TimedSink sink(*store);
  const vanban::Result<vanban::MeetingMonth> read = vanban::read_meetings_csv(argv[1], sink);
  const double read_s = seconds_since(start);
  for (const vanban::Diagnostic& d : read.errors)
    if (!d.warning) std::cerr << d.to_string() << '\n';
  if (!read.ok()) return 1;
  const double after_check = peak_rss_mib();
  const auto visit_start = std::chrono::steady_clock::now();
  std::size_t meetings = 0, present = 0, with_cadre = 0;
  store->for_each_meeting([&](const vanban::StoredMeeting& m) {
    ++meetings;
    present += static_cast<std::size_t>(m.meeting.present);
    with_cadre += m.cadre != nullptr;
  });
  std::printf("store: %zu meetings kept (%zu present, %zu with a cadre), %zu messages; read and checked in "
              "%.2f s (checks %.2f s, peak RSS %.1f MiB), visited in %.2f s; peak RSS %.1f MiB\n",
              meetings, present, with_cadre, read.errors.size(), read_s, sink.check_seconds, after_check, seconds_since(visit_start),
              peak_rss_mib());
  return store->error().empty() ? 0 : 1;
}
