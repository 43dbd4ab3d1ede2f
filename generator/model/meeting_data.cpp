#include "model/meeting_data.h"

namespace vanban {

const std::string& SharedPath::str() const {
  static const std::string none;
  return path_ ? *path_ : none;
}

namespace {
struct OrganisationNames {
  const char* id;
  const char* name;
};
constexpr OrganisationNames kOrganisations[kOrganisationCount] = {
    {"dang", "Đảng"},
    {"mat-tran", "Mặt trận Tổ quốc"},
    {"nong-dan", "Hội Nông dân"},
    {"phu-nu", "Hội Liên hiệp Phụ nữ"},
    {"cuu-chien-binh", "Hội Cựu chiến binh"},
    {"doan", "Đoàn Thanh niên"},
};
constexpr OrganisationNames kGrades[] = {
    {"tot", "Tốt"}, {"kha", "Khá"}, {"trung-binh", "Trung bình"}, {"yeu", "Yếu"}};
}  // namespace

const char* organisation_id(Organisation o) { return kOrganisations[static_cast<int>(o)].id; }
const char* organisation_name(Organisation o) { return kOrganisations[static_cast<int>(o)].name; }

bool organisation_from_id(const std::string& id, Organisation& out) {
  for (int i = 0; i < kOrganisationCount; ++i) {
    if (id == kOrganisations[i].id) {
      out = static_cast<Organisation>(i);
      return true;
    }
  }
  return false;
}

const char* quality_id(QualityGrade g) { return kGrades[static_cast<int>(g)].id; }
const char* quality_name(QualityGrade g) { return kGrades[static_cast<int>(g)].name; }

bool quality_from_id(const std::string& id, QualityGrade& out) {
  for (int i = 0; i < 4; ++i) {
    if (id == kGrades[i].id) {
      out = static_cast<QualityGrade>(i);
      return true;
    }
  }
  return false;
}

}  // namespace vanban
