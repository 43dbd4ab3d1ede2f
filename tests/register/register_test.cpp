#include "register/register.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <set>

#include "register/schema.h"
#include "temp_dir.h"

namespace vanban {
namespace {

using Series = NumberingSetup::Series;
using testing::TempDir;

constexpr NumberingSetup kState{Series::CalendarYear, false};
constexpr NumberingSetup kParty{Series::Term, true};

// Two wards' People's Committees share the code UBND; each numbers its own documents.
const IssuerIdentity kUbnd{"UBND", "Ủy ban nhân dân phường Tân Định Thượng", ""};
const IssuerIdentity kOtherUbnd{"UBND", "Ủy ban nhân dân phường Rạch Cát Đông", ""};
const IssuerIdentity kSnv{"SNV", "Sở Nội vụ", "Ủy ban nhân dân Thành phố Hồ Chí Minh"};
const IssuerIdentity kTu{"TU", "Thành ủy Thành phố Hồ Chí Minh", "Đảng bộ Thành phố Hồ Chí Minh"};

CivilDate day(const char* iso) { return *parse_iso_date(iso); }

IssueRequest request(const IssuerIdentity& issuer, const std::string& type, const std::string& key,
                     const char* date, NumberingSetup numbering, const std::string& hash = "h1") {
  IssueRequest r;
  r.identity = {issuer, type, key};
  r.content_hash = hash;
  r.numbering = numbering;
  r.date = day(date);
  r.details = {"nha-nuoc", "Công văn", "về " + key, "Nguyễn Văn A", "Sở Nội vụ; Sở Tài chính", "VT, VX", 4, ""};
  return r;
}

Register open_register(const std::string& path) {
  Result<Register> reg = Register::open(path);
  EXPECT_TRUE(reg.ok()) << (reg.errors.empty() ? "" : reg.errors[0].to_string());
  return std::move(*reg.value);
}

// The number given, or -1 with the refusal's message in `message`.
int number_of(Register& reg, const IssueRequest& r, std::string* message = nullptr) {
  const Result<IssuedNumber> issued = reg.issue(r);
  if (message) *message = issued.errors.empty() ? "" : issued.errors[0].message;
  return issued.ok() ? issued.value->number : -1;
}

TEST(Register, StateNumbersOneSeriesPerCalendarYearRestartingOnFirstJanuary) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-12-30", kState)), 1);
  EXPECT_EQ(number_of(reg, request(kUbnd, "chi-thi", "b", "2026-12-31", kState)), 2);  // all types share it
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "c", "2027-01-01", kState)), 1);
  EXPECT_EQ(number_of(reg, request(kUbnd, "bao-cao", "d", "2027-01-01", kState)), 2);
  // Another issuer of the same office has its own series.
  EXPECT_EQ(number_of(reg, request(kSnv, "cong-van", "a", "2027-01-02", kState)), 1);

  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value->size(), 5u);
  EXPECT_EQ((*entries.value)[1].series, "2026");
  EXPECT_EQ((*entries.value)[1].series_type, "");
  EXPECT_EQ((*entries.value)[2].series, "2027");
  EXPECT_EQ((*entries.value)[2].identity.key, "c");
  EXPECT_EQ((*entries.value)[2].details.recipients, "Sở Nội vụ; Sở Tài chính");
  EXPECT_EQ((*entries.value)[2].details.copies, 4);
}

// Two bodies with one code (two wards' UBND, as a city's month has them) are two issuers.
TEST(Register, TwoBodiesWithTheSameCodeEachNumberFrom01) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", kState)), 1);
  EXPECT_EQ(number_of(reg, request(kOtherUbnd, "cong-van", "a", "2026-06-03", kState)), 1);
  EXPECT_EQ(number_of(reg, request(kOtherUbnd, "bao-cao", "b", "2026-06-04", kState)), 2);
  EXPECT_EQ(number_of(reg, request(kUbnd, "bao-cao", "b", "2026-06-05", kState)), 2);
  // The same code and name under another parent line is another body again.
  const IssuerIdentity elsewhere{kUbnd.code, kUbnd.name, "Tỉnh Đồng Nai"};
  EXPECT_EQ(number_of(reg, request(elsewhere, "cong-van", "a", "2026-06-05", kState)), 1);

  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value->size(), 5u);
  EXPECT_EQ((*entries.value)[0].identity.issuer, kUbnd);
  EXPECT_EQ((*entries.value)[1].identity.issuer, kOtherUbnd);
  EXPECT_EQ((*entries.value)[4].identity.issuer, elsewhere);
}

TEST(Register, ATermByCodeServesEveryBodyWithItATermByNameOnlyThatBody) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  const IssuerIdentity ward{"ĐU", "Đảng ủy phường Rạch Cát Đông", "Đảng bộ Thành phố Hồ Chí Minh"};
  const IssuerIdentity island{"ĐU", "Đảng ủy đặc khu Hòn Rồng", "Đảng bộ Thành phố Hồ Chí Minh"};
  ASSERT_TRUE(reg.add_term({"ĐU", "", ""}, day("2020-10-01")).ok());
  ASSERT_TRUE(reg.add_term(ward, day("2025-09-20")).ok());
  EXPECT_EQ(number_of(reg, request(ward, "bao-cao", "a", "2025-09-25", kParty)), 1);
  EXPECT_EQ(number_of(reg, request(island, "bao-cao", "a", "2025-09-25", kParty)), 1);
  EXPECT_EQ(number_of(reg, request(island, "bao-cao", "b", "2025-09-26", kParty)), 2);
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ((*entries.value)[0].series, "2025-09-20");  // the ward's own term
  EXPECT_EQ((*entries.value)[1].series, "2020-10-01");  // the island's: the code's term
}

TEST(Register, PartyNumbersPerTypeThroughTheTermAndRestartsWithTheNextTerm) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  std::string message;
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "x", "2025-03-01", kParty), &message), -1);
  EXPECT_NE(message.find("no term of issuer 'TU (Thành ủy Thành phố Hồ Chí Minh, Đảng bộ Thành phố Hồ Chí Minh)'"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("vanban register term --issuer TU --name 'Thành ủy Thành phố Hồ Chí Minh' "
                         "--parent 'Đảng bộ Thành phố Hồ Chí Minh' --from YYYY-MM-DD"),
            std::string::npos)
      << message;

  ASSERT_TRUE(reg.add_term(kTu, day("2020-10-16")).ok());
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct1", "2024-12-31", kParty)), 1);
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct2", "2025-01-02", kParty)), 2);  // no yearly restart
  EXPECT_EQ(number_of(reg, request(kTu, "cong-van", "cv1", "2025-02-01", kParty)), 1);  // its own type series
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct3", "2025-10-14", kParty)), 3);

  ASSERT_TRUE(reg.add_term(kTu, day("2025-10-15")).ok());
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct4", "2025-10-15", kParty)), 1);
  EXPECT_EQ(number_of(reg, request(kTu, "cong-van", "cv2", "2025-10-20", kParty)), 1);
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct5", "2026-01-05", kParty)), 2);

  // A term cannot start before documents already numbered in the previous one.
  const Result<bool> late = reg.add_term(kTu, day("2025-10-01"));
  ASSERT_FALSE(late.ok());
  EXPECT_NE(late.errors[0].message.find("1 document(s) of 'TU (Thành ủy Thành phố Hồ Chí Minh, Đảng bộ Thành phố Hồ Chí Minh)' dated on or after 2025-10-01"), std::string::npos)
      << late.errors[0].message;

  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  const RegisterEntry& ct4 = *std::find_if(entries.value->begin(), entries.value->end(),
                                           [](const RegisterEntry& e) { return e.identity.key == "ct4"; });
  EXPECT_EQ(ct4.series, "2025-10-15");
  EXPECT_EQ(ct4.series_type, "chi-thi");
}

TEST(Register, RefusesADateBeforeTheLastNumberOfItsSeries) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  ASSERT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", kState)), 1);
  std::string message;
  EXPECT_EQ(number_of(reg, request(kUbnd, "chi-thi", "b", "2026-04-02", kState), &message), -1);
  EXPECT_EQ(message,
            "the date 2026-04-02 is before 2026-06-03, the date of number 1, the last one issued in its series; "
            "numbers follow the order of dates");
  EXPECT_EQ(number_of(reg, request(kUbnd, "chi-thi", "b", "2026-06-03", kState)), 2);
}

TEST(Register, TheSameDocumentIssuedAgainKeepsItsNumberAndDate) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  ASSERT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", kState)), 1);
  ASSERT_EQ(number_of(reg, request(kUbnd, "cong-van", "b", "2026-06-04", kState)), 2);
  // A rerun on a later day, as vanban build would do it.
  const Result<IssuedNumber> again = reg.issue(request(kUbnd, "cong-van", "a", "2026-07-01", kState));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value->number, 1);
  EXPECT_EQ(again.value->date, day("2026-06-03"));
  EXPECT_EQ(again.value->status, IssuedNumber::Status::Unchanged);
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "c", "2026-07-01", kState)), 3);  // no number used up
}

TEST(Register, ChangedContentIsRefusedUnlessReissuedAndTheReissueIsRecorded) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  ASSERT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", kState, "old")), 1);
  std::string message;
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", kState, "new"), &message), -1);
  EXPECT_EQ(message,
            "the content has changed since it was issued as number 1 on 2026-06-03; re-issue it explicitly "
            "(vanban issue --reissue) to keep that number and date, which the register's history records");

  IssueRequest reissue = request(kUbnd, "cong-van", "a", "2026-08-01", kState, "new");
  reissue.reissue = true;
  reissue.details.subject = "về a (sửa)";
  const Result<IssuedNumber> issued = reg.issue(reissue);
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued.value->number, 1);
  EXPECT_EQ(issued.value->date, day("2026-06-03"));
  EXPECT_EQ(issued.value->status, IssuedNumber::Status::Reissued);

  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value->size(), 1u);
  const RegisterEntry& e = entries.value->front();
  EXPECT_EQ(e.content_hash, "new");
  EXPECT_EQ(e.details.subject, "về a (sửa)");
  ASSERT_EQ(e.history.size(), 2u);
  EXPECT_EQ(e.history[0].event, "issued");
  EXPECT_EQ(e.history[0].new_hash, "old");
  EXPECT_EQ(e.history[1].event, "reissued");
  EXPECT_EQ(e.history[1].old_hash, "old");
  EXPECT_EQ(e.history[1].new_hash, "new");
  // Issued again with the re-issued content: unchanged now.
  EXPECT_EQ(reg.issue(request(kUbnd, "cong-van", "a", "2026-08-01", kState, "new")).value->status,
            IssuedNumber::Status::Unchanged);
}

TEST(Register, RecordsThePrintedNumberAndTheFilesHashes) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  const Result<IssuedNumber> issued = reg.issue(request(kUbnd, "cong-van", "a", "2026-06-03", kState));
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(reg.record_output(issued.value->id, "01/UBND-VX", {{"a.pdf", "aa"}, {"a.html", "bb"}}).ok());
  ASSERT_TRUE(reg.record_output(issued.value->id, "01/UBND-VX", {{"a.pdf", "cc"}}).ok());  // rewritten
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  const RegisterEntry& e = entries.value->front();
  EXPECT_EQ(e.number_text, "01/UBND-VX");
  ASSERT_EQ(e.files.size(), 2u);
  EXPECT_EQ(e.files[0].name, "a.html");
  EXPECT_EQ(e.files[0].sha256, "bb");
  EXPECT_EQ(e.files[1].name, "a.pdf");
  EXPECT_EQ(e.files[1].sha256, "cc");
}

TEST(Register, RecordsSigningAndPublicationInTheHistory) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  const IssueRequest r = request(kUbnd, "cong-van", "a", "2026-06-03", kState);
  const Result<IssuedNumber> issued = reg.issue(r);
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(reg.record_output(issued.value->id, "01/UBND-VX", {{"a.pdf", "unsigned"}, {"a.html", "bb"}}).ok());
  EXPECT_FALSE(reg.entry(request(kOtherUbnd, "cong-van", "a", "2026-06-03", kState).identity).value->has_value());
  ASSERT_TRUE(reg.record_signed(issued.value->id, {"a.pdf", "signed"}).ok());
  ASSERT_TRUE(reg.record_published(issued.value->id, {"a.pdf", "signed"}).ok());
  ASSERT_TRUE(reg.record_published(issued.value->id, {"a.pdf", "signed"}).ok());  // the same file again
  const Result<std::optional<RegisterEntry>> found = reg.entry(r.identity);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found.value->has_value());
  const RegisterEntry& e = **found.value;
  EXPECT_EQ(e.number_text, "01/UBND-VX");
  ASSERT_EQ(e.files.size(), 2u);
  EXPECT_EQ(e.files[1].sha256, "signed");  // the signed file replaces the unsigned one
  ASSERT_EQ(e.history.size(), 3u);
  EXPECT_EQ(e.history[0].event, "issued");
  EXPECT_EQ(e.history[0].file, "");
  EXPECT_EQ(e.history[1].event, "signed");
  EXPECT_EQ(e.history[1].old_hash, "unsigned");
  EXPECT_EQ(e.history[1].new_hash, "signed");
  EXPECT_EQ(e.history[1].file, "a.pdf");
  EXPECT_EQ(e.history[2].event, "published");
  EXPECT_EQ(e.history[2].new_hash, "signed");
  EXPECT_GE(e.history[2].at, e.history[1].at);
  // The whole register holds the same entry.
  EXPECT_EQ(reg.entries().value->front().history.size(), 3u);
}

TEST(Register, AProfileWithoutNumberingCannotIssue) {
  TempDir dir;
  Register reg = open_register(dir.file("so.db"));
  std::string message;
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "a", "2026-06-03", NumberingSetup{}), &message), -1);
  EXPECT_EQ(message, "the layout profile has no <numbering> rule, so its documents cannot be issued");
}

TEST(Register, IsCreatedInWalModeAtTheLatestSchemaVersion) {
  TempDir dir;
  { open_register(dir.file("so.db")); }
  std::string error;
  std::optional<sql::Database> db = sql::Database::open(dir.file("so.db"), error);
  ASSERT_TRUE(db);
  EXPECT_EQ(sql::schema_version(*db), sql::latest_schema_version());
  EXPECT_EQ(sql::latest_schema_version(), 4);
  sql::Statement mode = db->prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.text(0), "wal");
}

TEST(Register, MigratesAVersionOneDatabase) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {
    // A register as the first schema version left it: no files, no history.
    std::string error;
    std::optional<sql::Database> db = sql::Database::open(path, error);
    ASSERT_TRUE(db) << error;
    ASSERT_EQ(sql::migrate(*db, 1), "");
    ASSERT_EQ(sql::schema_version(*db), 1);
    ASSERT_EQ(db->exec("INSERT INTO documents (issuer, type, key, series, series_type, number, date, number_text, "
                       "family, type_name, subject, signer, recipients, archive, copies, notes, content_hash, "
                       "issued_at) VALUES ('UBND', 'cong-van', 'old', '2026', '', 7, '2026-03-01', '07/UBND-VX', "
                       "'nha-nuoc', 'Công văn', 'cũ', 'B', 'Sở Nội vụ', 'VT', 2, '', 'h-old', "
                       "'2026-03-01T02:00:00Z')"),
              "");
  }
  Register reg = open_register(path);
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value->size(), 1u);
  const RegisterEntry& old = entries.value->front();
  EXPECT_EQ(old.number_text, "07/UBND-VX");
  ASSERT_EQ(old.history.size(), 1u);  // the migration gave it its first event
  EXPECT_EQ(old.history[0].event, "issued");
  EXPECT_EQ(old.history[0].at, "2026-03-01T02:00:00Z");
  EXPECT_EQ(old.history[0].new_hash, "h-old");
  // Numbering goes on from the old entries.
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "new", "2026-03-02", kState)), 8);
}

// Before schema 3 the register knew an issuer by its code: two wards' UBND shared one series.
// The old rows go to the first body with their code issued after the upgrade; another body with
// that code starts its own series at 01; a term recorded by code still serves every body.
TEST(Register, MigratesAVersionTwoRegisterKeyedByCodeAlone) {
  TempDir dir;
  const std::string path = dir.file("v2.db");
  {
    std::string error;
    std::optional<sql::Database> db = sql::Database::open(path, error);
    ASSERT_TRUE(db) << error;
    ASSERT_EQ(sql::migrate(*db, 2), "");
    ASSERT_EQ(db->exec("INSERT INTO documents (issuer, type, key, series, series_type, number, date, number_text, "
                       "family, type_name, subject, signer, recipients, archive, copies, notes, content_hash, "
                       "issued_at) VALUES ('UBND', 'cong-van', 'old', '2026', '', 7, '2026-03-01', '07/UBND-VX', "
                       "'nha-nuoc', 'Công văn', 'cũ', 'B', 'Sở Nội vụ', 'VT', 2, '', 'h-old', "
                       "'2026-03-01T02:00:00Z');"
                       "INSERT INTO files (document, name, sha256) VALUES (1, 'old.pdf', 'ff');"
                       "INSERT INTO history (document, at, event, new_hash) "
                       "VALUES (1, '2026-03-01T02:00:00Z', 'issued', 'h-old');"
                       "INSERT INTO terms (issuer, start) VALUES ('TU', '2025-10-15');"),
              "");
  }
  Register reg = open_register(path);
  {
    const Result<std::vector<RegisterEntry>> entries = reg.entries();
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries.value->size(), 1u);
    EXPECT_EQ(entries.value->front().identity.issuer, (IssuerIdentity{"UBND", "", ""}));  // name not recorded
    ASSERT_EQ(entries.value->front().files.size(), 1u);  // files and history still point at it
    EXPECT_EQ(entries.value->front().history.size(), 1u);
  }
  EXPECT_EQ(number_of(reg, request(kUbnd, "cong-van", "new", "2026-03-02", kState)), 8);
  EXPECT_EQ(number_of(reg, request(kOtherUbnd, "cong-van", "new", "2026-03-02", kState)), 1);
  EXPECT_EQ(number_of(reg, request(kTu, "chi-thi", "ct", "2026-03-02", kParty)), 1);
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries.value->front().identity.issuer, kUbnd);  // claimed
  // The old document issued again by its body is found under its old number.
  const Result<IssuedNumber> old = reg.issue(request(kUbnd, "cong-van", "old", "2026-03-05", kState, "h-old"));
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old.value->number, 7);
}

// Schema 4 gives the history a file column; the events recorded before keep theirs, with none.
TEST(Register, MigratesAVersionThreeRegisterKeepingItsHistory) {
  TempDir dir;
  const std::string path = dir.file("v3.db");
  {
    std::string error;
    std::optional<sql::Database> db = sql::Database::open(path, error);
    ASSERT_TRUE(db) << error;
    ASSERT_EQ(sql::migrate(*db, 3), "");
    ASSERT_EQ(db->exec("INSERT INTO documents (issuer, issuer_name, issuer_parent, type, key, series, series_type, "
                       "number, date, number_text, family, type_name, subject, signer, recipients, archive, copies, "
                       "notes, content_hash, issued_at) VALUES ('UBND', 'Ủy ban nhân dân phường Tân Định Thượng', '', "
                       "'cong-van', 'old', '2026', '', 7, '2026-03-01', '07/UBND-VX', 'nha-nuoc', 'Công văn', 'cũ', "
                       "'B', 'Sở Nội vụ', 'VT', 2, '', 'h-old', '2026-03-01T02:00:00Z');"
                       "INSERT INTO history (document, at, event, new_hash) "
                       "VALUES (1, '2026-03-01T02:00:00Z', 'issued', 'h-old');"),
              "");
  }
  const long long id = 1;
  Register reg = open_register(path);
  ASSERT_TRUE(reg.record_published(id, {"old.pdf", "pp"}).ok());
  const RegisterEntry e = reg.entries().value->front();
  ASSERT_EQ(e.history.size(), 2u);
  EXPECT_EQ(e.history[0].event, "issued");
  EXPECT_EQ(e.history[0].file, "");
  EXPECT_EQ(e.history[1].event, "published");
  EXPECT_EQ(e.history[1].file, "old.pdf");
}

TEST(Register, RefusesADatabaseFromANewerVanban) {
  TempDir dir;
  const std::string path = dir.file("new.db");
  {
    std::string error;
    std::optional<sql::Database> db = sql::Database::open(path, error);
    ASSERT_TRUE(db);
    ASSERT_EQ(db->exec("PRAGMA user_version = 99"), "");
  }
  const Result<Register> reg = Register::open(path);
  ASSERT_FALSE(reg.ok());
  EXPECT_EQ(reg.errors[0].to_string(), path + ":0:0: cannot open the register: the register has schema version 99, "
                                              "newer than this vanban (4); use a newer vanban");
}

// Two processes issuing at once, each its own connection, as two `vanban issue` runs would.
TEST(Register, TwoProcessesIssuingAtOnceGetNoDuplicateAndNoGap) {
  TempDir dir;
  const std::string path = dir.file("so.db");
  { open_register(path); }
  constexpr int kPerProcess = 150;
  pid_t children[2];
  for (int c = 0; c < 2; ++c) {
    children[c] = fork();
    ASSERT_GE(children[c], 0);
    if (children[c] == 0) {
      Result<Register> reg = Register::open(path);
      int failures = reg.ok() ? 0 : 1;
      for (int i = 0; reg.ok() && i < kPerProcess; ++i) {
        const std::string key = "p" + std::to_string(c) + "-" + std::to_string(i);
        failures += reg.value->issue(request(kUbnd, "cong-van", key, "2026-06-03", kState)).ok() ? 0 : 1;
      }
      _exit(failures == 0 ? 0 : 1);
    }
  }
  for (pid_t child : children) {
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "a process failed to issue";
  }
  Register reg = open_register(path);
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries.value->size(), 2u * kPerProcess);
  std::set<int> numbers;
  std::set<std::string> from[2];
  for (const RegisterEntry& e : *entries.value) {
    numbers.insert(e.number);
    from[e.identity.key[1] - '0'].insert(e.identity.key);
  }
  EXPECT_EQ(numbers.size(), 2u * kPerProcess);  // no duplicate
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), 2 * kPerProcess);  // so no gap either
  EXPECT_EQ(from[0].size(), static_cast<std::size_t>(kPerProcess));
  EXPECT_EQ(from[1].size(), static_cast<std::size_t>(kPerProcess));
}

}  // namespace
}  // namespace vanban
