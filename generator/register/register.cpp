#include "register/register.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>

#include "register/schema.h"

namespace vanban {

namespace {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char s[32];
  std::strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return s;
}

CivilDate date_column(const sql::Statement& s, int column) {
  return parse_iso_date(s.text(column)).value_or(CivilDate{});
}

Diagnostic refusal(std::string message) { return {"", 0, 0, std::move(message)}; }

// The issuer's columns, bound from `first`: code, name, parent.
void bind_issuer(sql::Statement& s, int first, const IssuerIdentity& issuer) {
  s.bind(first, issuer.code).bind(first + 1, issuer.name).bind(first + 2, issuer.parent);
}

constexpr const char* kSameIssuer = "issuer = ?1 AND issuer_name = ?2 AND issuer_parent = ?3";

// A shell word for the command a message suggests.
std::string quoted(const std::string& s) {
  if (!s.empty() && s.find_first_of(" '\"$`\\") == std::string::npos) return s;
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string describe(const IssuerIdentity& issuer) {
  if (issuer.name.empty()) return issuer.code;
  return issuer.code + " (" + issuer.name + (issuer.parent.empty() ? "" : ", " + issuer.parent) + ")";
}

std::string iso_date(const CivilDate& d) {
  char s[16];
  std::snprintf(s, sizeof s, "%04d-%02d-%02d", d.year, d.month, d.day);
  return s;
}

Result<Register> Register::open(const std::string& path) {
  std::string error;
  std::optional<sql::Database> db = sql::Database::open(path, error);
  if (!db) return Result<Register>::failure({path, 0, 0, "cannot open the register: " + error});
  // WAL: readers (register list) never block the one writer; the mode is kept in the file.
  if (sql::Statement wal = db->prepare("PRAGMA journal_mode = WAL"); !wal.step() || wal.text(0) != "wal")
    return Result<Register>::failure({path, 0, 0, "cannot open the register: " + db->last_error()});
  if (std::string e = sql::migrate(*db); !e.empty())
    return Result<Register>::failure({path, 0, 0, "cannot open the register: " + e});
  if (std::string e = db->exec("PRAGMA foreign_keys = ON"); !e.empty())
    return Result<Register>::failure({path, 0, 0, "cannot open the register: " + e});
  Result<Register> out;
  out.value.emplace(Register(path, std::move(*db)));
  return out;
}

Diagnostic Register::database_error(const std::string& what) {
  return {path_, 0, 0, what + ": " + db_.last_error()};
}

std::optional<RegisterEntry> Register::find(const DocumentIdentity& identity) {
  sql::Statement s = db_.prepare(std::string("SELECT id, number, date, content_hash FROM documents WHERE ") +
                                 kSameIssuer + " AND type = ?4 AND key = ?5");
  bind_issuer(s, 1, identity.issuer);
  s.bind(4, identity.type).bind(5, identity.key);
  if (!s.step()) return std::nullopt;
  RegisterEntry e;
  e.id = s.integer(0);
  e.identity = identity;
  e.number = static_cast<int>(s.integer(1));
  e.date = date_column(s, 2);
  e.content_hash = s.text(3);
  return e;
}

std::string Register::series_of(const IssueRequest& request, std::string& error) {
  if (request.numbering.series == NumberingSetup::Series::CalendarYear) return std::to_string(request.date.year);
  // A term of the body itself, or one recorded for every body with its code.
  sql::Statement s = db_.prepare(
      "SELECT max(start) FROM terms WHERE issuer = ?1 AND (issuer_name = '' OR (issuer_name = ?2 AND "
      "issuer_parent = ?3)) AND start <= ?4");
  const IssuerIdentity& issuer = request.identity.issuer;
  bind_issuer(s, 1, issuer);
  s.bind(4, iso_date(request.date));
  if (s.step() && !s.is_null(0)) return s.text(0);
  error = "no term of issuer '" + describe(issuer) + "' has begun by " + iso_date(request.date) +
          ", and its documents are numbered per term; record the first day of the current term with: "
          "vanban register term --issuer " + quoted(issuer.code) + " --name " + quoted(issuer.name) +
          (issuer.parent.empty() ? "" : " --parent " + quoted(issuer.parent)) + " --from YYYY-MM-DD";
  return {};
}

Result<IssuedNumber> Register::issue(const IssueRequest& request) {
  using Result = vanban::Result<IssuedNumber>;
  if (request.numbering.series == NumberingSetup::Series::None)
    return Result::failure(refusal("the layout profile has no <numbering> rule, so its documents cannot be issued"));
  sql::Transaction transaction(db_, sql::Transaction::Kind::Write);
  if (!transaction.error().empty()) return Result::failure({path_, 0, 0, transaction.error()});
  const std::string now = utc_now();

  // Rows from before the register knew issuers by name (schema 3) were one series per code:
  // the first body with that code to issue since takes them over and goes on numbering them.
  sql::Statement claim = db_.prepare(
      "UPDATE documents SET issuer_name = ?2, issuer_parent = ?3 WHERE issuer = ?1 AND issuer_name = '' AND NOT "
      "EXISTS (SELECT 1 FROM documents WHERE issuer = ?1 AND issuer_name <> '')");
  bind_issuer(claim, 1, request.identity.issuer);
  claim.step();
  if (claim.failed()) return Result::failure(database_error("cannot read the register"));

  if (const std::optional<RegisterEntry> issued = find(request.identity)) {
    IssuedNumber out{issued->id, issued->number, issued->date, IssuedNumber::Status::Unchanged};
    if (issued->content_hash == request.content_hash) return Result{out, {}};
    if (!request.reissue)
      return Result::failure(refusal(
          "the content has changed since it was issued as number " + std::to_string(issued->number) + " on " +
          iso_date(issued->date) + "; re-issue it explicitly (vanban issue --reissue) to keep that number and date, "
          "which the register's history records"));
    const DocumentDetails& d = request.details;
    sql::Statement update = db_.prepare(
        "UPDATE documents SET content_hash = ?2, family = ?3, type_name = ?4, subject = ?5, signer = ?6, "
        "recipients = ?7, archive = ?8, copies = ?9, notes = ?10 WHERE id = ?1");
    update.bind(1, issued->id).bind(2, request.content_hash).bind(3, d.family).bind(4, d.type_name);
    update.bind(5, d.subject).bind(6, d.signer).bind(7, d.recipients).bind(8, d.archive);
    update.bind(9, static_cast<long long>(d.copies)).bind(10, d.notes);
    update.step();
    sql::Statement event = db_.prepare(
        "INSERT INTO history (document, at, event, old_hash, new_hash) VALUES (?1, ?2, 'reissued', ?3, ?4)");
    event.bind(1, issued->id).bind(2, now).bind(3, issued->content_hash).bind(4, request.content_hash);
    event.step();
    if (update.failed() || event.failed()) return Result::failure(database_error("cannot record the re-issue"));
    if (std::string e = transaction.commit(); !e.empty()) return Result::failure({path_, 0, 0, e});
    out.status = IssuedNumber::Status::Reissued;
    return Result{out, {}};
  }

  std::string error;
  const std::string series = series_of(request, error);
  if (series.empty()) return Result::failure(refusal(error));
  const std::string series_type = request.numbering.per_type ? request.identity.type : "";

  // The last number of the series, read under the write lock: nobody can take it meanwhile.
  IssuedNumber out{0, 1, request.date, IssuedNumber::Status::New};
  sql::Statement last = db_.prepare(std::string("SELECT number, date, number_text FROM documents WHERE ") +
                                    kSameIssuer + " AND series = ?4 AND series_type = ?5 ORDER BY number DESC LIMIT 1");
  bind_issuer(last, 1, request.identity.issuer);
  last.bind(4, series).bind(5, series_type);
  if (last.step()) {
    const CivilDate last_date = date_column(last, 1);
    // Numbers follow the order of issue dates (NĐ 30 Điều 15): no number after a later one.
    if (request.date < last_date)
      return Result::failure(refusal("the date " + iso_date(request.date) + " is before " + iso_date(last_date) +
                                     ", the date of number " +
                                     (last.text(2).empty() ? std::to_string(last.integer(0)) : last.text(2)) +
                                     ", the last one issued in its series; numbers follow the order of dates"));
    out.number = static_cast<int>(last.integer(0)) + 1;
  } else if (last.failed()) {
    return Result::failure(database_error("cannot read the register"));
  }

  const DocumentDetails& d = request.details;
  sql::Statement insert = db_.prepare(
      "INSERT INTO documents (issuer, type, key, series, series_type, number, date, family, type_name, subject, "
      "signer, recipients, archive, copies, notes, content_hash, issued_at, issuer_name, issuer_parent) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
  insert.bind(1, request.identity.issuer.code).bind(2, request.identity.type).bind(3, request.identity.key);
  insert.bind(18, request.identity.issuer.name).bind(19, request.identity.issuer.parent);
  insert.bind(4, series).bind(5, series_type).bind(6, static_cast<long long>(out.number));
  insert.bind(7, iso_date(request.date)).bind(8, d.family).bind(9, d.type_name).bind(10, d.subject);
  insert.bind(11, d.signer).bind(12, d.recipients).bind(13, d.archive).bind(14, static_cast<long long>(d.copies));
  insert.bind(15, d.notes).bind(16, request.content_hash).bind(17, now);
  insert.step();
  if (insert.failed()) return Result::failure(database_error("cannot record the document"));
  out.id = db_.last_insert_id();
  sql::Statement event =
      db_.prepare("INSERT INTO history (document, at, event, new_hash) VALUES (?1, ?2, 'issued', ?3)");
  event.bind(1, out.id).bind(2, now).bind(3, request.content_hash);
  event.step();
  if (event.failed()) return Result::failure(database_error("cannot record the document"));
  if (std::string e = transaction.commit(); !e.empty()) return Result::failure({path_, 0, 0, e});
  return Result{out, {}};
}

Result<bool> Register::record_output(long long id, const std::string& number_text,
                                     const std::vector<IssuedFile>& files) {
  sql::Transaction transaction(db_, sql::Transaction::Kind::Write);
  if (!transaction.error().empty()) return Result<bool>::failure({path_, 0, 0, transaction.error()});
  sql::Statement update = db_.prepare("UPDATE documents SET number_text = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, number_text);
  update.step();
  bool failed = update.failed();
  for (const IssuedFile& f : files) {
    sql::Statement put = db_.prepare("INSERT OR REPLACE INTO files (document, name, sha256) VALUES (?1, ?2, ?3)");
    put.bind(1, id).bind(2, f.name).bind(3, f.sha256);
    put.step();
    failed = failed || put.failed();
  }
  if (failed) return Result<bool>::failure(database_error("cannot record the files issued"));
  if (std::string e = transaction.commit(); !e.empty()) return Result<bool>::failure({path_, 0, 0, e});
  return Result<bool>{true, {}};
}

Result<bool> Register::add_term(const IssuerIdentity& issuer, const CivilDate& start) {
  sql::Transaction transaction(db_, sql::Transaction::Kind::Write);
  if (!transaction.error().empty()) return Result<bool>::failure({path_, 0, 0, transaction.error()});
  // A term series is a start date (10 characters), a calendar one a year (4).
  // A term without a name is one of every body with the code.
  sql::Statement numbered = db_.prepare(
      "SELECT count(*) FROM documents WHERE issuer = ?1 AND (?2 = '' OR (issuer_name = ?2 AND issuer_parent = ?3)) "
      "AND date >= ?4 AND length(series) = 10 AND series < ?4");
  bind_issuer(numbered, 1, issuer);
  numbered.bind(4, iso_date(start));
  if (!numbered.step()) return Result<bool>::failure(database_error("cannot read the register"));
  if (const long long n = numbered.integer(0); n > 0)
    return Result<bool>::failure(
        {path_, 0, 0,
         std::to_string(n) + " document(s) of '" + describe(issuer) + "' dated on or after " + iso_date(start) +
             " are already numbered in an earlier term; a term cannot begin before them"});
  sql::Statement insert = db_.prepare(
      "INSERT OR IGNORE INTO terms (issuer, issuer_name, issuer_parent, start) VALUES (?1, ?2, ?3, ?4)");
  bind_issuer(insert, 1, issuer);
  insert.bind(4, iso_date(start));
  insert.step();
  if (insert.failed()) return Result<bool>::failure(database_error("cannot record the term"));
  if (std::string e = transaction.commit(); !e.empty()) return Result<bool>::failure({path_, 0, 0, e});
  return Result<bool>{true, {}};
}

Result<std::vector<std::pair<IssuerIdentity, CivilDate>>> Register::terms() {
  Result<std::vector<std::pair<IssuerIdentity, CivilDate>>> out;
  out.value.emplace();
  sql::Statement s = db_.prepare(
      "SELECT issuer, issuer_name, issuer_parent, start FROM terms ORDER BY issuer, issuer_name, issuer_parent, start");
  while (s.step()) out.value->emplace_back(IssuerIdentity{s.text(0), s.text(1), s.text(2)}, date_column(s, 3));
  if (s.failed()) return decltype(out)::failure(database_error("cannot read the register"));
  return out;
}

Result<bool> Register::add_event(long long id, const HistoryEvent& e) {
  sql::Statement event = db_.prepare(
      "INSERT INTO history (document, at, event, old_hash, new_hash, file) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  event.bind(1, id).bind(2, e.at).bind(3, e.event).bind(4, e.old_hash).bind(5, e.new_hash).bind(6, e.file);
  event.step();
  if (event.failed()) return Result<bool>::failure(database_error("cannot record the " + e.event + " event"));
  return Result<bool>{true, {}};
}

Result<bool> Register::record_signed(long long id, const IssuedFile& signed_pdf) {
  sql::Transaction transaction(db_, sql::Transaction::Kind::Write);
  if (!transaction.error().empty()) return Result<bool>::failure({path_, 0, 0, transaction.error()});
  sql::Statement before = db_.prepare("SELECT sha256 FROM files WHERE document = ?1 AND name = ?2");
  before.bind(1, id).bind(2, signed_pdf.name);
  const std::string unsigned_hash = before.step() ? before.text(0) : "";
  sql::Statement put = db_.prepare("INSERT OR REPLACE INTO files (document, name, sha256) VALUES (?1, ?2, ?3)");
  put.bind(1, id).bind(2, signed_pdf.name).bind(3, signed_pdf.sha256);
  put.step();
  if (before.failed() || put.failed()) return Result<bool>::failure(database_error("cannot record the signed file"));
  if (Result<bool> ok = add_event(id, {utc_now(), "signed", unsigned_hash, signed_pdf.sha256, signed_pdf.name}); !ok.ok())
    return ok;
  if (std::string e = transaction.commit(); !e.empty()) return Result<bool>::failure({path_, 0, 0, e});
  return Result<bool>{true, {}};
}

Result<bool> Register::record_published(long long id, const IssuedFile& pdf) {
  sql::Transaction transaction(db_, sql::Transaction::Kind::Write);
  if (!transaction.error().empty()) return Result<bool>::failure({path_, 0, 0, transaction.error()});
  sql::Statement last = db_.prepare(
      "SELECT new_hash FROM history WHERE document = ?1 AND event = 'published' ORDER BY id DESC LIMIT 1");
  last.bind(1, id);
  const bool same = last.step() && last.text(0) == pdf.sha256;
  if (last.failed()) return Result<bool>::failure(database_error("cannot read the register"));
  if (same) return Result<bool>{true, {}};
  if (Result<bool> ok = add_event(id, {utc_now(), "published", "", pdf.sha256, pdf.name}); !ok.ok()) return ok;
  if (std::string e = transaction.commit(); !e.empty()) return Result<bool>::failure({path_, 0, 0, e});
  return Result<bool>{true, {}};
}

Result<std::vector<RegisterEntry>> Register::entries() { return read_entries(nullptr); }

Result<std::optional<RegisterEntry>> Register::entry(const DocumentIdentity& identity) {
  Result<std::vector<RegisterEntry>> found = read_entries(&identity);
  if (!found.ok()) return Result<std::optional<RegisterEntry>>::failure(found.errors.front());
  Result<std::optional<RegisterEntry>> out;
  out.value.emplace();
  if (!found.value->empty()) *out.value = std::move(found.value->front());
  return out;
}

Result<std::vector<RegisterEntry>> Register::read_entries(const DocumentIdentity* only) {
  using Result = vanban::Result<std::vector<RegisterEntry>>;
  Result out;
  std::vector<RegisterEntry>& list = out.value.emplace();
  std::map<long long, std::size_t> index;
  sql::Transaction snapshot(db_, sql::Transaction::Kind::Read);  // documents, files and history agree
  if (!snapshot.error().empty()) return Result::failure({path_, 0, 0, snapshot.error()});
  const std::string which = only ? std::string(" WHERE ") + kSameIssuer + " AND type = ?4 AND key = ?5" : "";
  sql::Statement s = db_.prepare(
      "SELECT id, issuer, type, key, series, series_type, number, date, number_text, family, type_name, subject, "
      "signer, recipients, archive, copies, notes, content_hash, issued_at, issuer_name, issuer_parent "
      "FROM documents" + which + " ORDER BY date, id");
  if (only) {
    bind_issuer(s, 1, only->issuer);
    s.bind(4, only->type).bind(5, only->key);
  }
  while (s.step()) {
    RegisterEntry e;
    e.id = s.integer(0);
    e.identity = {{s.text(1), s.text(19), s.text(20)}, s.text(2), s.text(3)};
    e.series = s.text(4);
    e.series_type = s.text(5);
    e.number = static_cast<int>(s.integer(6));
    e.date = date_column(s, 7);
    e.number_text = s.text(8);
    e.details = {s.text(9), s.text(10), s.text(11), s.text(12), s.text(13), s.text(14),
                 static_cast<int>(s.integer(15)), s.text(16)};
    e.content_hash = s.text(17);
    e.issued_at = s.text(18);
    index[e.id] = list.size();
    list.push_back(std::move(e));
  }
  if (s.failed()) return Result::failure(database_error("cannot read the register"));
  // The rows of the entries read (all of them, or the one of `only`).
  const std::string of = only ? (list.empty() ? " WHERE 0" : " WHERE document = " + std::to_string(list.front().id)) : "";
  sql::Statement files = db_.prepare("SELECT document, name, sha256 FROM files" + of + " ORDER BY document, name");
  while (files.step()) list[index.at(files.integer(0))].files.push_back({files.text(1), files.text(2)});
  sql::Statement history = db_.prepare("SELECT document, at, event, old_hash, new_hash, file FROM history" + of +
                                       " ORDER BY document, id");
  while (history.step())
    list[index.at(history.integer(0))].history.push_back(
        {history.text(1), history.text(2), history.text(3), history.text(4), history.text(5)});
  if (files.failed() || history.failed()) return Result::failure(database_error("cannot read the register"));
  return out;
}

}  // namespace vanban
