// Ctrl-C, kill and hang-up during a build. SIGINT, SIGTERM and SIGHUP are blocked in every
// thread while a StopSignals lives, so none interrupts a file being written; the build polls
// between documents, stops taking new ones, saves what it did and exits 128 + the signal number.
// A signal the process inherited as ignored stays ignored (it is never pending).
#pragma once

#include <signal.h>

namespace vanban {

class StopSignals {
 public:
  // Create it before any worker thread: threads inherit the blocked mask.
  StopSignals();
  // Discards signals still pending and restores the mask.
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Takes a pending stop signal if there is one; never waits. The first one received, or 0.
  int poll();
  int received() const { return received_; }

 private:
  sigset_t set_;
  sigset_t saved_;
  int received_ = 0;
};

}  // namespace vanban
