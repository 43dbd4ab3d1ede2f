// Month settings (content/<YYYY-MM>/month.xml, schema templates/schema/month.rng): who issues the
// generated documents of a month, when, under which numbers, who signs them, and to whom they go.
// The reader refuses settings that mix the two kinds of attendance report (ReportMode): a body
// whose reports are numbered in its series but signed without an authority line, or personal
// reports given a number or an organisation's signature.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/meeting_data.h"

namespace vanban {

// Who signs a body's documents. month.xml writes each authority line as its meaning
// (<authority meaning="deputy">Trưởng ban</authority>); the reader spells the prefix as the Party
// does ("K/T Trưởng ban") and the document's profile respells it for its family ("KT. ...").
struct SignatureBlock {
  Signature lines;
  RecordSource signer_source;  // of <signer>, for messages about the person
};

// How the attendance reports of a body's cadres are issued (month.xml reports="...").
enum class ReportMode {
  // "organisation": in the body's number series, signed for it (T/M, K/T, T/L, TUQ.) by the
  // signature block of month.xml.
  Organisation,
  // "personal": the cadre's own report to the body: no number in its series, signed by the cadre
  // as the person who reports.
  Personal,
};

// A body that issues documents: the board, or an agency whose cadres report.
struct IssuingBody {
  std::string key;     // as the cadres' data names the agency; also how it is addressed
  std::string layout;  // profile family: "dang", "nha-nuoc", ...
  Issuer issuer;       // parent, name, code as printed in the header
  std::string place;
  std::string archive;  // "- Lưu <archive>."
  ReportMode reports = ReportMode::Organisation;
  std::optional<int> first_report_number;  // Organisation: first number; unset = draft numbers
  // The board: always (it signs the summary and the reminders). An agency: with Organisation
  // reports only, and then with an authority line.
  std::optional<SignatureBlock> signature;
  RecordSource source;  // of its element in month.xml, for messages
};

// A series of documents the board issues together: date, first number, "Nơi nhận:".
struct IssueSeries {
  CivilDate date;
  std::optional<int> first_number;  // unset = draft numbers
  Recipients recipients;            // the archive is the board's
};

struct MonthSettings {
  std::string source_file;
  MeetingMonth month;
  int report_deadline_days = 0;
  std::string regulation;  // optional: the rule the cadres attend meetings under
  // <register file>: the office's register, resolved against month.xml's folder; empty: numbers
  // come from first-number / first-report-number (or are left blank).
  std::string register_file;
  IssuingBody board;       // Ban Tuyên giáo và Dân vận: the summary and the reminders
  IssueSeries summary;
  std::string summary_addressee;  // the standing committee reported to
  std::string total_label = "Toàn tỉnh";  // the summary tables' total row ("Toàn thành phố")
  int opinions_per_topic = 0;     // quoted in the summary per topic; 0 = all
  // Defaulters' cases the summary names one by one at most; with more it counts them by agency,
  // and the reminders (and, for the board's own cadres, the summary) name them.
  int gaps_listed = 100;
  IssueSeries reminders;
  std::optional<CivilDate> reply_by;  // the day the reminded agencies are to answer by
  std::vector<IssuingBody> agencies;  // in file order

  // The board or the agency with this key; nullptr if month.xml does not name it.
  const IssuingBody* find_issuer(const std::string& key) const;
};

Result<MonthSettings> read_month_settings(const std::string& path, const std::string& schema_path);
// Same, from bytes already in memory; `name` is used in messages.
Result<MonthSettings> read_month_settings_bytes(std::string_view bytes, const std::string& name,
                                                const std::string& schema_path);

}  // namespace vanban
