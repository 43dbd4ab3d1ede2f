// Runs independent tasks on worker threads and hands each result to the calling thread as soon
// as it is ready. Only the calling thread consumes (writes files, prints, keeps the manifest), so
// nothing it touches needs a lock; a slow task (a summary of hundreds of pages) never holds the
// others back.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace vanban {

// produce(i) runs on one of `jobs` threads (at least one) for i = 0, 1, ... count-1, started in
// that order; consume(i, result) runs on the calling thread, in the order the results are ready.
// No task starts while 4 x jobs results wait to be consumed, which bounds memory when consuming is
// slower.
// poll() runs on the calling thread after each result and at least every 100 ms; once it returns
// false no task is started any more, and the tasks already started finish and are consumed.
// Returns the number of results consumed.
template <class R, class Produce, class Consume, class Poll>
std::size_t run_pool(std::size_t count, unsigned jobs, Produce produce, Consume consume, Poll poll) {
  jobs = std::max(1u, jobs);
  const std::size_t window = 4 * std::size_t{jobs};
  std::mutex mutex;
  std::condition_variable can_start, ready;
  std::deque<std::pair<std::size_t, R>> results;
  std::size_t started = 0, consumed = 0;
  bool stopping = false;

  auto worker = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        can_start.wait(lock, [&] { return stopping || started >= count || results.size() < window; });
        if (stopping || started >= count) return;
        i = started++;
      }
      R result = produce(i);
      {
        std::lock_guard lock(mutex);
        results.emplace_back(i, std::move(result));
      }
      ready.notify_one();
    }
  };

  std::vector<std::jthread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  while (true) {
    std::deque<std::pair<std::size_t, R>> batch;
    {
      std::unique_lock lock(mutex);
      if (consumed == (stopping ? started : count)) break;
      ready.wait_for(lock, std::chrono::milliseconds(100), [&] { return !results.empty(); });
      batch.swap(results);
    }
    if (!batch.empty()) can_start.notify_all();
    for (auto& [i, result] : batch) {
      consume(i, std::move(result));
      ++consumed;  // only this thread uses it
    }
    if (!stopping && !poll()) {
      {
        std::lock_guard lock(mutex);
        stopping = true;
      }
      can_start.notify_all();
    }
  }
  return consumed;  // the threads join here, all idle
}

}  // namespace vanban
