// Writes a synthetic province-scale month of branch meetings for the benchmark of `vanban build`:
// DIR/2026-10/meetings.xml and month.xml (and with --csv the CSV set beside them). About 10,000
// branches by default over ~150 communes (xã, phường, đặc khu) directly under the province, as
// local government has been organised since 1 July 2025 (no districts); every organisation,
// ~2,000 cadres, their assignments and ~11,000 meetings, with late and missing reports, absent
// cadres, the odd substitute and members' opinions. Every name is invented.
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

#include "model/xml_escape.h"

using vanban::xml_escaped;

namespace {

namespace fs = std::filesystem;

// `value` in at least `digits` digits, more when it needs them: ids stay unique at any size
// ("C0042", and "C12345" past ten thousand cadres).
std::string zero_padded(int value, std::size_t digits) {
  std::string s = std::to_string(value);
  return s.size() < digits ? std::string(digits - s.size(), '0') + s : s;
}

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

// An agency whose cadres report: with a signature (authority meaning and text, role, signer),
// its reports are its own, numbered and signed for it; without, they are the cadres' personal ones.
struct Agency {
  std::string key;
  std::string layout;
  std::string parent, name, code, place, archive;
  std::string meaning, authority, role, signer;  // empty meaning: personal reports
};

struct Cadre {
  std::string id, name, position, agency, level;
  int commune = -1;  // -1: provincial
};

struct Branch {
  std::string id, kind, organisation, name, commune;
  int members = 0, meeting_day = 0;
  int commune_index = 0;
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

// The commune's kind and name as written: every fifth a phường, the first an đặc khu.
std::string commune_title(int c, const std::string& name) {
  return (c == 0 ? "đặc khu " : c % 5 == 4 ? "phường " : "xã ") + name;
}

Province make_province(int branch_count, std::uint32_t seed) {
  Draw draw(seed);
  Province p;
  // At most 800 communes (real provinces have under 200), so that their names (830 distinct
  // pairs of syllables from place_name(40)) and the three digits of branch ids stay unique in a
  // million-branch month; beyond that the communes only grow larger.
  const int communes = std::clamp(branch_count / 67, 1, 800);
  std::vector<std::string> commune_places, commune_names;  // "Tân Phú", "xã Tân Phú"
  for (int c = 0; c < communes; ++c) {
    commune_places.push_back(place_name(c + 40));
    commune_names.push_back(commune_title(c, commune_places.back()));
  }

  // Agencies: the provincial bodies (as in content/2026-10/month.xml), and in each commune its
  // Party committee (its cadres report personally) and its Front committee (reports of its own).
  // The signers' family names are not among the cadres' (kFamily): no signer is a defaulter.
  p.agencies = {
      {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", "mat-tran", "",
       "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", "MTTQ-BTT", "Trường Giang", "VT, Ban Dân chủ - Pháp luật",
       "on-behalf", "Ban Thường trực", "Phó Chủ tịch Thường trực", "Tôn Thất Bảo"},
      {"Hội Nông dân tỉnh Trường Giang", "hoi-nong-dan", "Trung ương Hội Nông dân Việt Nam",
       "Ban Chấp hành Hội Nông dân tỉnh Trường Giang", "HNDT", "Trường Giang", "VP", "on-behalf", "Ban Thường vụ",
       "Chủ tịch", "Mai Thanh Tùng"},
      {"Hội Liên hiệp Phụ nữ tỉnh Trường Giang", "hoi-phu-nu", "Hội LHPN tỉnh Trường Giang", "Ban Thường vụ", "HPN",
       "Trường Giang", "VT", "", "", "", ""},
      {"Hội Cựu chiến binh tỉnh Trường Giang", "hoi-cuu-chien-binh", "", "Hội Cựu chiến binh tỉnh Trường Giang", "CCB",
       "Trường Giang", "VP", "on-behalf", "Ban Thường vụ", "Chủ tịch", "Tăng Văn Thuận"},
      {"Tỉnh đoàn Trường Giang", "doan", "Ban Chấp hành Trung ương Đoàn", "Ban Chấp hành Tỉnh đoàn Trường Giang",
       "TĐTN", "Trường Giang", "VP", "on-behalf", "Ban Thường vụ Tỉnh đoàn", "Bí thư", "Châu Ngọc Trâm"}};
  const std::vector<std::string> provincial = {"Ban Tuyên giáo và Dân vận Tỉnh ủy", p.agencies[0].key,
                                               p.agencies[1].key, p.agencies[2].key, p.agencies[3].key,
                                               p.agencies[4].key};
  for (int c = 0; c < communes; ++c) {
    const std::string& n = commune_names[static_cast<std::size_t>(c)];
    const std::string& place = commune_places[static_cast<std::size_t>(c)];
    p.agencies.push_back({"Đảng ủy " + n, "dang", "Đảng bộ tỉnh Trường Giang", "Đảng ủy " + n, "ĐU", place,
                          "Văn phòng Đảng ủy", "", "", "", ""});
    p.agencies.push_back({"Ủy ban Mặt trận Tổ quốc Việt Nam " + n, "mat-tran",
                          "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang",
                          "Ủy ban Mặt trận Tổ quốc Việt Nam " + n, "MTTQ", place, "VT", "on-behalf",
                          "Ban Thường trực", "Chủ tịch", "Tôn Nữ Diệu Hiền"});
  }

  // Cadres: 2% provincial, the others of a commune: 70% of its Party committee, 30% of its Front
  // committee.
  const std::vector<std::string> provincial_positions = {
      "Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy", "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "Phó Chủ tịch Hội Nông dân tỉnh", "Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh",
      "Phó Chủ tịch Hội Cựu chiến binh tỉnh", "Phó Bí thư Tỉnh đoàn"};
  const std::vector<std::string> party_positions = {"Phó Bí thư Đảng ủy", "Ủy viên Ban Thường vụ Đảng ủy",
                                                    "Đảng ủy viên, Trưởng ban Xây dựng Đảng"};
  const int cadre_count = std::max(6, branch_count / 5);
  std::vector<std::vector<int>> cadres_of_commune(static_cast<std::size_t>(communes));
  std::vector<int> provincial_cadres;
  for (int i = 0; i < cadre_count; ++i) {
    Cadre c;
    c.id = "C" + zero_padded(i, 4);
    // One draw per statement: the operands of + are evaluated in no fixed order.
    const std::string& family = draw.pick(kFamily);
    const std::string& middle = draw.pick(kMiddle);
    c.name = family + " " + middle + " " + draw.pick(kGiven);
    if (i % 50 == 0) {
      const int a = (i / 50) % 6;
      c.position = provincial_positions[static_cast<std::size_t>(a)];
      c.agency = provincial[static_cast<std::size_t>(a)];
      c.level = "tỉnh";
      provincial_cadres.push_back(i);
    } else {
      c.commune = draw.below(communes);
      const std::string& n = commune_names[static_cast<std::size_t>(c.commune)];
      if (draw.percent(70)) {
        c.position = draw.pick(party_positions) + " " + n;
        c.agency = "Đảng ủy " + n;
      } else {
        c.position = "Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam " + n;
        c.agency = "Ủy ban Mặt trận Tổ quốc Việt Nam " + n;
      }
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
    if (i % 6 == 0) ++hamlets_in_commune[static_cast<std::size_t>(b.commune_index)];
    const int local = hamlets_in_commune[static_cast<std::size_t>(b.commune_index)];
    const std::string hamlet_name = "ấp " + place_name(local * 17 + b.commune_index) + " " + std::to_string(local);
    b.id = "X" + zero_padded(b.commune_index, 3) + "-" + o.code + "-" + zero_padded(local, 2);
    b.kind = o.kind;
    b.organisation = o.id;
    b.name = std::string(o.branch_prefix) + " " + hamlet_name;
    b.commune = commune_names[static_cast<std::size_t>(b.commune_index)];
    b.members = draw.between(o.members_min, o.members_max);
    b.meeting_day = draw.between(1, 28);
    p.branches.push_back(std::move(b));
  }

  // Assignments: a cadre of the commune (95%) or of the province; one branch in ten gets a
  // second cadre.
  auto choose_cadre = [&](const Branch& b) {
    const auto& commune = cadres_of_commune[static_cast<std::size_t>(b.commune_index)];
    const int roll = draw.below(100);
    if (roll < 95 && !commune.empty()) return draw.pick(commune);
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

std::string meetings_xml(const Province& p) {
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<!-- Synthetic month written by vanban_make_province for the benchmark. -->\n";
  x += "<meeting-month year=\"" + std::to_string(kYear) + "\" month=\"" + std::to_string(kMonth) + "\">\n  <branches>\n";
  for (const Branch& b : p.branches)
    x += "    <branch id=\"" + b.id + "\" kind=\"" + b.kind + "\" organisation=\"" + b.organisation + "\" name=\"" +
         xml_escaped(b.name) + "\" commune=\"" + xml_escaped(b.commune) + "\" members=\"" + std::to_string(b.members) + "\" meeting-day=\"" + std::to_string(b.meeting_day) + "\"/>\n";
  x += "  </branches>\n  <cadres>\n";
  for (const Cadre& c : p.cadres)
    x += "    <cadre id=\"" + c.id + "\" name=\"" + xml_escaped(c.name) + "\" position=\"" + xml_escaped(c.position) +
         "\" agency=\"" + xml_escaped(c.agency) + "\" level=\"" + c.level + "\"/>\n";
  x += "  </cadres>\n  <assignments>\n";
  for (const auto& [cadre, branch] : p.assignments) x += "    <assign cadre=\"" + cadre + "\" branch=\"" + branch + "\"/>\n";
  x += "  </assignments>\n  <meetings>\n";
  for (const Meeting& m : p.meetings) {
    x += "    <meeting branch=\"" + m.branch + "\" date=\"" + m.date + "\" present=\"" + std::to_string(m.present) + "\"";
    if (!m.cadre.empty()) x += " cadre=\"" + m.cadre + "\"";
    if (!m.report_filed.empty()) x += " report-filed=\"" + m.report_filed + "\"";
    x += ">\n";
    for (const std::string& t : m.topics) x += "      <topic>" + xml_escaped(t) + "</topic>\n";
    for (const Opinion& o : m.opinions)
      x += "      <opinion topic=\"" + xml_escaped(o.topic) + "\">" + xml_escaped(o.text) + "</opinion>\n";
    if (!m.quality.empty()) x += "      <quality>" + m.quality + "</quality>\n";
    for (const std::string& s : m.proposals) x += "      <proposal>" + xml_escaped(s) + "</proposal>\n";
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
      "  <board key=\"Ban Tuyên giáo và Dân vận Tỉnh ủy\" layout=\"dang\" reports=\"organisation\" "
      "first-report-number=\"152\">\n"
      "    <issuer>\n      <parent>Tỉnh ủy Trường Giang</parent>\n      <name>Ban Tuyên giáo và Dân vận</name>\n"
      "      <code>BTGDVTU</code>\n    </issuer>\n    <place>Trường Giang</place>\n"
      "    <archive>Ban Tuyên giáo và Dân vận Tỉnh ủy</archive>\n    <signature>\n"
      "      <authority meaning=\"deputy\">Trưởng ban</authority>\n"
      "      <role>Phó Trưởng ban</role>\n      <signer>Nguyễn Thị Thanh Xuân</signer>\n    </signature>\n"
      "  </board>\n"
      "  <summary date=\"2026-11-06\" first-number=\"158\" opinions-per-topic=\"12\">\n"
      "    <addressee>Ban Thường vụ Tỉnh ủy</addressee>\n    <recipients>\n      <group purpose=\"Báo cáo\">\n"
      "        <recipient>Ban Tuyên giáo và Dân vận Trung ương</recipient>\n"
      "        <recipient>Thường trực Tỉnh ủy</recipient>\n"
      "      </group>\n      <recipient>Các đảng ủy xã, phường, đặc khu</recipient>\n    </recipients>\n"
      "  </summary>\n"
      "  <reminders date=\"2026-11-06\" first-number=\"431\" reply-by=\"2026-11-20\">\n    <recipients>\n"
      "      <group purpose=\"Báo cáo\">\n        <recipient>Thường trực Tỉnh ủy</recipient>\n      </group>\n"
      "      <recipient>Lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy</recipient>\n    </recipients>\n"
      "  </reminders>\n";
  int number = 11;
  for (const Agency& a : p.agencies) {
    const bool personal = a.meaning.empty();
    x += "  <agency key=\"" + xml_escaped(a.key) + "\" layout=\"" + a.layout + "\" reports=\"" +
         (personal ? std::string("personal\"") : "organisation\" first-report-number=\"" + std::to_string(number) + "\"") +
         ">\n    <issuer>\n" + (a.parent.empty() ? "" : "      <parent>" + xml_escaped(a.parent) + "</parent>\n") +
         "      <name>" + xml_escaped(a.name) + "</name>\n      <code>" + xml_escaped(a.code) + "</code>\n    </issuer>\n" +
         "    <place>" + xml_escaped(a.place) + "</place>\n    <archive>" + xml_escaped(a.archive) + "</archive>\n";
    if (!personal)
      x += "    <signature>\n      <authority meaning=\"" + a.meaning + "\">" + xml_escaped(a.authority) +
           "</authority>\n      <role>" + xml_escaped(a.role) + "</role>\n      <signer>" + xml_escaped(a.signer) +
           "</signer>\n    </signature>\n";
    x += "  </agency>\n";
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
  branches = csv_row({"id", "kind", "organisation", "name", "commune", "members", "meeting-day"});
  for (const Branch& b : p.branches)
    branches += csv_row({b.id, b.kind, b.organisation, b.name, b.commune, std::to_string(b.members),
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
