#include "batch/stop_signals.h"

#include <pthread.h>

#include <ctime>
#include <initializer_list>

namespace vanban {

StopSignals::StopSignals() {
  sigemptyset(&set_);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set_, sig);
  pthread_sigmask(SIG_BLOCK, &set_, &saved_);
}

StopSignals::~StopSignals() {
  const timespec now{0, 0};
  while (sigtimedwait(&set_, nullptr, &now) > 0) {
  }
  pthread_sigmask(SIG_SETMASK, &saved_, nullptr);
}

int StopSignals::poll() {
  const timespec now{0, 0};
  const int sig = sigtimedwait(&set_, nullptr, &now);
  if (sig > 0 && received_ == 0) received_ = sig;
  return received_;
}

}  // namespace vanban
