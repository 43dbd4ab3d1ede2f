// How work grows with the data, measured without a wall-clock limit: the time of the same job on
// 10x the data divided by its time on 1x. Linear work gives about 10 (less, with fixed costs),
// quadratic work about 100. It is CPU time (of the calling thread, or of the whole process for a
// job that runs worker threads), so other processes do not count, and a sanitizer build slows
// both sizes alike.
#pragma once

#include <time.h>

#include <algorithm>
#include <limits>

namespace vanban::testing {

enum class CpuClock { Thread, Process };

// `run(n)` does the job on n items. The best of `tries` interleaved runs of each size is kept,
// so that a moment of load on the machine does not count.
template <class Run>
double tenfold_growth(Run run, int n, int tries = 3, CpuClock clock = CpuClock::Thread) {
  const auto seconds = [&](int size) {
    const auto now = [clock] {
      timespec t{};
      clock_gettime(clock == CpuClock::Thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID, &t);
      return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
    };
    const double start = now();
    run(size);
    return now() - start;
  };
  run(n);  // warm up: schemas compiled, caches filled
  double small = std::numeric_limits<double>::max(), large = small;
  for (int i = 0; i < tries; ++i) {
    small = std::min(small, seconds(n));
    large = std::min(large, seconds(10 * n));
  }
  return large / std::max(small, 1e-6);
}

// Above this, the work grew faster than n log n: a generous margin over 10, far under 100.
constexpr double kLinearGrowthLimit = 35;

}  // namespace vanban::testing
