// RAII handles on SQLite (the register's database): a connection, prepared statements and
// write transactions. sqlite3.h stays inside this module; errors are returned as text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace vanban::sql {

class Statement;

class Database {
 public:
  // Threads: a connection used by one thread only needs no lock around each call (a tenth of
  // a month store's instructions went to them).
  enum class Threads { Many, One };
  // Opens (creating if missing) the file, with a busy timeout so that a second process waits
  // for the first one's transaction instead of failing. Null with `error` set on failure.
  static std::optional<Database> open(const std::string& path, std::string& error,
                                      Threads threads = Threads::Many);
  // A scratch database, a file that does not outlive the run, for one thread at a time: no
  // rollback journal (a failed run's file is thrown away, never repaired), no sync, a page cache
  // of `cache_kib` whatever the file's size (it bounds the memory), sorts and temporary tables in
  // memory, never in a folder outside the one the file is in. `exclusive`: its locks are taken
  // once and kept (SQLite's locking_mode EXCLUSIVE): a connection that writes keeps the file to
  // itself, one that only reads keeps a shared lock that other readers share.
  struct Scratch {
    int cache_kib;
    bool exclusive = false;
  };
  static std::optional<Database> open_scratch(const std::string& path, std::string& error, Scratch scratch);

  // Runs one or more statements without results; empty string, or why it failed.
  std::string exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::string last_error() const;
  long long last_insert_id() const;
  // Rows written by the last INSERT, UPDATE or DELETE: 0 for an INSERT OR IGNORE that met its key.
  int changes() const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  explicit Database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, Closer> db_;
};

// A prepared statement; bind parameters are numbered from 1, columns from 0. A statement that
// failed to prepare reports the error on its first step().
class Statement {
 public:
  Statement& bind(int index, std::string_view text);
  // As bind, without copying the text: it must stay alive until the statement's next reset().
  Statement& bind_view(int index, std::string_view text);
  // As bind_view, a BLOB: compared byte by byte (memcmp), as sort keys are.
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind(int index, long long value);
  Statement& bind_null(int index);
  // Ready to run again, its bindings cleared: a statement prepared once serves a million rows.
  // A failure stays reported by failed().
  void reset();
  // true: a row is ready; false: done or failed (see failed()).
  bool step();
  bool failed() const { return failed_; }
  std::string text(int column) const;
  // The column's text without a copy, valid until the next step, reset or column call.
  std::string_view view(int column) const;
  long long integer(int column) const;
  bool is_null(int column) const;

 private:
  friend class Database;
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const;
  };
  explicit Statement(sqlite3_stmt* s) : stmt_(s), failed_(s == nullptr) {}
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  bool failed_;
};

// A transaction, rolled back unless committed. A write transaction is BEGIN IMMEDIATE: it takes
// the write lock at once, so that reading the last number and writing the next one cannot
// interleave with another process. A read transaction sees one snapshot across statements.
class Transaction {
 public:
  enum class Kind { Read, Write };
  Transaction(Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  const std::string& error() const { return error_; }  // non-empty: BEGIN failed
  std::string commit();

 private:
  Database& db_;
  std::string error_;
  bool open_ = false;
};

}  // namespace vanban::sql
