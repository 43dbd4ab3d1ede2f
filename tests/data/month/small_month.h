// A small month of meetings built in code, small enough to compute its figures by hand
// (tests/stats/month_figures_test.cpp does, in comments). Shared by the stats and templating
// tests.
//
// October 2026 (31 days), report deadline 5 days.
//   B1 Party    "Chi bộ ấp Phú Hữu"                 xã Bình Lợi, huyện Bình Sơn  20 members, day 5
//   B2 Farmers  "Chi hội Nông dân ấp Phú Hữu"        xã Bình Lợi, huyện Bình Sơn  40 members, day 10
//   B3 Women    "Chi hội Phụ nữ ấp Ông Đề"           xã Ân Phú,   huyện Bình Sơn  30 members, day 31
//   B4 Farmers  "Chi hội Nông dân ấp Tân Hòa"        xã Tân Hòa,  huyện Ân Lộc    50 members, day 20
//   B5 Youth    "Chi đoàn ấp Tân Hòa"                xã Tân Hòa,  huyện Ân Lộc    25 members, day 15
//   B6 Veterans "Chi hội Cựu chiến binh ấp Tân Hòa"  xã Tân Hòa,  huyện Ân Lộc    15 members, day 8
// Cadres: C1 Trần Văn Bảy, C2 Lê Thị Ánh (Ban Dân vận Huyện ủy Bình Sơn), C3 Nguyễn Văn Út
// (Hội Nông dân huyện Ân Lộc), C4 Đỗ Minh Châu (Huyện đoàn Ân Lộc).
// Assigned: C1->B1, C1->B2, C2->B3, C3->B4, C4->B5, C3->B6.
// Meetings:
//   M1 B1 10-05, 18 present, C1, filed 10-08 (on time)
//   M2 B2 10-12, 31 present, C1, filed 10-20 (due 10-17: 3 days late)
//   M3 B3 10-31, 24 present, no cadre (C2 absent)
//   M4 B4 10-20, 41 present, C4 (not assigned there; C3 absent), no report
//   M5 B5 10-15, 20 present, C4, filed 10-20 (due 10-20: on time, the last day)
//   B6 did not meet.
#pragma once

#include "model/meeting_data.h"

namespace vanban::testing {

inline MeetingData small_month() {
  MeetingData d;
  d.month = {2026, 10};
  const auto branch = [&](const char* id, Organisation o, const char* kind, const char* name,
                          const char* commune, const char* district, int members, int day) {
    Branch b;
    b.id = id;
    b.organisation = o;
    b.kind = kind;
    b.name = name;
    b.commune = commune;
    b.district = district;
    b.members = members;
    b.meeting_day = day;
    d.branches.push_back(b);
  };
  branch("B1", Organisation::Party, "chi bộ", "Chi bộ ấp Phú Hữu", "xã Bình Lợi", "huyện Bình Sơn",
         20, 5);
  branch("B2", Organisation::Farmers, "chi hội", "Chi hội Nông dân ấp Phú Hữu", "xã Bình Lợi",
         "huyện Bình Sơn", 40, 10);
  branch("B3", Organisation::Women, "chi hội", "Chi hội Phụ nữ ấp Ông Đề", "xã Ân Phú",
         "huyện Bình Sơn", 30, 31);
  branch("B4", Organisation::Farmers, "chi hội", "Chi hội Nông dân ấp Tân Hòa", "xã Tân Hòa",
         "huyện Ân Lộc", 50, 20);
  branch("B5", Organisation::Youth, "chi đoàn", "Chi đoàn ấp Tân Hòa", "xã Tân Hòa",
         "huyện Ân Lộc", 25, 15);
  branch("B6", Organisation::Veterans, "chi hội", "Chi hội Cựu chiến binh ấp Tân Hòa",
         "xã Tân Hòa", "huyện Ân Lộc", 15, 8);

  const auto cadre = [&](const char* id, const char* name, const char* position,
                         const char* agency) {
    Cadre c;
    c.id = id;
    c.name = name;
    c.position = position;
    c.agency = agency;
    c.level = "huyện";
    d.cadres.push_back(c);
  };
  cadre("C1", "Trần Văn Bảy", "Phó Trưởng ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy Bình Sơn");
  cadre("C2", "Lê Thị Ánh", "Chuyên viên Ban Dân vận Huyện ủy", "Ban Dân vận Huyện ủy Bình Sơn");
  cadre("C3", "Nguyễn Văn Út", "Phó Chủ tịch Hội Nông dân huyện", "Hội Nông dân huyện Ân Lộc");
  cadre("C4", "Đỗ Minh Châu", "Phó Bí thư Huyện đoàn", "Huyện đoàn Ân Lộc");

  for (auto [c, b] : {std::pair{"C1", "B1"}, {"C1", "B2"}, {"C2", "B3"}, {"C3", "B4"},
                      {"C4", "B5"}, {"C3", "B6"}})
    d.assignments.push_back({c, b, {}});

  d.meetings.reserve(5);  // the references returned below stay valid
  const auto meeting = [&](const char* branch_id, int day, int present, const char* cadre_id,
                           int filed_day) -> Meeting& {
    Meeting m;
    m.branch_id = branch_id;
    m.date = {2026, 10, day};
    m.present = present;
    m.cadre_id = cadre_id;
    if (filed_day > 0) m.report_filed = CivilDate{2026, 10, filed_day};
    d.meetings.push_back(m);
    return d.meetings.back();
  };
  Meeting& m1 = meeting("B1", 5, 18, "C1", 8);
  m1.topics = {"Quán triệt nghị quyết của Đảng ủy xã về chuyển đổi cây trồng"};
  m1.opinions = {{"Giao thông nông thôn", "Đề nghị sửa đoạn đường đal đầu ấp Phú Hữu"}};
  m1.quality = QualityGrade::Good;
  m1.proposals = {"Đảng ủy xã hỗ trợ kinh phí sửa đường"};
  Meeting& m2 = meeting("B2", 12, 31, "C1", 20);
  m2.topics = {"Phổ biến kỹ thuật bón phân cân đối"};
  m2.opinions = {{"Giá vật tư nông nghiệp", "Giá phân bón tăng, hội viên đề nghị mua chung"}};
  m2.quality = QualityGrade::Fair;
  Meeting& m3 = meeting("B3", 31, 24, "", 0);
  m3.opinions = {{"Bảo hiểm xã hội", "Chị em muốn được hướng dẫn đóng bảo hiểm xã hội tự nguyện"}};
  Meeting& m4 = meeting("B4", 20, 41, "C4", 0);
  m4.opinions = {{"Giá vật tư nông nghiệp", "Đề nghị kiểm tra chất lượng thuốc bảo vệ thực vật"}};
  m4.quality = QualityGrade::Average;
  meeting("B5", 15, 20, "C4", 20).quality = QualityGrade::Good;
  return d;
}

}  // namespace vanban::testing
