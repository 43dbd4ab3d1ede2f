#include "register/schema.h"

#include <iterator>

namespace vanban::sql {

namespace {

// kMigrations[i] takes the database from version i to version i + 1.
constexpr const char* kMigrations[] = {
    // 1: the register proper (sổ đăng ký văn bản đi) and the Party committees' terms.
    R"sql(
      CREATE TABLE terms (
        issuer TEXT NOT NULL,
        start TEXT NOT NULL,  -- YYYY-MM-DD: first day of the term
        PRIMARY KEY (issuer, start)
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        issuer TEXT NOT NULL,       -- issuer code: UBND, TU
        type TEXT NOT NULL,         -- document type id: cong-van
        key TEXT NOT NULL,          -- stable identity within issuer and type
        series TEXT NOT NULL,       -- calendar year (2026) or term start (2025-10-15)
        series_type TEXT NOT NULL,  -- the type when the series is per type, else ''
        number INTEGER NOT NULL,
        date TEXT NOT NULL,         -- YYYY-MM-DD
        number_text TEXT NOT NULL DEFAULT '',  -- số, ký hiệu as printed: 01/UBND-VX
        family TEXT NOT NULL,
        type_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        signer TEXT NOT NULL,
        recipients TEXT NOT NULL,
        archive TEXT NOT NULL,
        copies INTEGER NOT NULL,
        notes TEXT NOT NULL,
        content_hash TEXT NOT NULL,  -- SHA-256 of the markup without number and date
        issued_at TEXT NOT NULL,     -- UTC, ISO 8601
        UNIQUE (issuer, series, series_type, number),
        UNIQUE (issuer, type, key)
      );
    )sql",
    // 2: the SHA-256 of each issued file, and the history of issues and re-issues (the
    // documents already issued get their first event).
    R"sql(
      CREATE TABLE files (
        document INTEGER NOT NULL REFERENCES documents (id),
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (document, name)
      );
      CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents (id),
        at TEXT NOT NULL,
        event TEXT NOT NULL,  -- issued | reissued (| signed | published, schema 4)
        old_hash TEXT NOT NULL DEFAULT '',
        new_hash TEXT NOT NULL
      );
      INSERT INTO history (document, at, event, new_hash)
        SELECT id, issued_at, 'issued', content_hash FROM documents ORDER BY id;
    )sql",
    // 3: an issuer is its code, name and parent line, not its code alone (two wards' UBND each
    // number from 01). The documents table is rebuilt for its UNIQUE constraints (run with
    // foreign keys off, SQLite's procedure for a changed table; ids are kept, so files and
    // history still point at their rows). Rows issued before keep an empty name: "not
    // recorded", claimed by the first body with their code issued after (Register::issue).
    // A term with an empty name is a term of every body with its code.
    R"sql(
      CREATE TABLE documents_v3 (
        id INTEGER PRIMARY KEY,
        issuer TEXT NOT NULL,         -- issuer code: UBND, TU
        issuer_name TEXT NOT NULL,    -- the issuing body as written; '' not recorded (schema < 3)
        issuer_parent TEXT NOT NULL,  -- its parent line, or ''
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        series TEXT NOT NULL,
        series_type TEXT NOT NULL,
        number INTEGER NOT NULL,
        date TEXT NOT NULL,
        number_text TEXT NOT NULL DEFAULT '',
        family TEXT NOT NULL,
        type_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        signer TEXT NOT NULL,
        recipients TEXT NOT NULL,
        archive TEXT NOT NULL,
        copies INTEGER NOT NULL,
        notes TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        UNIQUE (issuer, issuer_name, issuer_parent, series, series_type, number),
        UNIQUE (issuer, issuer_name, issuer_parent, type, key)
      );
      INSERT INTO documents_v3
        SELECT id, issuer, '', '', type, key, series, series_type, number, date, number_text, family, type_name,
               subject, signer, recipients, archive, copies, notes, content_hash, issued_at
        FROM documents;
      DROP TABLE documents;
      ALTER TABLE documents_v3 RENAME TO documents;
      CREATE TABLE terms_v3 (
        issuer TEXT NOT NULL,
        issuer_name TEXT NOT NULL,    -- '': every body with this code
        issuer_parent TEXT NOT NULL,
        start TEXT NOT NULL,
        PRIMARY KEY (issuer, issuer_name, issuer_parent, start)
      );
      INSERT INTO terms_v3 SELECT issuer, '', '', start FROM terms;
      DROP TABLE terms;
      ALTER TABLE terms_v3 RENAME TO terms;
    )sql",
    // 4: the steps after issuing are recorded too: 'signed' (the PDF signed: the SHA-256 it
    // replaces and its own) and 'published' (put on the board's site). `file` names the file the
    // event concerns; issues and re-issues concern the content and leave it empty. A vanban older
    // than this version, which would not know those events, refuses the register.
    R"sql(
      ALTER TABLE history ADD COLUMN file TEXT NOT NULL DEFAULT '';
    )sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(std::size(kMigrations)); }

int schema_version(Database& db) {
  Statement s = db.prepare("PRAGMA user_version");
  return s.step() ? static_cast<int>(s.integer(0)) : -1;
}

std::string migrate(Database& db, int target) {
  // Migration 3 replaces a table that others reference; SQLite asks for foreign keys off then.
  if (std::string error = db.exec("PRAGMA foreign_keys = OFF"); !error.empty()) return error;
  Transaction transaction(db, Transaction::Kind::Write);
  if (!transaction.error().empty()) return transaction.error();
  // Read inside the transaction: another process may have migrated meanwhile.
  const int version = schema_version(db);
  if (version < 0) return db.last_error();
  if (version > latest_schema_version())
    return "the register has schema version " + std::to_string(version) + ", newer than this vanban (" +
           std::to_string(latest_schema_version()) + "); use a newer vanban";
  if (version >= target) return {};
  for (int v = version; v < target; ++v)
    if (std::string error = db.exec(kMigrations[v]); !error.empty())
      return "migration to schema version " + std::to_string(v + 1) + " failed: " + error;
  if (std::string error = db.exec("PRAGMA user_version = " + std::to_string(target)); !error.empty()) return error;
  if (Statement check = db.prepare("PRAGMA foreign_key_check"); check.step())
    return "migration to schema version " + std::to_string(target) + " left a file or history row without its document";
  return transaction.commit();
}

}  // namespace vanban::sql
