// The outgoing-document register of one office (sổ đăng ký văn bản đi): a SQLite file that
// hands out numbers per issuer and series without gaps or duplicates, even to processes issuing
// at the same time, and records every document issued.
//
// Issuing is two calls: issue() gives the number and date (in one write transaction), the
// caller renders the document with them and record_output() stores the printed number and the
// files' hashes. An identity issued again with the same content gets the same number and date
// back, so callers can simply issue everything on every run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/diagnostic.h"
#include "profile/profile.h"
#include "register/register_entry.h"
#include "register/sqlite.h"

namespace vanban {

struct IssueRequest {
  DocumentIdentity identity;
  std::string content_hash;  // SHA-256 of the markup without number and date
  NumberingSetup numbering;  // the profile's series rule
  CivilDate date;            // the issue date of a new number; an issued one keeps its own
  bool reissue = false;      // accept changed content for an identity already issued
  DocumentDetails details;
};

struct IssuedNumber {
  enum class Status { New, Unchanged, Reissued };
  long long id = 0;  // the register entry, for record_output()
  int number = 0;
  CivilDate date;
  Status status = Status::New;
};

class Register {
 public:
  // Opens the file, creating it (WAL mode) and migrating its schema as needed. Errors name
  // the file.
  static Result<Register> open(const std::string& path);

  // Diagnostics without a file are about the document (the caller adds its place): content
  // changed since it was issued, a date before the series' last one, no term for a Party date.
  Result<IssuedNumber> issue(const IssueRequest& request);

  // After rendering: the number as printed and the SHA-256 of each file written.
  Result<bool> record_output(long long id, const std::string& number_text, const std::vector<IssuedFile>& files);

  // A signed PDF in place of the file recorded under its name: its SHA-256 replaces the unsigned
  // one's, and the history gets a "signed" event with both.
  Result<bool> record_signed(long long id, const IssuedFile& signed_pdf);
  // The document put on the board's site: a "published" event with the PDF's name and SHA-256.
  // The same file published again records nothing new.
  Result<bool> record_published(long long id, const IssuedFile& pdf);

  // Records the first day of a term of `issuer` (the day after a congress closes); documents of
  // a term-series issuer dated on or after it are numbered from 01 again. An issuer with an
  // empty name stands for every body with its code (a level's congresses end together).
  Result<bool> add_term(const IssuerIdentity& issuer, const CivilDate& start);
  Result<std::vector<std::pair<IssuerIdentity, CivilDate>>> terms();

  // Every entry in register order (date, then issue order), files and history included.
  Result<std::vector<RegisterEntry>> entries();
  // The entry of one document, files and history included; nullopt when it was never issued.
  Result<std::optional<RegisterEntry>> entry(const DocumentIdentity& identity);

  const std::string& path() const { return path_; }

 private:
  Register(std::string path, sql::Database db) : path_(std::move(path)), db_(std::move(db)) {}
  Diagnostic database_error(const std::string& what);
  std::optional<RegisterEntry> find(const DocumentIdentity& identity);
  // Entries in register order, all of them or those of `only`.
  Result<std::vector<RegisterEntry>> read_entries(const DocumentIdentity* only);
  Result<bool> add_event(long long id, const HistoryEvent& event);
  // The series key of `date` ("2026" or a term start); empty with `error` set when none.
  std::string series_of(const IssueRequest& request, std::string& error);

  std::string path_;
  sql::Database db_;
};

}  // namespace vanban
