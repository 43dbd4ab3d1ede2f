// Writing an output file so that it is never seen half written: the bytes go to a temporary
// file in the same folder (".NAME.tmp-PID-N", created with O_EXCL), which is then renamed over
// the target. On any failure, and on SIGINT, SIGTERM or SIGHUP, the temporary file is removed.
// Several threads may write at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

// Creates `dir` if needed, then writes `bytes` to dir/name atomically. Returns an empty string
// on success, else why it failed (nothing is left behind then).
std::string write_file_atomically(const std::string& dir, const std::string& name,
                                  std::string_view bytes);

// The same written in pieces, for a file too large to be made whole in memory first (the
// manifest and run report of a month of a million documents): the pieces go to the temporary
// file, which commit() renames over dir/name; destroyed uncommitted, it is removed.
class AtomicFile {
 public:
  // Null with `error` set when the temporary file cannot be created.
  static std::unique_ptr<AtomicFile> create(const std::string& dir, const std::string& name, std::string& error);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // An empty string when dir/name now holds every piece written, else why not (nothing is left
  // behind then).
  std::string commit();

 private:
  AtomicFile(std::string dir, std::string name, int fd, void* slot)
      : dir_(std::move(dir)), name_(std::move(name)), fd_(fd), slot_(slot) {}
  void flush();
  std::string dir_;
  std::string name_;
  int fd_;
  void* slot_;          // the signal handler's entry for the temporary file (atomic_file.cpp)
  std::string buffer_;  // pieces not yet written
  int error_ = 0;       // errno of the first write that failed
};

// Makes dir/name a hard link to the file `from`, atomically in the same way (a temporary link
// renamed over the target). Returns why it failed, or an empty string; where the file system has
// no hard links, or `from` is on another one, it fails and leaves nothing behind.
std::string link_file_atomically(const std::string& from, const std::string& dir, const std::string& name);

// Proves `dir` writable, before anything is rendered, by creating it if needed and a temporary
// file in it, then removing both: an empty string when it is, else one message saying why.
std::string check_output_folder(const std::string& dir);

// The temporary name of the N-th file written by process `pid`: ".NAME.tmp-PID-N".
std::string temp_file_name(const std::string& name, long pid, unsigned n);

// Removes what a run killed without a chance to clean up (kill -9, a power cut) left in `dir`:
// the regular files directly inside it named ".NAME.tmp-PID-N" whose process PID is no longer
// running. Nothing else, nothing below `dir`, no symbolic link is followed or removed. Returns
// the names removed.
std::vector<std::string> remove_stale_temp_files(const std::string& dir);

// A run's own scratch file in `dir`, never renamed into place: named and registered as the
// temporary files above (".NAME.tmp-PID-N"), so it is removed when destroyed, on SIGINT, SIGTERM
// or SIGHUP, and by remove_stale_temp_files after a kill -9. Created empty.
class ScratchFile {
 public:
  // Null with `error` set when `dir` cannot hold it.
  static std::unique_ptr<ScratchFile> create(const std::string& dir, const std::string& name, std::string& error);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  ScratchFile(std::string path, void* slot) : path_(std::move(path)), slot_(slot) {}
  std::string path_;
  void* slot_;  // the signal handler's entry for it (atomic_file.cpp)
};

// Installs the handlers that remove the temporary files in flight when the process is stopped by
// SIGINT, SIGTERM or SIGHUP, then let the signal end the process as usual. Signals the caller
// inherited as ignored stay ignored.
void install_cleanup_handlers();

}  // namespace vanban
