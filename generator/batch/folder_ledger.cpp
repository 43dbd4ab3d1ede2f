#include "batch/folder_ledger.h"

#include <utility>

#include "batch/write_if_changed.h"

namespace vanban {

namespace {

// Nothing in it outlives the run: a scratch database (register/sqlite.h), locked once, in one
// transaction never committed (a crash loses nothing that the manifest saved along the way does
// not keep). Its cache, not the documents, bounds its memory.
constexpr sql::Database::Scratch kScratch{16384, true};
constexpr std::string_view kSchema = R"(
  CREATE TABLE manifest (name TEXT PRIMARY KEY, hash TEXT, pdf INTEGER, html INTEGER,
                         booklet INTEGER, article INTEGER) WITHOUT ROWID;
  CREATE TABLE claimed (name TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE unclaimed (name TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE planned (k INTEGER PRIMARY KEY, item INTEGER, name TEXT, register_id INTEGER,
                        number INTEGER, year INTEGER, month INTEGER, day INTEGER, hash TEXT);
  CREATE TABLE written (name TEXT PRIMARY KEY, kind TEXT, pages INTEGER, pdf INTEGER, html INTEGER,
                        booklet INTEGER) WITHOUT ROWID;
  CREATE TABLE listed (list INTEGER, name TEXT, PRIMARY KEY (list, name)) WITHOUT ROWID;
  BEGIN;
)";

long long as_int(std::uint64_t n) { return static_cast<long long>(n); }
std::uint64_t as_size(long long n) { return static_cast<std::uint64_t>(n); }

}  // namespace

struct FolderLedger::Statements {
  explicit Statements(sql::Database& db)
      : find(db.prepare("SELECT hash, pdf, html, booklet, article FROM manifest WHERE name = ?")),
        record(db.prepare("INSERT OR REPLACE INTO manifest VALUES (?, ?, ?, ?, ?, ?)")),
        forget(db.prepare("DELETE FROM manifest WHERE name = ?")),
        manifest(db.prepare("SELECT name, hash, pdf, html, booklet, article FROM manifest ORDER BY name")),
        claim(db.prepare("INSERT OR IGNORE INTO claimed VALUES (?)")),
        plan(db.prepare("INSERT INTO planned VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        planned(db.prepare(
            "SELECT item, name, register_id, number, year, month, day, hash FROM planned WHERE k = ?")),
        written(db.prepare("INSERT INTO written VALUES (?, ?, ?, ?, ?, ?)")),
        listed(db.prepare("INSERT INTO listed VALUES (?, ?)")) {}
  sql::Statement find, record, forget, manifest, claim, plan, planned, written, listed;
};

std::unique_ptr<FolderLedger> FolderLedger::open(const std::string& dir, std::string& error) {
  std::unique_ptr<ScratchFile> file = ScratchFile::create(dir, "build.sqlite", error);
  if (!file) return nullptr;
  // One call at a time under the ledger's own lock: SQLite's locks around each call are not needed.
  std::optional<sql::Database> db = sql::Database::open_scratch(file->path(), error, kScratch);
  if (!db) return nullptr;
  error = db->exec(kSchema);
  if (!error.empty()) return nullptr;
  std::unique_ptr<FolderLedger> ledger(new FolderLedger(dir, std::move(file), std::move(*db)));
  read_manifest(dir, [&](std::string_view name, const ManifestEntry& entry) { ledger->record(name, entry); });
  error = ledger->error();
  if (!error.empty()) return nullptr;
  return ledger;
}

FolderLedger::FolderLedger(std::string dir, std::unique_ptr<ScratchFile> file, sql::Database db)
    : dir_(std::move(dir)), file_(std::move(file)), db_(std::move(db)),
      statements_(std::make_unique<Statements>(db_)) {}

FolderLedger::~FolderLedger() = default;

void FolderLedger::run(sql::Statement& statement) const {
  while (statement.step()) {
  }
  done(statement);
}

void FolderLedger::done(sql::Statement& statement) const {
  if (statement.failed() && error_.empty()) error_ = db_.last_error();
  statement.reset();
}

std::optional<ManifestEntry> FolderLedger::recorded_locked(std::string_view name) const {
  sql::Statement& find = statements_->find;
  find.bind_view(1, name);
  std::optional<ManifestEntry> entry;
  if (find.step())
    entry = ManifestEntry{find.text(0), as_size(find.integer(1)), as_size(find.integer(2)),
                          as_size(find.integer(3)), as_size(find.integer(4))};
  done(find);
  return entry;
}

std::optional<ManifestEntry> FolderLedger::recorded(std::string_view name) const {
  std::lock_guard lock(mutex_);
  return recorded_locked(name);
}

void FolderLedger::record(std::string_view name, const ManifestEntry& e) {
  std::lock_guard lock(mutex_);
  sql::Statement& record = statements_->record;
  record.bind_view(1, name).bind_view(2, e.hash).bind(3, as_int(e.pdf_bytes)).bind(4, as_int(e.html_bytes));
  record.bind(5, as_int(e.booklet_bytes)).bind(6, as_int(e.article_bytes));
  run(record);
}

bool FolderLedger::remove_outputs(std::string_view name) {
  std::lock_guard lock(mutex_);
  return remove_outputs_locked(name);
}

bool FolderLedger::remove_outputs_locked(std::string_view name) {
  const std::optional<ManifestEntry> entry = recorded_locked(name);
  if (!entry) return false;
  remove_recorded_outputs(dir_, name, *entry);
  statements_->forget.bind_view(1, name);
  run(statements_->forget);
  return true;
}

void FolderLedger::remove_unclaimed() {
  std::lock_guard lock(mutex_);
  // Listed first, then forgotten: the manifest does not change while it is read. One row a
  // statement: a statement writing many would want a journal of its own.
  sql::Statement gone = db_.prepare(
      "SELECT name FROM manifest WHERE NOT EXISTS (SELECT 1 FROM claimed WHERE claimed.name = manifest.name) "
      "ORDER BY name");
  sql::Statement keep = db_.prepare("INSERT INTO unclaimed VALUES (?)");
  while (gone.step()) {
    keep.bind_view(1, gone.view(0));
    run(keep);
  }
  done(gone);
  sql::Statement names = db_.prepare("SELECT name FROM unclaimed ORDER BY name");
  while (names.step()) {
    const std::string name = names.text(0);
    if (remove_outputs_locked(name)) add_locked(Listed::Removed, name);
  }
  done(names);
}

std::string FolderLedger::save_manifest() const {
  std::lock_guard lock(mutex_);
  FileIfChanged file(dir_, kManifestFile);
  file.write(manifest_header());
  sql::Statement& rows = statements_->manifest;
  while (rows.step())
    file.write(manifest_line(rows.view(0), {rows.text(1), as_size(rows.integer(2)), as_size(rows.integer(3)),
                                            as_size(rows.integer(4)), as_size(rows.integer(5))}));
  const bool complete = !rows.failed();
  done(rows);
  // A manifest missing entries would only cost renders; one read half would cost nothing, but
  // it is not written: the old file stays.
  if (!complete) return "cannot read the build's records: " + error_;
  return file.finish();
}

bool FolderLedger::claim(std::string_view name) {
  std::lock_guard lock(mutex_);
  statements_->claim.bind_view(1, name);
  run(statements_->claim);
  return db_.changes() == 1;
}

void FolderLedger::plan(const PlannedDocument& d) {
  std::lock_guard lock(mutex_);
  sql::Statement& plan = statements_->plan;
  plan.bind(1, static_cast<long long>(planned_)).bind(2, static_cast<long long>(d.item)).bind_view(3, d.name);
  plan.bind(4, d.register_id).bind(5, d.number).bind(6, d.date.year).bind(7, d.date.month).bind(8, d.date.day);
  if (!d.hash.empty()) plan.bind_view(9, d.hash);
  run(plan);
  ++planned_;
}

std::size_t FolderLedger::planned() const {
  std::lock_guard lock(mutex_);
  return planned_;
}

std::optional<PlannedDocument> FolderLedger::planned(std::size_t k) const {
  std::lock_guard lock(mutex_);
  sql::Statement& row = statements_->planned;
  row.bind(1, static_cast<long long>(k));
  std::optional<PlannedDocument> found;
  if (row.step()) {
    PlannedDocument& d = found.emplace();
    d.item = static_cast<std::size_t>(row.integer(0));
    d.name = row.text(1);
    d.register_id = row.integer(2);
    d.number = static_cast<int>(row.integer(3));
    d.date = {static_cast<int>(row.integer(4)), static_cast<int>(row.integer(5)), static_cast<int>(row.integer(6))};
    d.hash = row.text(7);
  } else if (!row.failed() && error_.empty()) {
    error_ = "document " + std::to_string(k) + " of the plan is missing";
  }
  done(row);
  return found;
}

void FolderLedger::add_written(const BuiltDocument& d) {
  std::lock_guard lock(mutex_);
  sql::Statement& written = statements_->written;
  written.bind_view(1, d.name).bind_view(2, d.kind).bind(3, d.pages).bind(4, as_int(d.pdf_bytes));
  written.bind(5, as_int(d.html_bytes)).bind(6, as_int(d.booklet_bytes));
  run(written);
  ++written_;
}

void FolderLedger::add(Listed list, std::string_view name) {
  std::lock_guard lock(mutex_);
  add_locked(list, name);
}

void FolderLedger::add_locked(Listed list, std::string_view name) {
  statements_->listed.bind(1, static_cast<long long>(list)).bind_view(2, name);
  run(statements_->listed);
  ++counts_[static_cast<int>(list)];
}

std::size_t FolderLedger::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

std::size_t FolderLedger::count(Listed list) const {
  std::lock_guard lock(mutex_);
  return counts_[static_cast<int>(list)];
}

void FolderLedger::for_each_written(const std::function<void(const BuiltDocument&)>& take) const {
  std::lock_guard lock(mutex_);
  sql::Statement rows = db_.prepare("SELECT name, kind, pages, pdf, html, booklet FROM written ORDER BY name");
  BuiltDocument d;
  while (rows.step()) {
    d.name = rows.text(0);
    d.kind = rows.text(1);
    d.pages = static_cast<int>(rows.integer(2));
    d.pdf_bytes = as_size(rows.integer(3));
    d.html_bytes = as_size(rows.integer(4));
    d.booklet_bytes = as_size(rows.integer(5));
    take(d);
  }
  done(rows);
}

void FolderLedger::for_each(Listed list, const std::function<void(std::string_view name)>& take) const {
  std::lock_guard lock(mutex_);
  sql::Statement rows = db_.prepare("SELECT name FROM listed WHERE list = ? ORDER BY name");
  rows.bind(1, static_cast<long long>(list));
  while (rows.step()) take(rows.view(0));
  done(rows);
}

std::string FolderLedger::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

}  // namespace vanban
