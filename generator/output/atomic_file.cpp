#include "output/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <thread>
#include <utility>

namespace vanban {

namespace {

// The temporary files in flight, one slot per writer. The signal handler may only read them, so
// each path is a fixed buffer and each slot is claimed through a lock-free atomic flag
// (async-signal-safe), never a mutex or a std::string.
constexpr std::size_t kSlots = 64;
constexpr std::size_t kPathBytes = 4096;

enum SlotState : int { kFree = 0, kFilling = 1, kArmed = 2 };

struct TempSlot {
  std::atomic<int> state{kFree};
  char path[kPathBytes];
};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the slots");

TempSlot g_slots[kSlots];
std::atomic<unsigned> g_counter{0};

constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temps_and_die(int sig) {
  // A slot armed before its file exists, or whose file was just renamed, only costs an unlink
  // that fails: never a file left behind or a name vanban did not create.
  for (TempSlot& slot : g_slots)
    if (slot.state.load(std::memory_order_acquire) == kArmed) unlink(slot.path);  // async-signal-safe
  // SA_RESETHAND restored the default action: the signal, delivered again when this handler
  // returns, ends the process with the status the parent expects from it.
  raise(sig);
}

// Takes a free slot and arms it with `path`; waits while every slot is in use.
TempSlot& arm_slot(const std::string& path) {
  for (;;) {
    for (TempSlot& slot : g_slots) {
      int expected = kFree;
      if (!slot.state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
      std::memcpy(slot.path, path.c_str(), path.size() + 1);
      slot.state.store(kArmed, std::memory_order_release);
      return slot;
    }
    std::this_thread::yield();
  }
}

void release_slot(TempSlot& slot) { slot.state.store(kFree, std::memory_order_release); }

std::string describe(const std::string& what, const std::string& path, int err) {
  return "cannot " + what + " '" + path + "': " + std::strerror(err);
}

// Makes a new temporary file beside `target` with make(path) (a descriptor >= 0, or -1 and
// errno), registered in a slot before it exists so that a signal at any moment removes it;
// returns what make returned, or -1 with `error`. `dir` is created when make finds it missing:
// a month of 30,000 files pays no look at the folder before each one.
template <class Make>
int create_temp_with(const std::string& dir, const std::string& name, TempSlot*& slot, std::string& error,
                     Make make) {
  bool folder_made = false;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string path = dir + "/" + temp_file_name(name, getpid(), g_counter++);
    if (path.size() >= kPathBytes) {
      error = "the output path '" + dir + "/" + name + "' is too long";
      return -1;
    }
    TempSlot& armed = arm_slot(path);
    const int fd = make(path);
    if (fd >= 0) {
      slot = &armed;
      return fd;
    }
    const int err = errno;
    release_slot(armed);
    if ((err == ENOENT || err == ENOTDIR) && !folder_made) {
      folder_made = true;
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        error = "cannot create the output folder '" + dir + "': " + ec.message();
        return -1;
      }
      continue;
    }
    if (err != EEXIST) {
      error = describe("create", path, err);
      return -1;
    }
  }
  error = "cannot find a free temporary name in '" + dir + "'";
  return -1;
}

int create_temp(const std::string& dir, const std::string& name, TempSlot*& slot, std::string& error) {
  return create_temp_with(dir, name, slot, error, [](const std::string& path) {
    return open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  });
}

// Renames the armed temporary file over dir/name; on failure removes it. Releases the slot.
std::string commit_temp(TempSlot& slot, const std::string& dir, const std::string& name) {
  const std::string temp = slot.path;
  const std::string target = dir + "/" + name;
  if (rename(temp.c_str(), target.c_str()) != 0) {
    const int err = errno;
    unlink(temp.c_str());
    release_slot(slot);
    return describe("rename the temporary file to", target, err);
  }
  release_slot(slot);
  return {};
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

// The PID of a name of temp_file_name's pattern, or 0 when `name` is not of that pattern.
long temp_file_pid(std::string_view name) {
  const auto all_digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const std::size_t tmp = name.rfind(".tmp-");
  if (name.size() < 2 || name[0] != '.' || tmp == std::string_view::npos || tmp < 2) return 0;
  const std::string_view numbers = name.substr(tmp + 5);
  const std::size_t dash = numbers.find('-');
  if (dash == std::string_view::npos || !all_digits(numbers.substr(0, dash)) ||
      !all_digits(numbers.substr(dash + 1)))
    return 0;
  long pid = 0;
  const auto [end, ec] = std::from_chars(numbers.data(), numbers.data() + dash, pid);
  return ec == std::errc{} && pid > 0 && static_cast<pid_t>(pid) == pid ? pid : 0;
}

bool is_running(long pid) {
  return pid == getpid() || kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

std::string temp_file_name(const std::string& name, long pid, unsigned n) {
  return "." + name + ".tmp-" + std::to_string(pid) + "-" + std::to_string(n);
}

std::string write_file_atomically(const std::string& dir, const std::string& name,
                                  std::string_view bytes) {
  std::string error;
  std::unique_ptr<AtomicFile> file = AtomicFile::create(dir, name, error);
  if (!file) return error;
  file->write(bytes);
  return file->commit();
}

std::unique_ptr<AtomicFile> AtomicFile::create(const std::string& dir, const std::string& name, std::string& error) {
  TempSlot* slot = nullptr;
  const int fd = create_temp(dir, name, slot, error);
  if (fd < 0) return nullptr;
  return std::unique_ptr<AtomicFile>(new AtomicFile(dir, name, fd, slot));
}

AtomicFile::~AtomicFile() {
  if (!slot_) return;  // committed
  if (fd_ >= 0) close(fd_);
  TempSlot& slot = *static_cast<TempSlot*>(slot_);
  unlink(slot.path);
  release_slot(slot);
}

void AtomicFile::write(std::string_view bytes) {
  // Small pieces are gathered into writes of some 64 KiB (a run report comes a line at a time);
  // a large one, such as a whole document, is written as it is, not copied first.
  constexpr std::size_t kBuffer = std::size_t{64} << 10, kDirect = std::size_t{4} << 10;
  if (bytes.size() >= kDirect) {
    flush();
    if (!error_ && !write_all(fd_, bytes)) error_ = errno;
    return;
  }
  if (buffer_.size() + bytes.size() > kBuffer) flush();
  buffer_ += bytes;
}

void AtomicFile::flush() {
  if (!error_ && !write_all(fd_, buffer_)) error_ = errno;
  buffer_.clear();
}

std::string AtomicFile::commit() {
  flush();
  TempSlot& slot = *static_cast<TempSlot*>(std::exchange(slot_, nullptr));
  const int closed = close(std::exchange(fd_, -1));
  if (closed != 0 || error_) {
    const int err = error_ ? error_ : errno;
    const std::string temp = slot.path;
    unlink(slot.path);
    release_slot(slot);
    return describe("write", temp, err);
  }
  return commit_temp(slot, dir_, name_);
}

std::string link_file_atomically(const std::string& from, const std::string& dir, const std::string& name) {
  std::string error;
  TempSlot* slot = nullptr;
  const int made = create_temp_with(dir, name, slot, error, [&](const std::string& path) {
    return link(from.c_str(), path.c_str()) == 0 ? 0 : -1;
  });
  if (made < 0) return error;
  return commit_temp(*slot, dir, name);
}

std::string check_output_folder(const std::string& dir) {
  const auto cannot = [&](const std::string& why) {
    return "the output folder '" + dir + "' cannot be written: " + why + "; choose another with -o DIR";
  };
  namespace fs = std::filesystem;
  // The levels missing now are removed again after the probe: a run that writes nothing
  // leaves no trace.
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = fs::path(dir).lexically_normal(); !p.empty() && !fs::exists(fs::symlink_status(p, ec));
       p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(dir, ec);
  std::string error = ec ? ec.message() : "";
  if (!ec) {
    TempSlot* slot = nullptr;
    const int fd = create_temp(dir, "vanban-probe", slot, error);
    if (fd >= 0) {
      close(fd);
      unlink(slot->path);
      release_slot(*slot);
    }
  }
  for (const fs::path& p : missing) fs::remove(p, ec);  // deepest first; only if still empty
  return error.empty() ? error : cannot(error);
}

std::vector<std::string> remove_stale_temp_files(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> removed;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const long pid = temp_file_pid(name);
    std::error_code type_ec;
    if (pid == 0 || it->symlink_status(type_ec).type() != fs::file_type::regular || is_running(pid)) continue;
    // unlink removes the name itself: were it swapped for a link meanwhile, the link goes, not its target.
    if (unlink(it->path().c_str()) == 0) removed.push_back(name);
  }
  return removed;
}

std::unique_ptr<ScratchFile> ScratchFile::create(const std::string& dir, const std::string& name,
                                                 std::string& error) {
  TempSlot* slot = nullptr;
  const int fd = create_temp(dir, name, slot, error);
  if (fd < 0) return nullptr;
  close(fd);
  return std::unique_ptr<ScratchFile>(new ScratchFile(slot->path, slot));
}

ScratchFile::~ScratchFile() {
  unlink(path_.c_str());
  release_slot(*static_cast<TempSlot*>(slot_));
}

void install_cleanup_handlers() {
  for (int sig : kCleanupSignals) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = remove_temps_and_die;
    sigemptyset(&action.sa_mask);
    // Block the other cleanup signals while one is handled: the temporary files are unlinked once.
    for (int other : kCleanupSignals) sigaddset(&action.sa_mask, other);
    action.sa_flags = SA_RESETHAND;
    sigaction(sig, &action, nullptr);
  }
}

}  // namespace vanban
