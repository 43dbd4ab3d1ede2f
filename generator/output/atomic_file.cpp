#include "output/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace vanban {

namespace {

// The one temporary file that can exist at a time (outputs are written one after the other).
// The handler may only read these, so the path is a fixed buffer, not a std::string.
char g_temp_path[4096];
volatile sig_atomic_t g_temp_active = 0;

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_active) unlink(g_temp_path);  // async-signal-safe
  // SA_RESETHAND restored the default action: the signal, delivered again when this handler
  // returns, ends the process with the status the parent expects from it.
  raise(sig);
}

// Blocks the cleanup signals while the temporary file and its registration change together, so
// that the handler never sees a file it does not know about or a name it did not create.
class SignalGuard {
 public:
  SignalGuard() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : kCleanupSignals) sigaddset(&set, sig);
    sigprocmask(SIG_BLOCK, &set, &saved_);
  }
  ~SignalGuard() { sigprocmask(SIG_SETMASK, &saved_, nullptr); }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  sigset_t saved_;
};

std::string describe(const std::string& what, const std::string& path, int err) {
  return "cannot " + what + " '" + path + "': " + std::strerror(err);
}

// Creates a new temporary file beside `target`; returns its descriptor, or -1 with `error`.
int create_temp(const std::string& dir, const std::string& name, std::string& error) {
  static unsigned counter = 0;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string path = dir + "/." + name + ".tmp-" + std::to_string(getpid()) + "-" +
                             std::to_string(counter++);
    if (path.size() >= sizeof g_temp_path) {
      error = "the output path '" + dir + "/" + name + "' is too long";
      return -1;
    }
    SignalGuard guard;
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
      g_temp_active = 1;
      return fd;
    }
    if (errno != EEXIST) {
      error = describe("create", path, errno);
      return -1;
    }
  }
  error = "cannot find a free temporary name in '" + dir + "'";
  return -1;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void discard_temp() {
  SignalGuard guard;
  unlink(g_temp_path);
  g_temp_active = 0;
}

}  // namespace

std::string write_file_atomically(const std::string& dir, const std::string& name,
                                  std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "cannot create the output folder '" + dir + "': " + ec.message();

  std::string error;
  const int fd = create_temp(dir, name, error);
  if (fd < 0) return error;
  const std::string temp = g_temp_path;
  const std::string target = dir + "/" + name;

  const bool written = write_all(fd, bytes);
  const int write_errno = errno;
  if (close(fd) != 0 || !written) {
    const int err = written ? errno : write_errno;
    discard_temp();
    return describe("write", temp, err);
  }
  SignalGuard guard;
  if (rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    unlink(temp.c_str());
    g_temp_active = 0;
    return describe("rename the temporary file to", target, err);
  }
  g_temp_active = 0;
  return {};
}

void install_cleanup_handlers() {
  for (int sig : kCleanupSignals) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = remove_temp_and_die;
    sigemptyset(&action.sa_mask);
    // Block the other cleanup signals while one is handled: the temporary file is unlinked once.
    for (int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    action.sa_flags = SA_RESETHAND;
    sigaction(sig, &action, nullptr);
  }
}

}  // namespace vanban
