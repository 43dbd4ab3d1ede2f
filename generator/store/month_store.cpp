#include "store/month_store.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <utility>
#include <vector>

#include "input/meeting_fields.h"
#include "output/atomic_file.h"
#include "register/sqlite.h"
#include "store/packed_texts.h"
#include "text/collation.h"
#include "text/text_memo.h"

namespace vanban {

namespace {

// A scratch database (register/sqlite.h) of 8 MiB of page cache whatever the month's size; the
// indexes exist before the rows come and every scan goes in rowid order, so nothing is ever
// sorted. Its readers have a cache of their own (a page of a record is read where it is) and
// keep their shared lock from their first read: nothing is written once the store is read, so
// neither a lock nor a look at whether the file changed is needed at each document.
constexpr sql::Database::Scratch kScratch{8192};
constexpr sql::Database::Scratch kReaderScratch{2048, true};
constexpr std::string_view kSchema = R"(
CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT NOT NULL);
CREATE TABLE branches(id TEXT, kind TEXT, organisation INTEGER, name TEXT, commune TEXT,
  district TEXT, members INTEGER, meeting_day INTEGER,
  file INTEGER, line INTEGER, col INTEGER, fields TEXT, rejected INTEGER);
CREATE INDEX branches_id ON branches(id);
CREATE TABLE cadres(id TEXT, name TEXT, position TEXT, agency TEXT, level TEXT,
  file INTEGER, line INTEGER, col INTEGER, fields TEXT, rejected INTEGER);
CREATE INDEX cadres_id ON cadres(id);
CREATE TABLE assignments(cadre_id TEXT, branch_id TEXT,
  file INTEGER, line INTEGER, col INTEGER, fields TEXT, rejected INTEGER);
CREATE INDEX assignments_pair ON assignments(cadre_id, branch_id, rejected);
CREATE TABLE meetings(branch_id TEXT, date INTEGER, present INTEGER, cadre_id TEXT,
  report_filed INTEGER, quality INTEGER, topics TEXT, opinions TEXT, proposals TEXT,
  file INTEGER, line INTEGER, col INTEGER, fields TEXT, rejected INTEGER);
-- The rows that did not pass, the reader's rejections included: a few whatever the month's size,
-- written once each instead of rewriting every record that passed.
CREATE TABLE failed_branches(row INTEGER PRIMARY KEY);
CREATE TABLE failed_cadres(row INTEGER PRIMARY KEY);
CREATE TABLE failed_assignments(row INTEGER PRIMARY KEY);
-- The branches and cadres that passed, by id: what the later records' look-ups need, in a
-- table of a few bytes a record whose pages the cache keeps.
CREATE TABLE valid_branches(id TEXT PRIMARY KEY, row INTEGER, members INTEGER) WITHOUT ROWID;
CREATE TABLE valid_cadres(id TEXT PRIMARY KEY, row INTEGER) WITHOUT ROWID;
-- The meetings that passed in file order, with their branch's and cadre's rows: reading them
-- back joins those by row instead of looking their ids up, pages at random in a large month.
CREATE TABLE kept_meetings(row INTEGER PRIMARY KEY, branch INTEGER, cadre INTEGER);
-- The meetings that passed, by their branch's row and day: the checks' second-meeting rule.
CREATE TABLE met(branch INTEGER, day INTEGER, meeting INTEGER, PRIMARY KEY(branch, day)) WITHOUT ROWID;
-- The assignments that passed by their branch's row, in file order: a branch's assigned cadres.
CREATE TABLE valid_assignments(branch INTEGER, row INTEGER, cadre INTEGER, PRIMARY KEY(branch, row)) WITHOUT ROWID;
-- The figures' gaps and the plan's attended meetings, kept in the order they are read back in by
-- their indexes (ICU sort keys for names, then the names' bytes: text::vietnamese_sort_key), so
-- that nothing is sorted in memory.
CREATE TABLE gaps(agency TEXT, cadre_key BLOB, cadre_name TEXT, cadre_id TEXT, date INTEGER, branch_key BLOB,
  branch_name TEXT, branch_id TEXT, kind INTEGER, cadre INTEGER, branch INTEGER, due INTEGER, filed INTEGER,
  days_late INTEGER, organisation INTEGER);
CREATE INDEX gaps_order ON gaps(agency, cadre_key, cadre_name, cadre_id, date, branch_key, branch_name, branch_id, kind);
CREATE INDEX gaps_by_name ON gaps(cadre_name, agency, cadre_id);
-- The attended meetings are their order's own b-tree (one insert each, not a row and an index
-- entry), the meeting's row last, as its file order broke ties; a report not filed has filed 0 (a
-- key has no NULL).
CREATE TABLE attended(agency TEXT, unfiled INTEGER, filed INTEGER, date INTEGER, branch_key BLOB, branch_name TEXT,
  branch_id TEXT, cadre_id TEXT, meeting INTEGER, cadre INTEGER,
  PRIMARY KEY(agency, unfiled, filed, date, branch_key, branch_name, branch_id, cadre_id, meeting)) WITHOUT ROWID;
-- The month's documents in their order (rowid = index + 1), and the slugs of their names.
CREATE TABLE documents(kind INTEGER, number INTEGER, in_series INTEGER, meeting INTEGER, issuer INTEGER,
  gaps INTEGER, name TEXT);
CREATE TABLE names(slug TEXT PRIMARY KEY) WITHOUT ROWID;
BEGIN;
)";

constexpr std::string_view kBranchColumns =
    "id, kind, organisation, name, commune, district, members, meeting_day, file, line, col";
constexpr std::string_view kCadreColumns = "id, name, position, agency, level, file, line, col";
constexpr std::string_view kMeetingColumns =
    "branch_id, date, present, cadre_id, report_filed, quality, file, line, col, topics, opinions, proposals";

std::string columns(std::string_view list, std::string_view table) {
  std::string out;
  for (std::size_t start = 0; start < list.size();) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view name = list.substr(start, end - start);
    while (name.starts_with(' ')) name.remove_prefix(1);
    out += (out.empty() ? "" : ", ") + std::string(table) + "." + std::string(name);
    start = end + 1;
  }
  return out;
}

// The fields whose places the checks name; a place of any other field is never looked up.
constexpr const char* kCheckedFields[] = {"id",     "members", "meeting-day", "district",    "cadre",
                                          "branch", "date",    "present",     "report-filed"};

// "I,LINE,COL;" per checked field, I its index in kCheckedFields.
std::string encode_fields(const std::vector<FieldSource>& fields) {
  std::string out;
  const auto add = [&out](long long n, char after) {
    char text[24];  // 20 digits at most, then `after`
    char* end = std::to_chars(text, text + 20, n).ptr;
    *end++ = after;
    out.append(text, end);
  };
  for (const FieldSource& f : fields)
    for (std::size_t i = 0; i < std::size(kCheckedFields); ++i)
      if (std::strcmp(f.name, kCheckedFields[i]) == 0) {
        add(static_cast<long long>(i), ',');
        add(f.line, ',');
        add(f.column, ';');
        break;
      }
  return out;
}

std::vector<FieldSource> decode_fields(const std::string& text) {
  std::vector<FieldSource> out;
  unsigned index = 0;
  int line = 0, column = 0;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = text.find(';', at);
    if (std::sscanf(text.c_str() + at, "%u,%d,%d", &index, &line, &column) == 3 &&
        index < std::size(kCheckedFields))
      out.push_back({kCheckedFields[index], line, column});
    at = end + 1;
  }
  return out;
}

int date_number(const CivilDate& d) { return d.year * 10000 + d.month * 100 + d.day; }
CivilDate date_of(long long n) {
  return {static_cast<int>(n / 10000), static_cast<int>(n / 100 % 100), static_cast<int>(n % 100)};
}

// As input/meeting_checks.cpp words them.
std::string iso(const CivilDate& d) {
  char s[16];
  std::snprintf(s, sizeof s, "%04d-%02d-%02d", d.year, d.month, d.day);
  return s;
}
// " WHERE ...": the rows of `table` (named `alias`) that passed the checks.
std::string passed(const char* table, const char* alias) {
  return std::string(" WHERE NOT EXISTS(SELECT 1 FROM failed_") + table + " f WHERE f.row = " + alias + ".rowid)";
}

std::string place(const SharedPath& file, long long line) {
  return std::filesystem::path(file.str()).filename().string() + ":" + std::to_string(line);
}

// The kept meetings, each joined with its meeting, branch and cadre by row: StoredMeeting's
// columns for stored_meeting.
std::string kept_meetings_select(const std::string& more_columns = "") {
  return "SELECT m.rowid, " + columns(kMeetingColumns, "m") + ", " + columns(kBranchColumns, "b") + ", k.branch, " +
         columns(kCadreColumns, "c") + ", k.cadre" + more_columns +
         " FROM kept_meetings k CROSS JOIN meetings m ON m.rowid = k.row CROSS JOIN branches b ON b.rowid = k.branch"
         " LEFT JOIN cadres c ON c.rowid = k.cadre";
}

constexpr std::string_view kGapOrder =
    " ORDER BY g.agency, g.cadre_key, g.cadre_name, g.cadre_id, g.date, g.branch_key, g.branch_name, g.branch_id,"
    " g.kind";

}  // namespace

struct MonthStore::Impl {
  explicit Impl(sql::Database database) : db(std::move(database)) {}

  sql::Database db;
  std::vector<SharedPath> files;  // by id - 1: one path shared by the records read back
  std::string error;
  bool checked = false;  // the failed_ tables are complete: the other records passed
  MeetingMonth month;    // as checked
  bool writing = false;  // the figures' and the plan's transaction is open (commit)

  // ICU sort keys of names (text::vietnamese_sort_key), each worked out once while the memo holds
  // it: a cadre's gaps name it again and again, a branch's gaps and attended meetings too. 4 MiB
  // hold the names of some 20,000 branches and cadres.
  text::TextMemo<std::string> sort_keys{std::size_t{4} << 20, [](const std::string& key) { return key.size(); }};
  std::string sort_key(const std::string& name) {
    return sort_keys.get(name, [&name] { return text::vietnamese_sort_key(name); });
  }

  // A kept meeting a cadre attended, with the columns the reports' order needs.
  void add_attended(const StoredMeeting& m) {
    const std::string branch_key = sort_key(m.branch.name);
    sql::Statement& s = insert_attended;
    s.bind_view(1, m.cadre->agency).bind(2, static_cast<long long>(!m.meeting.report_filed));
    s.bind(3, m.meeting.report_filed ? static_cast<long long>(date_number(*m.meeting.report_filed)) : 0);
    s.bind(4, static_cast<long long>(date_number(m.meeting.date))).bind_blob(5, branch_key);
    s.bind_view(6, m.branch.name).bind_view(7, m.branch.id).bind_view(8, m.cadre->id);
    s.bind(9, m.row).bind(10, m.cadre_row);
    run(s);
  }

  // The first failure, kept; a statement done with is reset for its next use.
  void done(sql::Statement& s) {
    if (s.failed() && error.empty()) error = db.last_error();
    s.reset();
  }
  void run(sql::Statement& s) {
    s.step();
    done(s);
  }

  long long file_id(const SharedPath& path) {
    for (std::size_t i = 0; i < files.size(); ++i)
      if (files[i].str() == path.str()) return static_cast<long long>(i) + 1;
    files.push_back(path);
    run(insert_file.bind(1, static_cast<long long>(files.size())).bind(2, path.str()));
    return static_cast<long long>(files.size());
  }
  const SharedPath& file(long long id) const {
    static const SharedPath none;
    return id >= 1 && id <= static_cast<long long>(files.size()) ? files[static_cast<std::size_t>(id - 1)] : none;
  }
  // Binds a record's place at `first`, first + 1 ...: file, line, col, fields, rejected.
  void bind_source(sql::Statement& s, int first, const RecordSource& source) {
    s.bind(first, file_id(source.file))
        .bind(first + 1, static_cast<long long>(source.line))
        .bind(first + 2, static_cast<long long>(source.column))
        .bind(first + 3, encode_fields(source.fields))
        .bind(first + 4, static_cast<long long>(source.rejected));
  }
  // A record's place from columns file, line, col (and fields, when `fields` >= 0).
  RecordSource source_at(const sql::Statement& s, int first, int fields = -1) const {
    RecordSource out;
    out.file = file(s.integer(first));
    out.line = static_cast<int>(s.integer(first + 1));
    out.column = static_cast<int>(s.integer(first + 2));
    if (fields >= 0) out.fields = decode_fields(s.text(fields));
    return out;
  }
  Branch branch_at(const sql::Statement& s, int c) const {
    Branch b;
    b.id = s.text(c);
    b.kind = s.text(c + 1);
    b.organisation = static_cast<Organisation>(s.integer(c + 2));
    b.name = s.text(c + 3);
    b.commune = s.text(c + 4);
    b.district = s.text(c + 5);
    b.members = static_cast<int>(s.integer(c + 6));
    b.meeting_day = static_cast<int>(s.integer(c + 7));
    b.source = source_at(s, c + 8);
    return b;
  }
  Cadre cadre_at(const sql::Statement& s, int c) const {
    Cadre r;
    r.id = s.text(c);
    r.name = s.text(c + 1);
    r.position = s.text(c + 2);
    r.agency = s.text(c + 3);
    r.level = s.text(c + 4);
    r.source = source_at(s, c + 5);
    return r;
  }
  // A meeting's columns at `c` (kMeetingColumns), its lists unpacked (store/packed_texts.h).
  Meeting meeting_at(const sql::Statement& s, int c) {
    Meeting m;
    m.branch_id = s.text(c);
    m.date = date_of(s.integer(c + 1));
    m.present = static_cast<int>(s.integer(c + 2));
    m.cadre_id = s.text(c + 3);
    if (!s.is_null(c + 4)) m.report_filed = date_of(s.integer(c + 4));
    if (!s.is_null(c + 5)) m.quality = static_cast<QualityGrade>(s.integer(c + 5));
    m.source = source_at(s, c + 6);
    std::optional<std::vector<std::string>> topics = unpack_texts(s.view(c + 9));
    std::optional<std::vector<std::string>> opinions = unpack_texts(s.view(c + 10));
    std::optional<std::vector<std::string>> proposals = unpack_texts(s.view(c + 11));
    if (!topics || !opinions || opinions->size() % 2 != 0 || !proposals) {
      if (error.empty()) error = "the lists of the meeting at " + place(m.source.file, m.source.line) + " are damaged";
      return m;
    }
    m.topics = std::move(*topics);
    for (std::size_t i = 0; i < opinions->size(); i += 2)
      m.opinions.push_back({std::move((*opinions)[i]), std::move((*opinions)[i + 1])});
    m.proposals = std::move(*proposals);
    return m;
  }

  // A row of kept_meetings_select() to `visit`.
  void visit_meeting(const sql::Statement& s, const std::function<void(const StoredMeeting&)>& visit) {
    constexpr int kBranchAt = 13, kCadreAt = kBranchAt + 12;
    const Meeting m = meeting_at(s, 1);
    const Branch b = branch_at(s, kBranchAt);
    std::optional<Cadre> c;
    if (!s.is_null(kCadreAt)) c = cadre_at(s, kCadreAt);
    visit({s.integer(0), m, b, c ? &*c : nullptr, s.integer(kBranchAt + 11), c ? s.integer(kCadreAt + 8) : 0});
  }

  sql::Statement insert_gap = db.prepare(
      "INSERT INTO gaps(agency, cadre_key, cadre_name, cadre_id, date, branch_key, branch_name, branch_id, kind, "
      "cadre, branch, due, filed, days_late, organisation) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
      " ?14, ?15)");
  sql::Statement insert_attended = db.prepare(
      "INSERT INTO attended(agency, unfiled, filed, date, branch_key, branch_name, branch_id, cadre_id, meeting, "
      "cadre) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sql::Statement insert_document = db.prepare(
      "INSERT INTO documents(kind, number, in_series, meeting, issuer, gaps, name) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sql::Statement gaps_named =
      db.prepare("SELECT agency, min(cadre_id) FROM gaps WHERE cadre_name = ?1 GROUP BY agency ORDER BY agency");
  sql::Statement claim_name = db.prepare("INSERT OR IGNORE INTO names(slug) VALUES(?1)");
  sql::Statement select_document =
      db.prepare("SELECT kind, number, in_series, meeting, issuer, gaps, name FROM documents WHERE rowid = ?1");
  sql::Statement select_meeting = db.prepare(kept_meetings_select() + " WHERE k.row = ?1");
  // An agency's gaps in order from the OFFSET'th (Reader::gap), and its attended meetings in the
  // order their reports are numbered: prepared once, not at each agency or each seek.
  sql::Statement select_gaps = db.prepare(
      "SELECT g.kind, g.cadre, g.branch, g.date, g.due, g.filed, g.days_late, " + columns(kBranchColumns, "b") + ", " +
      columns(kCadreColumns, "c") +
      " FROM gaps g CROSS JOIN branches b ON b.rowid = g.branch CROSS JOIN cadres c ON c.rowid = g.cadre"
      " WHERE g.agency = ?1" + std::string(kGapOrder) + " LIMIT -1 OFFSET ?2");
  // A cadre's gaps are together in the gaps' order, and valid cadres' ids are unique: a group
  // each, in that order without a sort; its organisations a bit each.
  sql::Statement select_gap_cadres = db.prepare(
      "SELECT count(*), sum(DISTINCT 1 << organisation) FROM gaps WHERE agency = ?1"
      " GROUP BY cadre_key, cadre_name, cadre_id ORDER BY cadre_key, cadre_name, cadre_id");
  sql::Statement select_attended = db.prepare(
      "SELECT meeting, branch_id, date, unfiled FROM attended WHERE agency = ?1"
      " ORDER BY agency, unfiled, filed, date, branch_key, branch_name, branch_id, cadre_id, meeting");
  sql::Statement select_listed_document = db.prepare("SELECT name, in_series FROM documents WHERE rowid = ?1");
  sql::Statement insert_file = db.prepare("INSERT INTO files(id, path) VALUES(?1, ?2)");
  sql::Statement insert_branch = db.prepare(
      "INSERT INTO branches(id, kind, organisation, name, commune, district, members, meeting_day, "
      "file, line, col, fields, rejected) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  sql::Statement insert_cadre = db.prepare(
      "INSERT INTO cadres(id, name, position, agency, level, file, line, col, fields, rejected) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sql::Statement insert_assignment = db.prepare(
      "INSERT INTO assignments(cadre_id, branch_id, file, line, col, fields, rejected) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sql::Statement insert_meeting = db.prepare(
      "INSERT INTO meetings(branch_id, date, present, cadre_id, report_filed, quality, file, line, "
      "col, fields, rejected, topics, opinions, proposals) "
      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
};

MonthStore::MonthStore(std::unique_ptr<ScratchFile> file, std::unique_ptr<Impl> impl)
    : file_(std::move(file)), impl_(std::move(impl)) {}

MonthStore::~MonthStore() = default;

const std::string& MonthStore::path() const { return file_->path(); }

std::unique_ptr<MonthStore> MonthStore::create(const std::string& dir, std::string& error) {
  std::unique_ptr<ScratchFile> file = ScratchFile::create(dir, "month-records.sqlite", error);
  if (!file) return nullptr;
  std::optional<sql::Database> db = sql::Database::open_scratch(file->path(), error, kScratch);
  if (!db) return nullptr;
  if (error = db->exec(kSchema); !error.empty()) return nullptr;
  auto impl = std::make_unique<Impl>(std::move(*db));
  return std::unique_ptr<MonthStore>(new MonthStore(std::move(file), std::move(impl)));
}

// The record's texts bound without a copy: the statement runs, and is reset, before it goes.
void MonthStore::add(Branch b) {
  sql::Statement& s = impl_->insert_branch;
  s.bind_view(1, b.id).bind_view(2, b.kind).bind(3, static_cast<long long>(b.organisation)).bind_view(4, b.name);
  s.bind_view(5, b.commune).bind_view(6, b.district).bind(7, static_cast<long long>(b.members));
  s.bind(8, static_cast<long long>(b.meeting_day));
  impl_->bind_source(s, 9, b.source);
  impl_->run(s);
}

void MonthStore::add(Cadre c) {
  sql::Statement& s = impl_->insert_cadre;
  s.bind_view(1, c.id).bind_view(2, c.name).bind_view(3, c.position).bind_view(4, c.agency).bind_view(5, c.level);
  impl_->bind_source(s, 6, c.source);
  impl_->run(s);
}

void MonthStore::add(Assignment a) {
  sql::Statement& s = impl_->insert_assignment;
  s.bind_view(1, a.cadre_id).bind_view(2, a.branch_id);
  impl_->bind_source(s, 3, a.source);
  impl_->run(s);
}

void MonthStore::restart() {
  const std::string failed = impl_->db.exec("DELETE FROM branches; DELETE FROM cadres; DELETE FROM assignments; DELETE FROM meetings");
  if (!failed.empty() && impl_->error.empty()) impl_->error = failed;
}

void MonthStore::add(Meeting m) {
  Impl& d = *impl_;
  sql::Statement& s = d.insert_meeting;
  s.bind_view(1, m.branch_id).bind(2, static_cast<long long>(date_number(m.date)));
  s.bind(3, static_cast<long long>(m.present)).bind_view(4, m.cadre_id);
  if (m.report_filed)
    s.bind(5, static_cast<long long>(date_number(*m.report_filed)));
  else
    s.bind_null(5);
  if (m.quality)
    s.bind(6, static_cast<long long>(*m.quality));
  else
    s.bind_null(6);
  d.bind_source(s, 7, m.source);
  std::vector<std::string_view> opinions;
  for (const Opinion& o : m.opinions) opinions.insert(opinions.end(), {o.topic, o.text});
  const std::string topics = pack_texts(std::vector<std::string_view>(m.topics.begin(), m.topics.end()));
  const std::string opinion_texts = pack_texts(opinions);
  const std::string proposals = pack_texts(std::vector<std::string_view>(m.proposals.begin(), m.proposals.end()));
  s.bind_view(12, topics).bind_view(13, opinion_texts).bind_view(14, proposals);
  d.run(s);
}

namespace {

// What check_meetings' registry knows of an id: whether a record has it (an empty id is never
// kept) and whether the first one passed, its row and members (a branch).
struct First {
  bool found = false;
  bool passed = false;
  long long row = 0, members = 0;
};

// From the columns the scans below select at `c`: the valid record's row (or NULL), its members,
// whether any record has the id.
First first_at(const sql::Statement& s, int c) {
  if (!s.is_null(c)) return {true, true, s.integer(c), s.integer(c + 1)};
  return {s.integer(c + 2) != 0, false, 0, 0};
}

std::string unusable(const First& f, const std::string& kind, const std::string& id) {
  if (f.passed) return "";
  return f.found ? kind + " '" + id + "' was rejected" : "there is no " + kind + " '" + id + "'";
}

// The columns first_at reads, for the id in column `id` (a statement's own record).
std::string first_columns(const char* valid, const char* table, const std::string& id) {
  // CASE, not AND: only CASE spares the look-up where the answer is known.
  return std::string(valid) + ".row, " + (std::string_view(valid) == "vb" ? "vb.members" : "0") + ", CASE WHEN " +
         valid + ".row IS NULL AND " + id + " <> '' THEN EXISTS(SELECT 1 FROM " + table + " f WHERE f.id = " + id +
         ") ELSE 0 END";
}

}  // namespace

bool MonthStore::check(const MeetingMonth& month, Diagnostics& out) {
  Impl& d = *impl_;
  sql::Statement branch_place = d.db.prepare("SELECT file, line FROM branches WHERE rowid = ?1");
  sql::Statement cadre_place = d.db.prepare("SELECT file, line FROM cadres WHERE rowid = ?1");
  // "branches.csv:3", where a record is, for a message.
  const auto place_of = [&](sql::Statement& s, long long row) {
    std::string out;
    if (s.bind(1, row).step()) out = place(d.file(s.integer(0)), s.integer(1));
    d.done(s);
    return out;
  };
  // The rows that did not pass, written once their kind is done: a bit per record meanwhile.
  sql::Statement mark_branch = d.db.prepare("INSERT INTO failed_branches(row) VALUES(?1)");
  sql::Statement mark_cadre = d.db.prepare("INSERT INTO failed_cadres(row) VALUES(?1)");
  sql::Statement mark_assignment = d.db.prepare("INSERT INTO failed_assignments(row) VALUES(?1)");
  const auto mark = [&](sql::Statement& s, const std::vector<bool>& passed) {
    for (std::size_t i = 0; i < passed.size(); ++i)
      if (!passed[i]) d.run(s.bind(1, static_cast<long long>(i) + 1));
  };
  sql::Statement add_valid_branch = d.db.prepare(
      "INSERT INTO valid_branches(id, row, members) SELECT id, rowid, members FROM branches b" + passed("branches", "b"));
  sql::Statement add_valid_cadre =
      d.db.prepare("INSERT INTO valid_cadres(id, row) SELECT id, rowid FROM cadres c" + passed("cadres", "c"));
  std::vector<bool> passed;

  // Each scan below selects what the rules look up, by the indexes, and a record's place is read
  // only for a message (its `source`): most records have none.
  sql::Statement any_district = d.db.prepare("SELECT EXISTS(SELECT 1 FROM branches WHERE district <> '')");
  const bool has_districts = any_district.step() && any_district.integer(0) != 0;
  d.done(any_district);
  sql::Statement branches = d.db.prepare(
      "SELECT rowid, id, members, meeting_day, district, file, line, col, fields, rejected,"
      " (SELECT f.rowid FROM branches f WHERE f.id = b.id ORDER BY f.rowid LIMIT 1)"
      " FROM branches b ORDER BY rowid");
  while (branches.step()) {
    const std::string id = branches.text(1);
    const int members = static_cast<int>(branches.integer(2));
    const int meeting_day = static_cast<int>(branches.integer(3));
    const auto source = [&] { return d.source_at(branches, 5, 8); };
    bool valid = branches.integer(9) == 0;
    const auto label = [&] { return branch_label(id); };
    const auto reject = [&](const char* field, const std::string& reason) {
      out.push_back(rejection(source(), field, label(), reason));
      valid = false;
    };
    const bool read = valid;
    if (read && id.empty()) reject("id", "id is empty");
    if (const long long first = branches.integer(10); !id.empty() && first < branches.integer(0))
      reject("id", "the id is already used at " + place_of(branch_place, first));
    if (read && members < 1)
      reject("members", "members " + std::to_string(members) + ": a branch has at least one member on its roll");
    if (read && (meeting_day < 1 || meeting_day > 31))
      reject("meeting-day", "meeting-day " + std::to_string(meeting_day) + " is not a day of the month (1-31)");
    if (has_districts && valid && branches.text(4).empty())
      out.push_back(record_warning(source(), "district", label(),
                                   "no district, while other branches name theirs; its figures "
                                   "are counted under a district with no name"));
    passed.push_back(valid);
  }
  d.done(branches);
  mark(mark_branch, passed);
  d.run(add_valid_branch);

  passed.clear();
  sql::Statement cadres =
      d.db.prepare("SELECT rowid, id, file, line, col, fields, rejected,"
                   " (SELECT f.rowid FROM cadres f WHERE f.id = c.id ORDER BY f.rowid LIMIT 1)"
                   " FROM cadres c ORDER BY rowid");
  while (cadres.step()) {
    const std::string id = cadres.text(1);
    const auto source = [&] { return d.source_at(cadres, 2, 5); };
    bool valid = cadres.integer(6) == 0;
    const auto label = [&] { return cadre_label(id); };
    if (valid && id.empty()) {
      out.push_back(rejection(source(), "id", label(), "id is empty"));
      valid = false;
    }
    if (const long long first = cadres.integer(7); !id.empty() && first < cadres.integer(0)) {
      out.push_back(rejection(source(), "id", label(), "the id is already used at " + place_of(cadre_place, first)));
      valid = false;
    }
    passed.push_back(valid);
  }
  d.done(cadres);
  mark(mark_cadre, passed);
  d.run(add_valid_cadre);

  // An assignment's earlier twin that the reader could read: its references are the same, so it
  // is the one check_meetings kept.
  passed.clear();
  sql::Statement assignments = d.db.prepare(
      "SELECT a.rowid, a.cadre_id, a.branch_id, a.file, a.line, a.col, a.fields, a.rejected, " +
      first_columns("vc", "cadres", "a.cadre_id") + ", " + first_columns("vb", "branches", "a.branch_id") +
      ", CASE WHEN a.rejected = 0 AND vc.row IS NOT NULL AND vb.row IS NOT NULL THEN (SELECT t.rowid FROM"
      " assignments t WHERE t.cadre_id = a.cadre_id AND t.branch_id = a.branch_id AND t.rejected = 0"
      " AND t.rowid < a.rowid ORDER BY t.rowid LIMIT 1) END"
      " FROM assignments a LEFT JOIN valid_cadres vc ON vc.id = a.cadre_id"
      " LEFT JOIN valid_branches vb ON vb.id = a.branch_id ORDER BY a.rowid");
  sql::Statement assignment_place = d.db.prepare("SELECT file, line FROM assignments WHERE rowid = ?1");
  while (assignments.step()) {
    passed.push_back(false);
    if (assignments.integer(7) != 0) continue;
    const std::string cadre_id = assignments.text(1), branch_id = assignments.text(2);
    const auto source = [&] { return d.source_at(assignments, 3, 6); };
    const auto label = [&] { return assignment_label(cadre_id, branch_id); };
    bool valid = true;
    if (const std::string why = unusable(first_at(assignments, 8), "cadre", cadre_id); !why.empty()) {
      out.push_back(rejection(source(), "cadre", label(), why));
      valid = false;
    }
    if (const std::string why = unusable(first_at(assignments, 11), "branch", branch_id); !why.empty()) {
      out.push_back(rejection(source(), "branch", label(), why));
      valid = false;
    }
    if (!valid) continue;
    if (!assignments.is_null(14))
      out.push_back(rejection(source(), "cadre", label(),
                              "the same assignment is already at " + place_of(assignment_place, assignments.integer(14))));
    else
      passed.back() = true;
  }
  d.done(assignments);
  mark(mark_assignment, passed);
  sql::Statement add_valid_assignments = d.db.prepare(
      "INSERT INTO valid_assignments(branch, row, cadre) SELECT vb.row, a.rowid, vc.row FROM assignments a JOIN"
      " valid_branches vb ON vb.id = a.branch_id JOIN valid_cadres vc ON vc.id = a.cadre_id" +
      vanban::passed("assignments", "a"));
  d.run(add_valid_assignments);

  const std::string month_text = std::to_string(month.year) + "-" + (month.month < 10 ? "0" : "") +
                                 std::to_string(month.month);
  // Asked of a valid cadre and branch (column 17): an assignment of theirs the reader could read
  // passed (the first) or repeats one that did.
  sql::Statement meetings = d.db.prepare(
      "SELECT m.rowid, m.branch_id, m.date, m.present, m.cadre_id, m.report_filed, m.file, m.line, m.col,"
      " m.fields, m.rejected, " + first_columns("vb", "branches", "m.branch_id") + ", " +
      first_columns("vc", "cadres", "m.cadre_id") +
      ", CASE WHEN vb.row IS NOT NULL AND vc.row IS NOT NULL THEN EXISTS(SELECT 1 FROM assignments a"
      " WHERE a.cadre_id = m.cadre_id AND a.branch_id = m.branch_id AND a.rejected = 0) ELSE 0 END"
      " FROM meetings m LEFT JOIN valid_branches vb ON vb.id = m.branch_id"
      " LEFT JOIN valid_cadres vc ON vc.id = m.cadre_id ORDER BY m.rowid");
  sql::Statement met = d.db.prepare(
      "SELECT m.file, m.line FROM met JOIN meetings m ON m.rowid = met.meeting WHERE met.branch = ?1 AND "
      "met.day = ?2");
  sql::Statement add_met = d.db.prepare("INSERT OR IGNORE INTO met(branch, day, meeting) VALUES(?1, ?2, ?3)");
  sql::Statement keep_meeting = d.db.prepare("INSERT INTO kept_meetings(row, branch, cadre) VALUES(?1, ?2, ?3)");
  while (meetings.step()) {
    if (meetings.integer(10) != 0) continue;
    const long long row = meetings.integer(0);
    const std::string branch_id = meetings.text(1), cadre_id = meetings.text(4);
    const CivilDate date = date_of(meetings.integer(2));
    const int present = static_cast<int>(meetings.integer(3));
    std::optional<CivilDate> report_filed;
    if (!meetings.is_null(5)) report_filed = date_of(meetings.integer(5));
    const auto source = [&] { return d.source_at(meetings, 6, 9); };
    const auto label = [&] { return meeting_label(branch_id, iso(date)); };
    bool valid = true;
    const auto reject = [&](const char* field, const std::string& reason) {
      out.push_back(rejection(source(), field, label(), reason));
      valid = false;
    };
    const First branch = first_at(meetings, 11);
    if (!branch.passed) reject("branch", unusable(branch, "branch", branch_id));
    if (date.year != month.year || date.month != month.month)
      reject("date", "the date is outside the month " + month_text);
    if (present < 1)
      reject("present", "present " + std::to_string(present) + ": a meeting has at least one member present");
    else if (branch.passed && present > branch.members)
      reject("present", std::to_string(present) + " members present, more than the " +
                            std::to_string(branch.members) + " on the branch's roll");
    const First cadre = first_at(meetings, 14);
    if (!cadre_id.empty() && !cadre.passed) reject("cadre", unusable(cadre, "cadre", cadre_id));
    if (report_filed && cadre_id.empty())
      reject("report-filed", "a report is filed but no cadre attended (cadre is empty)");
    else if (report_filed && *report_filed < date)
      reject("report-filed", "the report is dated " + iso(*report_filed) + ", before the meeting");
    if (!valid) continue;
    // The insert's own look-up answers the rule; the earlier meeting is fetched only for the message.
    d.run(add_met.bind(1, branch.row).bind(2, static_cast<long long>(date.day)).bind(3, row));
    if (d.db.changes() == 0) {
      met.bind(1, branch.row).bind(2, static_cast<long long>(date.day));
      std::string earlier;
      if (met.step()) earlier = place(d.file(met.integer(0)), met.integer(1));
      d.done(met);
      out.push_back(rejection(source(), "date", label(), "the branch already met that day, at " + earlier));
      continue;
    }
    if (cadre.passed && meetings.integer(17) == 0)
      out.push_back(record_warning(source(), "cadre", label(),
                                   "cadre '" + cadre_id + "' is not assigned to this branch (kept: a substitute)"));
    keep_meeting.bind(1, row).bind(2, branch.row);
    if (cadre.passed) keep_meeting.bind(3, cadre.row);  // else NULL: no cadre attended
    d.run(keep_meeting);
  }
  d.done(meetings);

  // The figures' and the plan's writes go in a transaction of their own, until commit().
  if (const std::string failed = d.db.exec("COMMIT; BEGIN"); !failed.empty() && d.error.empty()) d.error = failed;
  error_ = d.error;
  d.checked = error_.empty();
  d.writing = d.checked;
  d.month = month;
  if (!error_.empty())
    out.push_back({file_->path(), 0, 0, "cannot keep the month's records in '" + file_->path() + "': " + error_});
  return error_.empty();
}

std::optional<Branch> MonthStore::branch(const std::string& id) {
  Impl& d = *impl_;
  sql::Statement s = d.db.prepare("SELECT " + std::string(kBranchColumns) +
                                  " FROM branches WHERE rowid = (SELECT row FROM valid_branches WHERE id = ?1)");
  s.bind(1, id);
  std::optional<Branch> out;
  if (s.step()) out = d.branch_at(s, 0);
  d.done(s);
  return out;
}

std::optional<Cadre> MonthStore::cadre(const std::string& id) {
  Impl& d = *impl_;
  sql::Statement s =
      d.db.prepare("SELECT " + std::string(kCadreColumns) + " FROM cadres WHERE rowid = (SELECT row FROM valid_cadres WHERE id = ?1)");
  s.bind(1, id);
  std::optional<Cadre> out;
  if (s.step()) out = d.cadre_at(s, 0);
  d.done(s);
  return out;
}

std::optional<Meeting> MonthStore::meeting(long long row) {
  Impl& d = *impl_;
  sql::Statement s = d.db.prepare("SELECT " + std::string(kMeetingColumns) + " FROM meetings WHERE rowid = ?1");
  s.bind(1, row);
  std::optional<Meeting> out;
  if (s.step()) out = d.meeting_at(s, 0);
  d.done(s);
  return out;
}

void MonthStore::for_each_branch(const std::function<void(const Branch&)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  sql::Statement s =
      d.db.prepare("SELECT " + std::string(kBranchColumns) + " FROM branches b" + passed("branches", "b") + " ORDER BY rowid");
  while (s.step()) visit(d.branch_at(s, 0));
  d.done(s);
}

void MonthStore::for_each_cadre(const std::function<void(const Cadre&)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  sql::Statement s =
      d.db.prepare("SELECT " + std::string(kCadreColumns) + " FROM cadres c" + passed("cadres", "c") + " ORDER BY rowid");
  while (s.step()) visit(d.cadre_at(s, 0));
  d.done(s);
}

void MonthStore::for_each_assignment(const std::function<void(const Assignment&)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  sql::Statement s = d.db.prepare(
      "SELECT cadre_id, branch_id, file, line, col FROM assignments a" + passed("assignments", "a") + " ORDER BY rowid");
  while (s.step()) {
    Assignment a;
    a.cadre_id = s.text(0);
    a.branch_id = s.text(1);
    a.source = d.source_at(s, 2);
    visit(a);
  }
  d.done(s);
}


void MonthStore::for_each_meeting(const std::function<void(const StoredMeeting&)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  // Driven by the kept meetings in file order; each joins its meeting, branch and cadre by row.
  sql::Statement s = d.db.prepare(kept_meetings_select() + " ORDER BY k.row");
  while (s.step()) d.visit_meeting(s, visit);
  d.done(s);
}

const MeetingMonth& MonthStore::month() const { return impl_->month; }

bool MonthStore::any_district() {
  Impl& d = *impl_;
  sql::Statement s = d.db.prepare("SELECT EXISTS(SELECT 1 FROM branches b" + passed("branches", "b") +
                                  " AND b.district <> '')");
  const bool any = s.step() && s.integer(0) != 0;
  d.done(s);
  return any;
}

void MonthStore::for_each_branch_assigned(const std::function<void(const Branch&, int)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  sql::Statement s = d.db.prepare("SELECT " + std::string(kBranchColumns) +
                                  ", (SELECT count(*) FROM valid_assignments va WHERE va.branch = b.rowid)"
                                  " FROM branches b" + passed("branches", "b") + " ORDER BY rowid");
  while (s.step()) visit(d.branch_at(s, 0), static_cast<int>(s.integer(11)));
  d.done(s);
}

void MonthStore::for_each_meeting_assigned(
    const std::function<void(const StoredMeeting&, bool, const std::vector<StoredCadre>&)>& visit) {
  Impl& d = *impl_;
  if (!d.checked) return;
  // A branch's first meeting in file order is the least of its days' in `met`.
  sql::Statement s =
      d.db.prepare(kept_meetings_select(", (SELECT min(meeting) FROM met WHERE met.branch = k.branch)") + " ORDER BY k.row");
  sql::Statement assigned = d.db.prepare("SELECT c.rowid, " + columns(kCadreColumns, "c") +
                                         " FROM valid_assignments va CROSS JOIN cadres c ON c.rowid = va.cadre"
                                         " WHERE va.branch = ?1 ORDER BY va.row");
  std::vector<StoredCadre> cadres;
  long long cadres_of = 0;  // the branch row `cadres` are of: a branch's meetings come one after another
  constexpr int kFirstAt = 13 + 12 + 9;
  while (s.step()) {
    const bool first = s.integer(kFirstAt) == s.integer(0);
    d.visit_meeting(s, [&](const StoredMeeting& m) {
      if (m.branch_row != cadres_of) {
        cadres.clear();
        assigned.bind(1, m.branch_row);
        while (assigned.step()) cadres.push_back({assigned.integer(0), d.cadre_at(assigned, 1)});
        d.done(assigned);
        cadres_of = m.branch_row;
      }
      visit(m, first, cadres);
      if (m.cadre) d.add_attended(m);
    });
  }
  d.done(s);
}

void MonthStore::add_gap(const std::string& agency, const CadreGap& gap, const Cadre& cadre, const Branch& branch) {
  Impl& d = *impl_;
  sql::Statement& s = d.insert_gap;
  const std::string cadre_key = d.sort_key(cadre.name);
  const std::string branch_key = d.sort_key(branch.name);
  s.bind_view(1, agency).bind_blob(2, cadre_key).bind_view(3, cadre.name).bind_view(4, cadre.id);
  s.bind(5, static_cast<long long>(date_number(gap.meeting_date))).bind_blob(6, branch_key);
  s.bind_view(7, branch.name).bind_view(8, branch.id).bind(9, static_cast<long long>(gap.kind));
  s.bind(10, gap.cadre_row).bind(11, gap.branch_row).bind(12, static_cast<long long>(date_number(gap.report_due)));
  s.bind(13, static_cast<long long>(date_number(gap.report_filed))).bind(14, static_cast<long long>(gap.days_late));
  s.bind(15, static_cast<long long>(branch.organisation));
  d.run(s);
}

std::vector<std::pair<std::string, std::string>> MonthStore::gaps_of_cadres_named(const std::string& name) {
  Impl& d = *impl_;
  // Within an agency the cadres of one name come by id (their sort keys and names are equal).
  sql::Statement& s = d.gaps_named;
  s.bind(1, name);
  std::vector<std::pair<std::string, std::string>> out;
  while (s.step()) out.emplace_back(s.text(0), s.text(1));
  d.done(s);
  return out;
}

std::vector<std::string> MonthStore::attended_agencies() {
  Impl& d = *impl_;
  sql::Statement s = d.db.prepare("SELECT DISTINCT agency FROM attended ORDER BY agency");
  std::vector<std::string> out;
  while (s.step()) out.push_back(s.text(0));
  d.done(s);
  return out;
}

void MonthStore::for_each_attended_cadre(const std::string& agency, const std::function<void(const Cadre&, int)>& visit) {
  Impl& d = *impl_;
  sql::Statement s = d.db.prepare("SELECT " + columns(kCadreColumns, "c") +
                                  ", a.n FROM (SELECT cadre, count(*) AS n FROM attended WHERE agency = ?1 GROUP BY"
                                  " cadre) a CROSS JOIN cadres c ON c.rowid = a.cadre ORDER BY a.cadre");
  s.bind(1, agency);
  while (s.step()) visit(d.cadre_at(s, 0), static_cast<int>(s.integer(8)));
  d.done(s);
}

void MonthStore::for_each_attended(
    const std::string& agency,
    const std::function<void(long long, const std::string&, const CivilDate&, bool)>& visit) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_attended;
  s.bind(1, agency);
  while (s.step()) visit(s.integer(0), s.text(1), date_of(s.integer(2)), s.integer(3) == 0);
  d.done(s);
}

void MonthStore::add_document(const DocumentRecipe& r) {
  Impl& d = *impl_;
  sql::Statement& s = d.insert_document;
  s.bind(1, static_cast<long long>(r.kind));
  if (r.number)
    s.bind(2, static_cast<long long>(*r.number));
  else
    s.bind_null(2);
  s.bind(3, static_cast<long long>(r.in_series)).bind(4, r.meeting).bind(5, static_cast<long long>(r.issuer));
  s.bind(6, static_cast<long long>(r.gaps)).bind_view(7, r.name);
  d.run(s);
}

bool MonthStore::claim_name(const std::string& slug) {
  Impl& d = *impl_;
  d.run(d.claim_name.bind(1, slug));
  return d.db.changes() > 0;
}

std::string MonthStore::commit() {
  Impl& d = *impl_;
  if (!d.writing) return d.error;
  d.writing = false;
  if (const std::string failed = d.db.exec("COMMIT"); !failed.empty() && d.error.empty()) d.error = failed;
  if (error_.empty()) error_ = d.error;
  return d.error;
}

std::unique_ptr<MonthStore::Reader> MonthStore::reader(std::string& error) const {
  std::optional<sql::Database> db = sql::Database::open_scratch(file_->path(), error, kReaderScratch);
  if (!db) return nullptr;
  if (error = db->exec("PRAGMA query_only = 1"); !error.empty()) return nullptr;
  auto impl = std::make_unique<Impl>(std::move(*db));
  impl->files = impl_->files;
  impl->month = impl_->month;
  impl->checked = impl_->checked;
  return std::unique_ptr<Reader>(new Reader(std::move(impl)));
}

// Where select_gaps stands while it is read in order: at the agency's gap `next`.
struct MonthStore::Reader::Cursor {
  std::string agency;
  std::size_t next = 0;
};

MonthStore::Reader::Reader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MonthStore::Reader::~Reader() = default;

const std::string& MonthStore::Reader::error() const { return impl_->error; }

namespace {
// A recipe from the columns of select_document.
DocumentRecipe recipe_at(const sql::Statement& s) {
  DocumentRecipe r;
  r.kind = static_cast<int>(s.integer(0));
  if (!s.is_null(1)) r.number = static_cast<int>(s.integer(1));
  r.in_series = s.integer(2) != 0;
  r.meeting = s.integer(3);
  r.issuer = static_cast<int>(s.integer(4));
  r.gaps = static_cast<int>(s.integer(5));
  r.name = s.text(6);
  return r;
}
}  // namespace

std::optional<DocumentRecipe> MonthStore::Reader::document(std::size_t i) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_document;
  std::optional<DocumentRecipe> out;
  if (s.bind(1, static_cast<long long>(i) + 1).step()) out = recipe_at(s);
  d.done(s);
  return out;
}

std::optional<ListedDocument> MonthStore::Reader::listed_document(std::size_t i) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_listed_document;
  std::optional<ListedDocument> out;
  if (s.bind(1, static_cast<long long>(i) + 1).step()) out = ListedDocument{s.text(0), s.integer(1) != 0};
  d.done(s);
  return out;
}

bool MonthStore::Reader::meeting(long long row, const std::function<void(const StoredMeeting&)>& visit) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_meeting;
  const bool found = s.bind(1, row).step();
  if (found) d.visit_meeting(s, visit);
  d.done(s);
  return found;
}

bool MonthStore::Reader::gap(const std::string& agency, std::size_t j,
                             const std::function<void(const StoredGap&)>& visit) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_gaps;
  if (!cursor_ || cursor_->agency != agency || cursor_->next != j) {
    s.reset();
    cursor_ = std::make_unique<Cursor>(Cursor{agency, j});
    s.bind(1, agency).bind(2, static_cast<long long>(j));
  }
  if (!s.step()) {
    d.done(s);
    cursor_.reset();
    return false;
  }
  ++cursor_->next;
  CadreGap g;
  g.kind = static_cast<GapKind>(s.integer(0));
  g.cadre_row = s.integer(1);
  g.branch_row = s.integer(2);
  g.meeting_date = date_of(s.integer(3));
  g.report_due = date_of(s.integer(4));
  g.report_filed = date_of(s.integer(5));
  g.days_late = static_cast<int>(s.integer(6));
  const Branch b = d.branch_at(s, 7);
  const Cadre c = d.cadre_at(s, 18);
  visit({g, c, b});
  return true;
}


GapCadres MonthStore::Reader::gap_cadres(const std::string& agency) {
  Impl& d = *impl_;
  sql::Statement& s = d.select_gap_cadres;
  s.bind(1, agency);
  GapCadres out;
  while (s.step()) {
    out.gaps.push_back(static_cast<std::size_t>(s.integer(0)));
    for (std::size_t o = 0; o < out.organisations.size(); ++o)
      if (s.integer(1) >> o & 1) out.organisations[o] = true;
  }
  d.done(s);
  return out;
}

}  // namespace vanban
