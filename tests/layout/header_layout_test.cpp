// The page-1 header with the shipped fonts, profiles and phrase list: columns, wrapping,
// rejection, the draft blank and the State issuer rule, checked on the positioned text.
#include "layout/header_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "layout/document_layout.h"
#include "profile/profile_phrases.h"
#include "profile/resolve.h"
#include "shipped_data.h"

namespace vanban {
namespace {


class HeaderLayoutTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fonts_ = &testing::shipped_fonts();
    registry_ = &testing::shipped_profiles();
    phrases_ = &testing::shipped_phrases();
  }

  static Document document(const std::string& layout, const std::string& type) {
    Document d;
    d.source_file = "header.xml";
    d.line = 2;
    d.column = 1;
    d.layout = layout;
    d.type = type;
    d.issuer = {"Ủy ban nhân dân tỉnh Vĩnh Giang", "Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang", "HPN", ""};
    d.number = "12";
    d.place = "Vĩnh Giang";
    d.date = {2026, 10, 22};
    d.subject = "v/v phân công cán bộ dự sinh hoạt với chi hội, tổ hội ở ấp, khóm";
    return d;
  }

  static ResolvedDocument resolved(const Document& d, const Profile& p) {
    auto r = resolve(d, p, 0, profile_phrases(p, *phrases_));
    EXPECT_TRUE(r.ok());
    return std::move(*r.value);
  }

  static double text_width(const Profile& p) { return to_pt(p.page.width - p.page.left - p.page.right).value; }
  static double right_edge(const TextItem& t) { return t.x + fonts_->face(t.style).text_width(t.text, t.size); }

  // The header's lines, top to bottom, of the column that starts left (or right) of `split`.
  static std::vector<std::vector<const TextItem*>> lines(const Fragment& f, double split, bool left) {
    std::vector<std::vector<const TextItem*>> out;
    std::vector<const TextItem*> items;
    for (const TextItem& t : f.texts)
      if ((t.x < split) == left) items.push_back(&t);
    std::stable_sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->baseline < b->baseline; });
    for (const TextItem* t : items) {
      if (out.empty() || std::abs(out.back().front()->baseline - t->baseline) > 0.01) out.emplace_back();
      out.back().push_back(t);
    }
    return out;
  }
  static std::string joined(const std::vector<const TextItem*>& line) {
    std::string s;
    for (const TextItem* t : line) s += (s.empty() ? "" : " ") + t->text;
    return s;
  }

  static const FontSet* fonts_;
  static const ProfileRegistry* registry_;
  static const std::vector<std::string>* phrases_;
};

const FontSet* HeaderLayoutTest::fonts_ = nullptr;
const ProfileRegistry* HeaderLayoutTest::registry_ = nullptr;
const std::vector<std::string>* HeaderLayoutTest::phrases_ = nullptr;

TEST_F(HeaderLayoutTest, EveryProfileKeepsTwoMillimetresBetweenTheColumns) {
  for (const Profile& p : registry_->all()) {
    for (const char* type : {"bao-cao", "cong-van"}) {
      const ResolvedDocument doc = resolved(document(p.family, type), p);
      const double width = text_width(p);
      const Fragment f = layout_header(doc, *fonts_, width);
      const double split = width * p.header.left_column;
      double left_edge = 0, right_start = width;
      for (const TextItem& t : f.texts) {
        EXPECT_GE(t.x, -1e-6) << p.family << ": " << t.text;
        EXPECT_LE(right_edge(t), width + 1e-6) << p.family << ": " << t.text;
        if (t.x < split) left_edge = std::max(left_edge, right_edge(t));
        else right_start = std::min(right_start, t.x);
      }
      EXPECT_GE(right_start - left_edge, to_pt(Mm(2)).value - 1e-6) << p.family << " " << type;
      EXPECT_TRUE(check_header(doc, *fonts_).problems.empty()) << p.family;
    }
  }
}

TEST_F(HeaderLayoutTest, ACommonPlaceAndDateKeepsOneLineInEveryProfile) {
  for (const Profile& p : registry_->all()) {
    Document d = document(p.family, "bao-cao");
    d.place = "Trường Giang";
    d.date = {2026, 12, 20};
    const ResolvedDocument doc = resolved(d, p);
    const double width = text_width(p);
    const Fragment f = layout_header(doc, *fonts_, width);
    int lines = 0;
    for (const TextItem& t : f.texts)
      if (t.style == FontStyle::Italic && t.x >= width * p.header.left_column) ++lines;
    EXPECT_EQ(lines, 1) << p.family << ": " << doc.place_date.text;
  }
}

TEST_F(HeaderLayoutTest, ATitleTooWideForItsColumnWrapsInBalancedLinesBetweenPhrases) {
  const Profile* shipped = registry_->find("hoi-phu-nu", "", {2026, 10, 22});
  ASSERT_NE(shipped, nullptr);
  Profile halves = *shipped;  // columns of half the width each: the title cannot keep one line
  halves.header.left_column = 0.5;
  const Profile* p = &halves;
  const double width = text_width(*p);
  const double split = width * p->header.left_column;
  const ResolvedDocument doc = resolved(document("hoi-phu-nu", "bao-cao"), *p);
  const double one_line = fonts_->face(FontStyle::Bold).text_width(doc.title_lines[0].text, doc.title_lines[0].style.size);
  ASSERT_GT(one_line, width - split) << "the title fits: nothing to test";
  const Fragment f = layout_header(doc, *fonts_, width);

  const auto right = lines(f, split, false);
  ASSERT_GE(right.size(), 3u);  // title on two lines, then the place and date
  const std::string first = joined(right[0]), second = joined(right[1]);
  EXPECT_EQ(first + " " + second, doc.title_lines[0].text);
  for (const char* phrase : {"LIÊN HIỆP", "PHỤ NỮ", "VIỆT NAM"})
    EXPECT_TRUE(first.find(phrase) != std::string::npos || second.find(phrase) != std::string::npos) << phrase;
  const double w0 = right_edge(*right[0].back()) - right[0].front()->x;
  const double w1 = right_edge(*right[1].back()) - right[1].front()->x;
  EXPECT_GT(std::min(w0, w1), std::max(w0, w1) / 2) << first << " / " << second;

  // The issuer wraps too, never inside "VĨNH GIANG".
  const auto left = lines(f, split, true);
  ASSERT_GE(left.size(), 2u);
  for (const auto& line : left) EXPECT_FALSE(joined(line).ends_with("VĨNH")) << joined(line);
}

TEST_F(HeaderLayoutTest, AHeaderThatCannotFitIsRejectedNamingTheProfileAndTheLine) {
  const Profile* p = registry_->find("nha-nuoc", "", {2026, 10, 22});
  ASSERT_NE(p, nullptr);
  Document d = document("nha-nuoc", "bao-cao");
  d.issuer.name = "Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới";
  // Listed as one phrase: the name may not be broken at all.
  std::vector<std::string> phrases = *phrases_;
  phrases.push_back(d.issuer.name);
  auto r = resolve(d, *p, 0, profile_phrases(*p, phrases));
  ASSERT_TRUE(r.ok());
  const Diagnostics problems = check_header(*r.value, *fonts_).problems;
  ASSERT_FALSE(problems.empty());
  const std::string& message = problems.front().message;
  EXPECT_NE(message.find("'nha-nuoc'"), std::string::npos) << message;
  EXPECT_NE(message.find(p->edition), std::string::npos) << message;
  EXPECT_NE(message.find("BAN CHỈ ĐẠO THỰC HIỆN"), std::string::npos) << message;
  EXPECT_EQ(problems.front().file, "header.xml");
  EXPECT_FALSE(problems.front().warning);

  // Without the phrase the same name wraps between its words and fits.
  auto wrapped = resolve(d, *p, 0, profile_phrases(*p, *phrases_));
  ASSERT_TRUE(wrapped.ok());
  EXPECT_TRUE(check_header(*wrapped.value, *fonts_).problems.empty());
}

TEST_F(HeaderLayoutTest, AnUnnumberedDocumentLeavesAtLeastTwelvePointsForTheNumber) {
  for (const Profile& p : registry_->all()) {
    for (const char* type : {"bao-cao", "cong-van"}) {
      Document d = document(p.family, type);
      d.number.clear();
      const Fragment f = layout_header(resolved(d, p), *fonts_, text_width(p));
      const TextItem* label = nullptr;
      for (const TextItem& t : f.texts)
        if (t.text == "Số" || t.text == "Số:") label = &t;
      ASSERT_NE(label, nullptr) << p.family;
      const TextItem* next = nullptr;
      for (const TextItem& t : f.texts)
        if (std::abs(t.baseline - label->baseline) < 0.01 && t.x > label->x && (!next || t.x < next->x)) next = &t;
      ASSERT_NE(next, nullptr) << p.family;
      EXPECT_TRUE(next->text.starts_with("-") || next->text.starts_with("/")) << next->text;
      EXPECT_GE(next->x - right_edge(*label), 12) << p.family << " " << type;
    }
  }
}

// A cadre's own report is in no number series: no "Số" line at all, not a blank one, and the
// place and date stay on the line the number would share.
TEST_F(HeaderLayoutTest, AnUnnumberedDocumentHasNoNumberLine) {
  for (const Profile& p : registry_->all()) {
    Document d = document(p.family, "bao-cao");
    const Fragment numbered = layout_header(resolved(d, p), *fonts_, text_width(p));
    d.number.clear();
    d.unnumbered = true;
    const ResolvedDocument r = resolved(d, p);
    EXPECT_TRUE(r.number.empty()) << p.family;
    const Fragment f = layout_header(r, *fonts_, text_width(p));
    for (const TextItem& t : f.texts) EXPECT_FALSE(t.text.starts_with("Số")) << p.family << ": " << t.text;
    auto place_date = [](const Fragment& header) {
      for (const TextItem& t : header.texts)
        if (t.text.find("ngày") != std::string::npos) return t.baseline;
      return -1.0;
    };
    EXPECT_GT(place_date(f), 0) << p.family;
    EXPECT_NEAR(place_date(f), place_date(numbered), 0.01) << p.family;
  }
}

TEST_F(HeaderLayoutTest, TheStateIssuerRuleIsAThirdToAHalfOfTheIssuerLineCentredUnderIt) {
  const Profile* p = registry_->find("nha-nuoc", "", {2026, 10, 22});
  ASSERT_NE(p, nullptr);
  Document d = document("nha-nuoc", "bao-cao");
  d.issuer.parent = "Ủy ban nhân dân tỉnh Trường Giang";
  d.issuer.name = "Văn phòng";
  const Fragment f = layout_header(resolved(d, *p), *fonts_, text_width(*p));
  const TextItem* issuer = nullptr;
  const TextItem* number = nullptr;
  for (const TextItem& t : f.texts) {
    if (t.text == "VĂN PHÒNG") issuer = &t;
    if (t.text.starts_with("Số")) number = &t;
  }
  ASSERT_NE(issuer, nullptr);
  ASSERT_NE(number, nullptr);
  const PathOp* from = nullptr;
  const PathOp* to = nullptr;
  for (const PathItem& path : f.paths) {
    if (path.ops.size() != 2 || path.ops[0].y != path.ops[1].y) continue;
    if (path.ops[0].y > issuer->baseline && path.ops[0].y < number->baseline) {
      from = &path.ops[0];
      to = &path.ops[1];
    }
  }
  ASSERT_NE(from, nullptr) << "no rule under the issuer";
  const double name = right_edge(*issuer) - issuer->x;
  const double rule = std::abs(to->x - from->x);
  EXPECT_GE(rule, name / 3 - 1e-6);
  EXPECT_LE(rule, name / 2 + 1e-6);
  EXPECT_NEAR((from->x + to->x) / 2, issuer->x + name / 2, 0.5);
}

// Layout defect 1 (layout11): a Front committee's name set in full broke "ỦY BAN MẶT TRẬN TỔ
// QUỐC / VIỆT NAM / TỈNH TRƯỜNG GIANG". The profile's abbreviation gives the two lines of real
// Front headers ("ỦY BAN MTTQ VIỆT NAM / TỈNH ĐẮK LẮK"); a name that sets as well in full, the
// Central Committee's, stays whole; the checked header hands its lines to the HTML page.
TEST_F(HeaderLayoutTest, AFrontCommitteeShortensItsNameWhereTheFullOneTakesMoreLines) {
  const Profile* p = registry_->find("mat-tran", "", {2026, 10, 22});
  ASSERT_NE(p, nullptr);
  const double split = text_width(*p) * p->header.left_column;
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", {"ỦY BAN MTTQ VIỆT NAM", "TỈNH TRƯỜNG GIANG"}},
      {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bà Rịa - Vũng Tàu", {"ỦY BAN MTTQ VIỆT NAM", "TỈNH BÀ RỊA - VŨNG TÀU"}},
      {"Ủy ban Mặt trận Tổ quốc Việt Nam phường Tân Định Thượng",
       {"ỦY BAN MTTQ VIỆT NAM", "PHƯỜNG TÂN ĐỊNH THƯỢNG"}},
      {"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", {"ỦY BAN TRUNG ƯƠNG", "MẶT TRẬN TỔ QUỐC VIỆT NAM"}},
  };
  for (const auto& c : cases) {
    Document d = document("mat-tran", "bao-cao");
    d.issuer = {"", c.first, "MTTQ", "BTT"};
    const ResolvedDocument doc = resolved(d, *p);
    const CheckedHeader checked = check_header(doc, *fonts_);
    ASSERT_TRUE(checked.problems.empty()) << c.first;
    ASSERT_NE(checked.fragment, nullptr);
    std::vector<std::string> issuer;
    for (const auto& line : lines(*checked.fragment, split, true)) issuer.push_back(joined(line));
    issuer.resize(std::min(issuer.size(), c.second.size() + 1));  // the name, then the number
    ASSERT_EQ(issuer.size(), c.second.size() + 1) << ::testing::PrintToString(issuer);
    EXPECT_EQ(std::vector<std::string>(issuer.begin(), issuer.end() - 1), c.second) << c.first;
    ASSERT_EQ(checked.issuer.lines.size(), 1u);
    std::string expected;
    for (const std::string& line : c.second) expected += (expected.empty() ? "" : " ") + line;
    EXPECT_EQ(checked.issuer.lines.front().text, expected);
    // Where the PDF broke it, for the HTML page to break it there too.
    ASSERT_EQ(checked.issuer.breaks.size(), 1u);
    EXPECT_EQ(checked.issuer.breaks.front(), c.second);
  }
  // A profile without the abbreviation prints the name as written.
  const Profile* state = registry_->find("nha-nuoc", "", {2026, 10, 22});
  ASSERT_NE(state, nullptr);
  Document d = document("nha-nuoc", "bao-cao");
  d.issuer = {"", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", "MTTQ", ""};
  EXPECT_EQ(check_header(resolved(d, *state), *fonts_).issuer.lines.front().text,
            "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH TRƯỜNG GIANG");
}

// A commune's Front committee under the province's: the parent line, in regular weight, would
// set in two lines in full too, but parting the name from its "VIỆT NAM" ("ỦY BAN MẶT TRẬN TỔ
// QUỐC / VIỆT NAM TỈNH TRƯỜNG GIANG"); the short form keeps "ỦY BAN MTTQ VIỆT NAM" whole.
TEST_F(HeaderLayoutTest, AFrontCommitteeIsShortenedWhereTheFullNameWouldBePartedFromWhatFollows) {
  const Profile* p = registry_->find("mat-tran", "", {2026, 10, 22});
  ASSERT_NE(p, nullptr);
  Document d = document("mat-tran", "bao-cao");
  d.issuer = {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang",
              "Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu Lộc Tây", "MTTQ", "BTT"};
  const CheckedHeader checked = check_header(resolved(d, *p), *fonts_);
  ASSERT_TRUE(checked.problems.empty());
  ASSERT_NE(checked.fragment, nullptr);
  std::vector<std::string> issuer;
  for (const auto& line : lines(*checked.fragment, text_width(*p) * p->header.left_column, true))
    issuer.push_back(joined(line));
  ASSERT_GE(issuer.size(), 4u) << ::testing::PrintToString(issuer);
  issuer.resize(4);
  EXPECT_EQ(issuer, (std::vector<std::string>{"ỦY BAN MTTQ VIỆT NAM", "TỈNH TRƯỜNG GIANG", "ỦY BAN MTTQ VIỆT NAM",
                                              "ĐẶC KHU LỘC TÂY"}));
}

TEST_F(HeaderLayoutTest, TheCheckedHeaderIsTheLaidOutOneAndLayoutReusesIt) {
  for (const Profile& p : registry_->all()) {
    ResolvedDocument doc = resolved(document(p.family, "cong-van"), p);
    const CheckedHeader checked = check_header(doc, *fonts_);
    ASSERT_NE(checked.fragment, nullptr) << p.family;
    const Fragment laid_out = layout_header(doc, *fonts_, text_width(p));
    EXPECT_EQ(checked.fragment->height, laid_out.height) << p.family;
    ASSERT_EQ(checked.fragment->texts.size(), laid_out.texts.size()) << p.family;
    for (std::size_t i = 0; i < laid_out.texts.size(); ++i) {
      EXPECT_EQ(checked.fragment->texts[i].text, laid_out.texts[i].text) << p.family;
      EXPECT_EQ(checked.fragment->texts[i].x, laid_out.texts[i].x) << p.family;
      EXPECT_EQ(checked.fragment->texts[i].baseline, laid_out.texts[i].baseline) << p.family;
    }
    EXPECT_EQ(checked.fragment->paths.size(), laid_out.paths.size()) << p.family;

    // The document's own header is what page 1 shows: it is not laid out again.
    Fragment kept = laid_out;
    kept.texts.front().text = "KEPT HEADER";
    doc.header = std::make_shared<const Fragment>(std::move(kept));
    const Pages pages = layout_document(doc, *fonts_);
    ASSERT_FALSE(pages.pages.empty());
    const auto& first = pages.pages.front().texts;
    EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](const TextItem& t) { return t.text == "KEPT HEADER"; }))
        << p.family;
  }
}

}  // namespace
}  // namespace vanban
