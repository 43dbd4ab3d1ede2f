#include "input/sink_thread.h"

#include <type_traits>
#include <utility>

namespace vanban {

namespace {

// Calls handed at once, and batches waiting at most: a lock and a wake-up per few hundred
// records, a few thousand records in flight whatever the month's size.
constexpr std::size_t kBatch = 256;
constexpr std::size_t kWaiting = 8;

}  // namespace

SinkThread::SinkThread(MeetingSink& to) : to_(to), thread_([this] { run(); }) { filling_.reserve(kBatch); }

SinkThread::~SinkThread() { stop(); }

void SinkThread::hand(Call call) {
  filling_.push_back(std::move(call));
  if (filling_.size() == kBatch) send(false);
}

void SinkThread::send(bool last) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return batches_.size() < kWaiting; });
  if (!filling_.empty()) batches_.push_back(std::exchange(filling_, {}));
  last_ = last;
  lock.unlock();
  changed_.notify_all();
  filling_.reserve(kBatch);
}

void SinkThread::run() {
  for (;;) {
    Batch batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return quit_ || last_ || !batches_.empty(); });
      if (quit_ || batches_.empty()) return;
      batch = std::move(batches_.front());
      batches_.pop_front();
    }
    changed_.notify_all();
    // A failure (out of memory) is the reader's to report, not this thread's to end the process.
    if (failure_) continue;
    try {
      for (Call& call : batch)
        std::visit([this](auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, std::size_t>)
            to_.expect(c);
          else if constexpr (std::is_same_v<T, Restart>)
            to_.restart();
          else
            to_.add(std::move(c));
        }, call);
    } catch (...) {
      failure_ = std::current_exception();
    }
  }
}

void SinkThread::stop() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool SinkThread::check(const MeetingMonth& month, Diagnostics& out) {
  send(true);
  thread_.join();  // every batch added: the thread returns once none is left
  if (failure_) std::rethrow_exception(failure_);
  return to_.check(month, out);
}

}  // namespace vanban
