// One build's bookkeeping of an output folder, in a scratch SQLite database inside it
// (output/atomic_file.h's ScratchFile: gone with the ledger, or removed by the next run after a
// kill) instead of in memory, so that a month of a million documents holds none of it per
// document: the folder's manifest (batch/manifest.h) as the run changes it, the output names
// taken, the documents planned for the workers, and what became of each, for the run report.
// Every call may come from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "batch/manifest.h"
#include "model/civil_date.h"
#include "output/atomic_file.h"
#include "register/sqlite.h"

namespace vanban {

struct BuiltDocument {
  std::string name;
  std::string kind;  // the document type of its markup: "bao-cao", "cong-van", ...
  int pages = 0;     // of NAME.pdf, as laid out
  std::uint64_t pdf_bytes = 0;
  std::uint64_t html_bytes = 0;
  std::uint64_t booklet_bytes = 0;  // NAME-a5.pdf; 0: none
};

// A document the workers are to render, in the order planned.
struct PlannedDocument {
  std::size_t item = 0;  // in the job
  std::string name;
  // Issued through the register: its entry, the number and date it was issued with, and the hash
  // of the markup so numbered. 0: not issued; its worker hashes it.
  long long register_id = 0;
  int number = 0;
  CivilDate date;
  std::string hash;
};

// The run report's lists of names, besides the documents written.
enum class Listed { Unchanged, Failed, Removed };

class FolderLedger {
 public:
  // Holding the entries of DIR/manifest.txt. Null with `error` set when it cannot be made.
  static std::unique_ptr<FolderLedger> open(const std::string& dir, std::string& error);
  ~FolderLedger();

  // The manifest's entry for `name`, or none.
  std::optional<ManifestEntry> recorded(std::string_view name) const;
  void record(std::string_view name, const ManifestEntry& entry);
  // Deletes the outputs recorded for `name` (remove_recorded_outputs) and forgets its entry;
  // false when it has none.
  bool remove_outputs(std::string_view name);
  // The same for every entry whose name was not claimed in this run, each listed as Removed.
  void remove_unclaimed();
  // Writes DIR/manifest.txt from the entries, unless it already holds those bytes; an empty
  // string, or why it failed.
  std::string save_manifest() const;

  // False when `name` was claimed before in this run.
  bool claim(std::string_view name);

  void plan(const PlannedDocument& document);
  std::size_t planned() const;
  // k < planned(). None when the records cannot be read (a full disk, say): error() says why.
  std::optional<PlannedDocument> planned(std::size_t k) const;

  void add_written(const BuiltDocument& document);
  void add(Listed list, std::string_view name);
  std::size_t written() const;
  std::size_t count(Listed list) const;
  // In name order.
  void for_each_written(const std::function<void(const BuiltDocument&)>& take) const;
  void for_each(Listed list, const std::function<void(std::string_view name)>& take) const;

  // The first statement that failed, or empty: until then nothing was lost.
  std::string error() const;

 private:
  struct Statements;
  FolderLedger(std::string dir, std::unique_ptr<ScratchFile> file, sql::Database db);
  // Runs a statement without results; done() readies one for its next use, keeping the first
  // failure (a statement stepped past its end would start again).
  void run(sql::Statement& statement) const;
  void done(sql::Statement& statement) const;
  // The calls above, with the lock held.
  std::optional<ManifestEntry> recorded_locked(std::string_view name) const;
  bool remove_outputs_locked(std::string_view name);
  void add_locked(Listed list, std::string_view name);

  std::string dir_;
  std::unique_ptr<ScratchFile> file_;  // before db_: the database is closed first
  mutable sql::Database db_;
  std::unique_ptr<Statements> statements_;
  mutable std::mutex mutex_;
  mutable std::string error_;
  std::size_t planned_ = 0;
  std::size_t written_ = 0;
  std::size_t counts_[3] = {};
};

}  // namespace vanban
