// Writes a synthetic province-scale month of branch meetings for the benchmark of `vanban build`:
// DIR/2026-10/meetings.xml and month.xml (and with --csv the CSV set beside them). About 10,000
// branches over ~10 districts and ~150 communes by default, every organisation, ~2,000 cadres,
// their assignments and ~11,000 meetings, with late and missing reports, absent cadres, the odd
// substitute and members' opinions. Every name is invented.
//
//   vanban_make_province DIR [--branches N] [--seed N] [--csv]
//
// The same arguments give the same bytes on every platform: std::mt19937's sequence is fixed by
// the standard, and every draw is mapped to a range here by plain modulo arithmetic (the
// standard distributions may differ between libraries).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

constexpr int kYear = 2026;
constexpr int kMonth = 10;
constexpr int kDaysInMonth = 31;

class Draw {
 public:
  explicit Draw(std::uint32_t seed) : rng_(seed) {}
  // 0 <= result < n (n > 0); the modulo bias is irrelevant at these sizes.
  int below(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool percent(int p) { return below(100) < p; }
  template <class T>
  const T& pick(const std::vector<T>& items) { return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))]; }

 private:
  std::mt19937 rng_;
};

const std::vector<std::string> kSyllables = {
    "An", "Bình", "Phú", "Tân", "Long", "Mỹ", "Hòa", "Thạnh", "Phước", "Hưng",
    "Lộc", "Đông", "Tây", "Trung", "Thuận", "Lợi", "Hiệp", "Khánh", "Vĩnh", "Xuân",
    "Thới", "Hội", "Điền", "Giang", "Sơn", "Hải", "Quới", "Nhơn", "Định", "Thành"};
const std::vector<std::string> kFamily = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan",
                                          "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
                                          "Thạch", "Lâm", "Trương", "Đinh", "Kiên"};
const std::vector<std::string> kMiddle = {"Văn", "Thị", "Hữu", "Minh", "Quốc", "Thanh", "Ngọc",
                                          "Hoàng", "Kim", "Đức", "Thị Mỹ", "Văn Công"};
const std::vector<std::string> kGiven = {"Lực", "Loan", "Nhân", "Hạnh", "Tài", "Khang", "Duyên", "Sơn",
                                         "Bảo", "Nhung", "Ẩn", "Phúc", "Tâm", "Hùng", "Lan", "Mai",
                                         "Dũng", "Hương", "Trí", "Nghĩa", "Thảo", "Vy", "Khoa", "Toàn",
                                         "Hiếu", "Thư", "Quang", "Châu", "Trinh", "Yến"};

// A two-syllable place name, distinct for k below 30 x 29.
std::string place_name(int k) {
  const int n = static_cast<int>(kSyllables.size());
  const int a = k % n;
  const int b = (a + 1 + (k / n) % (n - 1)) % n;
  return kSyllables[static_cast<std::size_t>(a)] + " " + kSyllables[static_cast<std::size_t>(b)];
}

struct OrganisationInfo {
  const char* id;
  const char* code;  // in branch ids
  const char* kind;
  const char* branch_prefix;  // "Chi hội Nông dân"
  int members_min, members_max;
  std::vector<std::string> topics;
};

const std::vector<OrganisationInfo> kOrganisations = {
    {"dang", "CB", "chi bộ", "Chi bộ", 15, 45,
     {"Kiểm điểm việc thực hiện nghị quyết tháng 9, đề ra nhiệm vụ tháng 10 năm 2026",
      "Phân công đảng viên phụ trách hộ gia đình", "Góp ý dự thảo quy chế dân chủ ở ấp",
      "Đánh giá việc thu, nộp đảng phí"}},
    {"mat-tran", "MT", "ban công tác Mặt trận", "Ban công tác Mặt trận", 7, 15,
     {"Triển khai cuộc vận động xây dựng khu dân cư văn hóa", "Rà soát hộ nghèo, hộ cận nghèo",
      "Vận động quỹ Vì người nghèo"}},
    {"nong-dan", "ND", "chi hội", "Chi hội Nông dân", 30, 120,
     {"Bàn kế hoạch xuống giống vụ Đông Xuân", "Hướng dẫn vay vốn Quỹ hỗ trợ nông dân",
      "Trao đổi kỹ thuật phòng trừ rầy nâu"}},
    {"phu-nu", "PN", "chi hội", "Chi hội Phụ nữ", 30, 110,
     {"Triển khai mô hình tiết kiệm theo nhóm", "Tuyên truyền phòng, chống bạo lực gia đình",
      "Vận động hội viên tham gia bảo hiểm y tế hộ gia đình"}},
    {"cuu-chien-binh", "CCB", "chi hội", "Chi hội Cựu chiến binh", 12, 45,
     {"Tham gia giữ gìn an ninh trật tự ở ấp", "Giúp đỡ hội viên khó khăn về nhà ở"}},
    {"doan", "DO", "chi đoàn", "Chi đoàn", 15, 50,
     {"Ra quân tình nguyện làm đường giao thông nông thôn", "Tư vấn hướng nghiệp cho đoàn viên",
      "Phát động phong trào thanh niên khởi nghiệp"}},
};

struct OpinionText {
  const char* topic;
  const char* text;
};
const std::vector<OpinionText> kOpinions = {
    {"Giao thông nông thôn", "Đường liên ấp xuống cấp sau mùa mưa, có nhiều ổ gà, đề nghị sớm sửa chữa"},
    {"Giao thông nông thôn", "Đề nghị lắp đèn chiếu sáng tuyến đường từ bến đò vào chợ"},
    {"Giá vật tư nông nghiệp", "Giá phân bón tăng so với vụ trước trong khi giá lúa không tăng"},
    {"Tiêu thụ nông sản", "Đề nghị hỗ trợ kết nối doanh nghiệp thu mua nông sản cho bà con"},
    {"Sạt lở, thủy lợi", "Bờ bao ven sông bị sạt một đoạn, đề nghị gia cố trước đợt triều cường"},
    {"Nước sạch, môi trường", "Rác thải ở chợ tạm chưa được thu gom hằng ngày, gây ô nhiễm"},
    {"Đào tạo nghề, việc làm", "Đề nghị mở lớp nghề ngắn hạn tại chỗ cho lao động trung niên"},
    {"Y tế, bảo hiểm", "Đề nghị trạm y tế xã bố trí thêm ngày khám cho người cao tuổi"},
    {"Giáo dục", "Điểm trường của ấp thiếu phòng học, học sinh phải học ca ba"},
    {"An ninh trật tự", "Tình trạng trộm cắp vặt tái diễn, đề nghị tăng cường tuần tra ban đêm"}};
const std::vector<std::string> kProposals = {
    "Đề nghị Ủy ban nhân dân xã sớm trả lời kiến nghị của hội viên",
    "Chi ủy chuẩn bị kỹ nội dung trọng tâm trước buổi sinh hoạt",
    "Đề nghị cấp trên hỗ trợ kinh phí tổ chức sinh hoạt chuyên đề",
    "Tăng cường sinh hoạt chuyên đề gắn với nhiệm vụ của địa phương"};
const std::vector<std::string> kQualities = {"tot", "kha", "trung-binh", "yeu"};

struct Agency {
  std::string key;
  std::string layout;
  std::string parent, name, code, place, archive;
};

struct Cadre {
  std::string id, name, position, agency, level;
  int district = -1, commune = -1;  // -1: provincial
};

struct Branch {
  std::string id, kind, organisation, name, commune, district;
  int members = 0, meeting_day = 0;
  int district_index = 0, commune_index = 0;
};

struct Opinion {
  std::string topic, text;
};

struct Meeting {
  std::string branch, date, cadre, report_filed, quality;
  int present = 0;
  std::vector<std::string> topics, proposals;
  std::vector<Opinion> opinions;
};

struct Province {
  std::vector<Agency> agencies;
  std::vector<Cadre> cadres;
  std::vector<Branch> branches;
  std::vector<std::pair<std::string, std::string>> assignments;  // cadre, branch
  std::vector<Meeting> meetings;
};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Day `day` of the month plus `later` days, possibly into the next month.
std::string date_after(int day, int later) {
  int d = day + later, m = kMonth, y = kYear;
  if (d > kDaysInMonth) {
    d -= kDaysInMonth;
    m = kMonth == 12 ? 1 : kMonth + 1;
    y = kMonth == 12 ? kYear + 1 : kYear;
  }
  return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

Province make_province(int branch_count, std::uint32_t seed) {
  Draw draw(seed);
  Province p;
  const int communes = std::max(1, branch_count / 67);
  const int districts = std::max(1, (communes + 7) / 15);
  std::vector<std::string> district_names, commune_names;
  for (int d = 0; d < districts; ++d) district_names.push_back(place_name(d * 31 + 7));
  for (int c = 0; c < communes; ++c) commune_names.push_back(place_name(c + 40));
  auto district_of = [&](int commune) { return commune % districts; };

  // Agencies: the provincial bodies (as in content/2026-10/month.xml), six per district, one
  // Party committee per commune.
  p.agencies = {
      {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Giang", "nha-nuoc", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
       "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Giang", "MTTQ-BTT", "Vĩnh Giang", "VT, Ban Dân chủ - Pháp luật"},
      {"Hội Nông dân tỉnh Vĩnh Giang", "nha-nuoc", "Trung ương Hội Nông dân Việt Nam",
       "Ban Chấp hành Hội Nông dân tỉnh Vĩnh Giang", "HNDT", "Vĩnh Giang", "VP"},
      {"Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang", "nha-nuoc", "Hội Liên hiệp Phụ nữ Việt Nam",
       "Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang", "HPN", "Vĩnh Giang", "VT"},
      {"Hội Cựu chiến binh tỉnh Vĩnh Giang", "nha-nuoc", "Hội Cựu chiến binh Việt Nam",
       "Hội Cựu chiến binh tỉnh Vĩnh Giang", "CCB", "Vĩnh Giang", "VP"},
      {"Tỉnh đoàn Vĩnh Giang", "nha-nuoc", "Ban Chấp hành Trung ương Đoàn TNCS Hồ Chí Minh",
       "Ban Chấp hành Tỉnh đoàn Vĩnh Giang", "TĐTN", "Vĩnh Giang", "VP"}};
  const std::vector<std::string> provincial = {"Ban Dân vận Tỉnh ủy", p.agencies[0].key, p.agencies[1].key,
                                               p.agencies[2].key, p.agencies[3].key, p.agencies[4].key};
  std::vector<std::vector<std::string>> district_agencies(static_cast<std::size_t>(districts));
  for (int d = 0; d < districts; ++d) {
    const std::string& n = district_names[static_cast<std::size_t>(d)];
    const std::vector<Agency> six = {
        {"Ban Dân vận Huyện ủy " + n, "dang", "Huyện ủy " + n, "Ban Dân vận", "BDVHU", n, "Ban Dân vận Huyện ủy"},
        {"Ủy ban Mặt trận Tổ quốc Việt Nam huyện " + n, "nha-nuoc", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Giang",
         "Ủy ban Mặt trận Tổ quốc Việt Nam huyện " + n, "MTTQ", n, "VT"},
        {"Hội Nông dân huyện " + n, "nha-nuoc", "Hội Nông dân tỉnh Vĩnh Giang", "Hội Nông dân huyện " + n, "HND", n, "VT"},
        {"Hội Liên hiệp Phụ nữ huyện " + n, "nha-nuoc", "Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang",
         "Hội Liên hiệp Phụ nữ huyện " + n, "HPN", n, "VT"},
        {"Hội Cựu chiến binh huyện " + n, "nha-nuoc", "Hội Cựu chiến binh tỉnh Vĩnh Giang",
         "Hội Cựu chiến binh huyện " + n, "CCB", n, "VT"},
        {"Huyện đoàn " + n, "nha-nuoc", "Tỉnh đoàn Vĩnh Giang", "Huyện đoàn " + n, "HĐTN", n, "VT"}};
    for (const Agency& a : six) {
      p.agencies.push_back(a);
      district_agencies[static_cast<std::size_t>(d)].push_back(a.key);
    }
  }
  for (int c = 0; c < communes; ++c) {
    const std::string& n = commune_names[static_cast<std::size_t>(c)];
    const std::string& d = district_names[static_cast<std::size_t>(district_of(c))];
    p.agencies.push_back({"Đảng ủy xã " + n, "dang", "Đảng bộ huyện " + d, "Đảng ủy xã " + n, "ĐU", n, "Văn phòng Đảng ủy"});
  }

  // Cadres: 2% provincial, 38% of a district, 60% of a commune.
  const std::vector<std::string> district_positions = {
      "Phó Trưởng ban Dân vận Huyện ủy", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
      "Phó Chủ tịch Hội Nông dân huyện", "Phó Chủ tịch Hội Liên hiệp Phụ nữ huyện",
      "Phó Chủ tịch Hội Cựu chiến binh huyện", "Phó Bí thư Huyện đoàn"};
  const std::vector<std::string> provincial_positions = {
      "Chuyên viên Ban Dân vận Tỉnh ủy", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "Phó Chủ tịch Hội Nông dân tỉnh", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",
      "Phó Chủ tịch Hội Cựu chiến binh tỉnh", "Phó Bí thư Tỉnh đoàn"};
  const std::vector<std::string> commune_positions = {"Phó Bí thư Đảng ủy xã", "Ủy viên Ban Thường vụ Đảng ủy xã",
                                                      "Đảng ủy viên, Trưởng ban Dân vận xã"};
  const int cadre_count = std::max(6, branch_count / 5);
  std::vector<std::vector<int>> cadres_of_district(static_cast<std::size_t>(districts));
  std::vector<std::vector<int>> cadres_of_commune(static_cast<std::size_t>(communes));
  std::vector<int> provincial_cadres;
  for (int i = 0; i < cadre_count; ++i) {
    Cadre c;
    c.id = "C" + std::to_string(10000 + i).substr(1);
    // One draw per statement: the operands of + are evaluated in no fixed order.
    const std::string& family = draw.pick(kFamily);
    const std::string& middle = draw.pick(kMiddle);
    c.name = family + " " + middle + " " + draw.pick(kGiven);
    const int roll = i % 50;
    if (roll == 0) {
      const int a = (i / 50) % 6;
      c.position = provincial_positions[static_cast<std::size_t>(a)];
      c.agency = provincial[static_cast<std::size_t>(a)];
      c.level = "tỉnh";
      provincial_cadres.push_back(i);
    } else if (roll < 20) {
      c.district = draw.below(districts);
      const int a = draw.below(6);
      c.position = district_positions[static_cast<std::size_t>(a)];
      c.agency = district_agencies[static_cast<std::size_t>(c.district)][static_cast<std::size_t>(a)];
      c.level = "huyện";
      cadres_of_district[static_cast<std::size_t>(c.district)].push_back(i);
    } else {
      c.commune = draw.below(communes);
      c.district = district_of(c.commune);
      c.position = draw.pick(commune_positions);
      c.agency = "Đảng ủy xã " + commune_names[static_cast<std::size_t>(c.commune)];
      c.level = "xã";
      cadres_of_commune[static_cast<std::size_t>(c.commune)].push_back(i);
    }
    p.cadres.push_back(std::move(c));
  }

  // Branches: one per organisation in each hamlet (ấp), hamlets spread over the communes.
  std::vector<int> hamlets_in_commune(static_cast<std::size_t>(communes), 0);
  for (int i = 0; i < branch_count; ++i) {
    const int hamlet = i / 6;
    const OrganisationInfo& o = kOrganisations[static_cast<std::size_t>(i % 6)];
    Branch b;
    b.commune_index = hamlet % communes;
    b.district_index = district_of(b.commune_index);
    if (i % 6 == 0) ++hamlets_in_commune[static_cast<std::size_t>(b.commune_index)];
    const int local = hamlets_in_commune[static_cast<std::size_t>(b.commune_index)];
    const std::string hamlet_name = "ấp " + place_name(local * 17 + b.commune_index) + " " + std::to_string(local);
    b.id = "H" + two(b.district_index + 1) + "-X" + std::to_string(1000 + b.commune_index).substr(1) + "-" + o.code +
           "-" + std::to_string(100 + local).substr(1);
    b.kind = o.kind;
    b.organisation = o.id;
    b.name = std::string(o.branch_prefix) + " " + hamlet_name;
    b.commune = "xã " + commune_names[static_cast<std::size_t>(b.commune_index)];
    b.district = "huyện " + district_names[static_cast<std::size_t>(b.district_index)];
    b.members = draw.between(o.members_min, o.members_max);
    b.meeting_day = draw.between(1, 28);
    p.branches.push_back(std::move(b));
  }

  // Assignments: a cadre of the commune (60%), of the district (35%) or of the province; one
  // branch in ten gets a second cadre.
  auto choose_cadre = [&](const Branch& b) {
    const auto& commune = cadres_of_commune[static_cast<std::size_t>(b.commune_index)];
    const auto& district = cadres_of_district[static_cast<std::size_t>(b.district_index)];
    const int roll = draw.below(100);
    if (roll < 60 && !commune.empty()) return draw.pick(commune);
    if (roll < 95 && !district.empty()) return draw.pick(district);
    if (!provincial_cadres.empty()) return draw.pick(provincial_cadres);
    return draw.below(cadre_count);
  };
  std::vector<std::vector<int>> assigned(p.branches.size());
  for (std::size_t i = 0; i < p.branches.size(); ++i) {
    const int first = choose_cadre(p.branches[i]);
    assigned[i].push_back(first);
    if (draw.percent(10)) {
      const int second = choose_cadre(p.branches[i]);
      if (second != first) assigned[i].push_back(second);
    }
    for (int c : assigned[i]) p.assignments.emplace_back(p.cadres[static_cast<std::size_t>(c)].id, p.branches[i].id);
  }

  // Meetings, in date order as a board would collect them: 97% of branches meet on or near their
  // day, 13% meet a second time; the assigned cadre attends 92% of them (a substitute 1%), files
  // the report on time 82%, late 11%, not at all 7%.
  std::vector<std::vector<Meeting>> by_day(kDaysInMonth + 1);
  for (std::size_t i = 0; i < p.branches.size(); ++i) {
    const Branch& b = p.branches[i];
    const OrganisationInfo& o = kOrganisations[i % 6];
    std::vector<int> days;
    if (draw.percent(97)) days.push_back(draw.percent(85) ? b.meeting_day
                                                          : std::clamp(b.meeting_day + draw.between(-4, 4), 1, kDaysInMonth));
    if (draw.percent(13)) {
      const int extra = draw.between(1, kDaysInMonth);
      if (days.empty() || extra != days.front()) days.push_back(extra);
    }
    for (int day : days) {
      Meeting m;
      m.branch = b.id;
      m.date = date_after(day, 0);
      m.present = std::max(1, b.members * draw.between(70, 100) / 100);
      const int who = draw.below(100);
      int cadre = -1;
      if (who < 92) {
        cadre = assigned[i][static_cast<std::size_t>(draw.below(static_cast<int>(assigned[i].size())))];
      } else if (who < 93) {
        cadre = choose_cadre(b);
      }
      if (cadre >= 0) {
        m.cadre = p.cadres[static_cast<std::size_t>(cadre)].id;
        const int report = draw.below(100);
        if (report < 82) {
          m.report_filed = date_after(day, draw.between(0, 5));
        } else if (report < 93) {
          m.report_filed = date_after(day, draw.between(6, 14));
        }
        const int q = draw.below(100);
        m.quality = kQualities[q < 45 ? 0 : q < 80 ? 1 : q < 95 ? 2 : 3];
        if (draw.percent(40)) m.proposals.push_back(draw.pick(kProposals));
      }
      m.topics.push_back(draw.pick(o.topics));
      if (draw.percent(40)) {
        const std::string& second = draw.pick(o.topics);
        if (second != m.topics.front()) m.topics.push_back(second);
      }
      const int opinions = draw.below(100) < 30 ? 0 : draw.percent(70) ? 1 : 2;
      for (int k = 0; k < opinions; ++k) {
        const OpinionText& t = draw.pick(kOpinions);
        m.opinions.push_back({t.topic, std::string(t.text) + " (" + b.name + ")"});
      }
      by_day[static_cast<std::size_t>(day)].push_back(std::move(m));
    }
  }
  for (auto& day : by_day)
    for (Meeting& m : day) p.meetings.push_back(std::move(m));
  return p;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string meetings_xml(const Province& p) {
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<!-- Synthetic month written by vanban_make_province for the benchmark. -->\n";
  x += "<meeting-month year=\"" + std::to_string(kYear) + "\" month=\"" + std::to_string(kMonth) + "\">\n  <branches>\n";
  for (const Branch& b : p.branches)
    x += "    <branch id=\"" + b.id + "\" kind=\"" + b.kind + "\" organisation=\"" + b.organisation + "\" name=\"" +
         xml_escape(b.name) + "\" commune=\"" + xml_escape(b.commune) + "\" district=\"" + xml_escape(b.district) +
         "\" members=\"" + std::to_string(b.members) + "\" meeting-day=\"" + std::to_string(b.meeting_day) + "\"/>\n";
  x += "  </branches>\n  <cadres>\n";
  for (const Cadre& c : p.cadres)
    x += "    <cadre id=\"" + c.id + "\" name=\"" + xml_escape(c.name) + "\" position=\"" + xml_escape(c.position) +
         "\" agency=\"" + xml_escape(c.agency) + "\" level=\"" + c.level + "\"/>\n";
  x += "  </cadres>\n  <assignments>\n";
  for (const auto& [cadre, branch] : p.assignments) x += "    <assign cadre=\"" + cadre + "\" branch=\"" + branch + "\"/>\n";
  x += "  </assignments>\n  <meetings>\n";
  for (const Meeting& m : p.meetings) {
    x += "    <meeting branch=\"" + m.branch + "\" date=\"" + m.date + "\" present=\"" + std::to_string(m.present) + "\"";
    if (!m.cadre.empty()) x += " cadre=\"" + m.cadre + "\"";
    if (!m.report_filed.empty()) x += " report-filed=\"" + m.report_filed + "\"";
    x += ">\n";
    for (const std::string& t : m.topics) x += "      <topic>" + xml_escape(t) + "</topic>\n";
    for (const Opinion& o : m.opinions)
      x += "      <opinion topic=\"" + xml_escape(o.topic) + "\">" + xml_escape(o.text) + "</opinion>\n";
    if (!m.quality.empty()) x += "      <quality>" + m.quality + "</quality>\n";
    for (const std::string& s : m.proposals) x += "      <proposal>" + xml_escape(s) + "</proposal>\n";
    x += "    </meeting>\n";
  }
  return x + "  </meetings>\n</meeting-month>\n";
}

// month.xml: the board, summary and reminders of content/2026-10/month.xml, and every agency
// whose cadres report.
std::string month_xml(const Province& p) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- Synthetic month settings written by vanban_make_province, adapted from\n"
      "     content/2026-10/month.xml. -->\n"
      "<month-settings month=\"" + std::to_string(kYear) + "-" + two(kMonth) + "\" report-deadline-days=\"5\">\n"
      "  <regulation>Chỉ thị số 18-CT/TU, ngày 12/3/2026 của Ban Thường vụ Tỉnh ủy về giữ vững nền nếp sinh hoạt "
      "định kỳ của chi bộ và việc cán bộ dự sinh hoạt với chi hội, tổ hội ở ấp, khóm</regulation>\n"
      "  <board key=\"Ban Dân vận Tỉnh ủy\" layout=\"dang\" first-report-number=\"152\">\n"
      "    <issuer>\n      <parent>Tỉnh ủy Vĩnh Giang</parent>\n      <name>Ban Dân vận</name>\n"
      "      <code>BDVTU</code>\n    </issuer>\n    <place>Vĩnh Giang</place>\n"
      "    <archive>Ban Dân vận Tỉnh ủy</archive>\n    <signature>\n      <authority>K/T Trưởng ban</authority>\n"
      "      <role>Phó Trưởng ban</role>\n      <signer>Phan Văn Lực</signer>\n    </signature>\n  </board>\n"
      "  <summary date=\"2026-11-06\" first-number=\"158\" opinions-per-topic=\"12\">\n"
      "    <addressee>Ban Thường vụ Tỉnh ủy</addressee>\n    <recipients>\n      <group purpose=\"Báo cáo\">\n"
      "        <recipient>Ban Dân vận Trung ương</recipient>\n        <recipient>Thường trực Tỉnh ủy</recipient>\n"
      "      </group>\n      <recipient>Các huyện ủy, thị ủy</recipient>\n    </recipients>\n  </summary>\n"
      "  <reminders date=\"2026-11-06\" first-number=\"431\" reply-by=\"2026-11-20\">\n    <recipients>\n"
      "      <group purpose=\"Báo cáo\">\n        <recipient>Thường trực Tỉnh ủy</recipient>\n      </group>\n"
      "      <recipient>Lãnh đạo Ban Dân vận Tỉnh ủy</recipient>\n    </recipients>\n  </reminders>\n";
  int number = 11;
  for (const Agency& a : p.agencies) {
    x += "  <agency key=\"" + xml_escape(a.key) + "\" layout=\"" + a.layout + "\" first-report-number=\"" +
         std::to_string(number) + "\">\n    <issuer>\n      <parent>" + xml_escape(a.parent) + "</parent>\n      <name>" +
         xml_escape(a.name) + "</name>\n      <code>" + xml_escape(a.code) + "</code>\n    </issuer>\n    <place>" +
         xml_escape(a.place) + "</place>\n    <archive>" + xml_escape(a.archive) + "</archive>\n  </agency>\n";
    number += 7;
  }
  return x + "</month-settings>\n";
}

// RFC 4180: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "\n" : "") + items[i];
  return out;
}

std::map<std::string, std::string> csv_files(const Province& p) {
  std::map<std::string, std::string> files;
  std::string& branches = files["branches.csv"];
  branches = csv_row({"id", "kind", "organisation", "name", "commune", "district", "members", "meeting-day"});
  for (const Branch& b : p.branches)
    branches += csv_row({b.id, b.kind, b.organisation, b.name, b.commune, b.district, std::to_string(b.members),
                         std::to_string(b.meeting_day)});
  std::string& cadres = files["cadres.csv"];
  cadres = csv_row({"id", "name", "position", "agency", "level"});
  for (const Cadre& c : p.cadres) cadres += csv_row({c.id, c.name, c.position, c.agency, c.level});
  std::string& assignments = files["assignments.csv"];
  assignments = csv_row({"cadre", "branch"});
  for (const auto& [cadre, branch] : p.assignments) assignments += csv_row({cadre, branch});
  std::string& meetings = files["meetings.csv"];
  meetings = csv_row({"branch", "date", "present", "cadre", "report-filed", "topics", "opinions", "quality", "proposals"});
  for (const Meeting& m : p.meetings) {
    std::vector<std::string> opinions;
    for (const Opinion& o : m.opinions) opinions.push_back(o.topic + ": " + o.text);
    meetings += csv_row({m.branch, m.date, std::to_string(m.present), m.cadre, m.report_filed, joined(m.topics),
                         joined(opinions), m.quality, joined(m.proposals)});
  }
  return files;
}

bool write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) std::cerr << "vanban_make_province: cannot write " << path.string() << '\n';
  return static_cast<bool>(out);
}

int usage() {
  std::cerr << "usage: vanban_make_province DIR [--branches N] [--seed N] [--csv]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const fs::path dir = argv[1];
  int branches = 10000;
  std::uint32_t seed = 20261001;
  bool csv = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--csv") {
      csv = true;
    } else if ((arg == "--branches" || arg == "--seed") && i + 1 < argc) {
      const long value = std::strtol(argv[++i], nullptr, 10);
      if (value <= 0) return usage();
      if (arg == "--branches") branches = static_cast<int>(value);
      else seed = static_cast<std::uint32_t>(value);
    } else {
      return usage();
    }
  }
  const Province p = make_province(branches, seed);
  const fs::path month = dir / (std::to_string(kYear) + "-" + two(kMonth));
  std::error_code ec;
  fs::create_directories(month, ec);
  if (ec) {
    std::cerr << "vanban_make_province: cannot create " << month.string() << ": " << ec.message() << '\n';
    return 1;
  }
  bool ok = write(month / "meetings.xml", meetings_xml(p)) && write(month / "month.xml", month_xml(p));
  if (csv)
    for (const auto& [name, bytes] : csv_files(p)) ok = write(month / name, bytes) && ok;
  std::printf("%s: %zu branches, %zu cadres, %zu assignments, %zu meetings\n", month.string().c_str(),
              p.branches.size(), p.cadres.size(), p.assignments.size(), p.meetings.size());
  return ok ? 0 : 1;
}
