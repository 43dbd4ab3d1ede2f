#include "register/sqlite.h"

#include <sqlite3.h>

namespace vanban::sql {

namespace {
// A second process issuing at the same time holds the write lock for milliseconds; a minute
// covers a slow disk without hanging forever on a stuck one.
constexpr int kBusyTimeoutMs = 60'000;
}  // namespace

void Database::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void Statement::Finalizer::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

std::optional<Database> Database::open(const std::string& path, std::string& error, Threads threads) {
  sqlite3* raw = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                    (threads == Threads::One ? SQLITE_OPEN_NOMUTEX : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) {
    error = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return std::nullopt;
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  return db;
}

std::optional<Database> Database::open_scratch(const std::string& path, std::string& error, Scratch scratch) {
  std::optional<Database> db = open(path, error, Threads::One);
  if (!db) return db;
  error = db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -" +
                   std::to_string(scratch.cache_kib) + (scratch.exclusive ? "; PRAGMA locking_mode = EXCLUSIVE" : ""));
  if (!error.empty()) return std::nullopt;
  return db;
}

std::string Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return {};
  std::string out = message ? message : last_error();
  sqlite3_free(message);
  return out;
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
    s = nullptr;
  return Statement(s);
}

std::string Database::last_error() const { return sqlite3_errmsg(db_.get()); }
long long Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }

Statement& Statement::bind(int index, std::string_view text) {
  if (stmt_ && sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                                 SQLITE_TRANSIENT) != SQLITE_OK)
    failed_ = true;
  return *this;
}

Statement& Statement::bind_view(int index, std::string_view text) {
  if (stmt_ && sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()),
                                 SQLITE_STATIC) != SQLITE_OK)
    failed_ = true;
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  if (stmt_ && sqlite3_bind_blob(stmt_.get(), index, bytes.data(), static_cast<int>(bytes.size()),
                                 SQLITE_STATIC) != SQLITE_OK)
    failed_ = true;
  return *this;
}

Statement& Statement::bind(int index, long long value) {
  if (stmt_ && sqlite3_bind_int64(stmt_.get(), index, value) != SQLITE_OK) failed_ = true;
  return *this;
}

Statement& Statement::bind_null(int index) {
  if (stmt_ && sqlite3_bind_null(stmt_.get(), index) != SQLITE_OK) failed_ = true;
  return *this;
}

void Statement::reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_.get());  // returns the last step's error, which step() recorded already
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::step() {
  if (failed_) return false;
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) failed_ = true;
  return false;
}

std::string Statement::text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), column);
  return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_.get(), column)) : "";
}

std::string_view Statement::view(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), column);
  return t ? std::string_view(reinterpret_cast<const char*>(t), sqlite3_column_bytes(stmt_.get(), column)) : "";
}

long long Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
  error_ = db_.exec(kind == Kind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = error_.empty();
}

Transaction::~Transaction() {
  if (open_) db_.exec("ROLLBACK");
}

std::string Transaction::commit() {
  std::string error = db_.exec("COMMIT");
  if (error.empty()) open_ = false;
  return error;
}

}  // namespace vanban::sql
