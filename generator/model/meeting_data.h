// Meeting data of one month: which branches meet, which cadres are assigned to attend them, and
// what happened at each meeting (the regime of Quy định 784-QĐ/TU-style rules on attending
// branch meetings). Read from XML or CSV by input/; checked record by record; summed by stats/.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.h"

namespace vanban {

// Where one field of a record is: an XML attribute or a CSV cell.
struct FieldSource {
  // The attribute and column name, "members", "report-filed": one of the readers' fixed names
  // (static storage), not a string per field of a million records.
  const char* name = "";
  int line = 0;
  int column = 0;
};

// A file's path, shared by every record read from it: a million records hold one copy.
class SharedPath {
 public:
  SharedPath() = default;
  // Made from a path where a record's place is written, as a string was; read with str().
  SharedPath(std::string path) : path_(std::make_shared<const std::string>(std::move(path))) {}
  SharedPath(const char* path) : SharedPath(std::string(path)) {}
  const std::string& str() const;  // "" when none was given

 private:
  std::shared_ptr<const std::string> path_;
};

// Where a record came from, for messages: XML line/column, or CSV row and column number.
struct RecordSource {
  SharedPath file;
  int line = 0;    // CSV: row (1-based, the header is row 1)
  int column = 0;  // CSV: column (1-based)
  // Each field's own place, so that a message points at the value: only the readers' checks
  // (input/meeting_checks.h) use them, and they drop them when done.
  std::vector<FieldSource> fields = {};
  // The reader could not read one of its values and said so: input/meeting_checks.h drops the
  // record, but knows its id, so that references to it say "rejected" rather than "unknown".
  bool rejected = false;
};

// The organisations whose branches meet every month. Ids are used in data files and templates.
enum class Organisation {
  Party,      // "dang": chi bộ
  Front,      // "mat-tran": ban công tác Mặt trận
  Farmers,    // "nong-dan": chi hội, tổ hội nông dân
  Women,      // "phu-nu": chi hội, tổ hội phụ nữ
  Veterans,   // "cuu-chien-binh": chi hội, tổ hội cựu chiến binh
  Youth,      // "doan": chi đoàn
};
constexpr int kOrganisationCount = 6;

const char* organisation_id(Organisation o);           // "nong-dan"
const char* organisation_name(Organisation o);         // "Hội Nông dân"
bool organisation_from_id(const std::string& id, Organisation& out);

struct Branch {
  std::string id;            // "NT-CH-03"
  std::string kind;          // "chi bộ", "chi hội", "tổ hội", "phân hội", "chi đoàn", "ban công tác Mặt trận"
  Organisation organisation = Organisation::Party;
  std::string name;          // "Chi hội Nông dân ấp Tân Thuận"
  std::string commune;       // xã, phường, đặc khu: under the province since 1 July 2025
  // huyện, thị xã, thành phố: only in data of months before July 2025, when communes were grouped
  // in districts; empty otherwise.
  std::string district;
  int members = 0;           // on the roll
  int meeting_day = 0;       // regular day of the month (1-31)
  RecordSource source;
};

struct Cadre {
  std::string id;
  std::string name;
  std::string position;  // "Phó Trưởng ban Tuyên giáo và Dân vận Tỉnh ủy"
  std::string agency;    // "Đảng ủy xã Phú Thạnh": the cadre's reports go to it (month.xml)
  std::string level;     // "tỉnh", "xã" (old data: "huyện")
  RecordSource source;
};

struct Assignment {
  std::string cadre_id;
  std::string branch_id;
  RecordSource source;
};

enum class QualityGrade { Good, Fair, Average, Poor };  // tốt, khá, trung bình, yếu
const char* quality_id(QualityGrade g);    // "tot", "kha", "trung-binh", "yeu"
const char* quality_name(QualityGrade g);  // "Tốt", "Khá", "Trung bình", "Yếu"
bool quality_from_id(const std::string& id, QualityGrade& out);

struct Opinion {
  std::string topic;  // grouping key in the summary ("Giá vật tư nông nghiệp")
  std::string text;
};

struct Meeting {
  std::string branch_id;
  CivilDate date;
  int present = 0;                      // members present
  std::string cadre_id;                 // attending cadre; empty = none attended
  std::optional<CivilDate> report_filed;  // date the cadre's report was filed
  std::vector<std::string> topics;      // what was discussed
  std::vector<Opinion> opinions;        // members' opinions and recommendations
  std::optional<QualityGrade> quality;  // the cadre's assessment
  std::vector<std::string> proposals;   // the cadre's proposals
  RecordSource source;
};

struct MeetingMonth {
  int year = 0;
  int month = 0;  // 1-12
};

struct MeetingData {
  MeetingMonth month;
  std::vector<Branch> branches;
  std::vector<Cadre> cadres;
  std::vector<Assignment> assignments;
  std::vector<Meeting> meetings;
};

}  // namespace vanban
