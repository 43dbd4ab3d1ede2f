#include "profile/resolve.h"

#include <gtest/gtest.h>

#include "../input/input_test_util.h"
#include "input/profile_reader.h"
#include "profile/header_abbreviation.h"
#include "text/keep_together.h"
#include "text/unicode.h"

namespace vanban {
namespace {

using testing::profile_schema;
using testing::source_path;

class ResolveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = load_profiles(source_path("templates/profiles"), profile_schema());
    ASSERT_TRUE(r.ok());
    registry_ = new ProfileRegistry(std::move(*r.value));
  }

  static Document letter(const std::string& layout, const std::string& subject) {
    Document d;
    d.source_file = "letter.xml";
    d.line = 2;
    d.column = 1;
    d.layout = layout;
    d.type = "cong-van";
    d.issuer = {"", "Ủy ban nhân dân tỉnh Trường Giang", "UBND", "VX"};
    d.number = "12";
    d.place = "Trường Giang";
    d.date = {2026, 6, 3};
    d.subject = subject;
    return d;
  }

  static Result<ResolvedDocument> run(const Document& d) {
    const Profile* p = registry_->find(d.layout, "", d.date);
    EXPECT_NE(p, nullptr);
    return resolve(d, *p, 0);
  }

  static ProfileRegistry* registry_;
};

ProfileRegistry* ResolveTest::registry_ = nullptr;

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_F(ResolveTest, TheLetterSubjectPrefixIsNotDoubled) {
  const Profile* p = registry_->find("nha-nuoc", "", {2026, 6, 3});
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->header.letter_subject_prefix, "V/v ");
  for (const std::string subject : {"V/v bố trí kinh phí", "v/v bố trí kinh phí", "V/V bố trí kinh phí"}) {
    const auto r = run(letter("nha-nuoc", subject));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.value->letter_subject.text, subject);
  }
  const auto added = run(letter("nha-nuoc", "bố trí kinh phí"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added.value->letter_subject.text, p->header.letter_subject_prefix + "bố trí kinh phí");
  // "V/vận ..." is not the prefix.
  const auto word = run(letter("nha-nuoc", "V/vận động"));
  EXPECT_EQ(count(word.value->letter_subject.text, "V/v"), 2);
}

TEST_F(ResolveTest, AParentThatRepeatsTheTitleIsLeftOutWithAWarning) {
  Document d = letter("hoi-phu-nu", "về sinh hoạt");
  d.issuer = {"Hội Liên hiệp Phụ nữ Việt Nam", "Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang", "HPN", ""};
  const auto r = run(d);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value->issuer_lines.size(), 1u);
  EXPECT_EQ(r.value->issuer_lines[0].text, "HỘI LIÊN HIỆP PHỤ NỮ TỈNH VĨNH GIANG");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].warning);
  EXPECT_EQ(r.errors[0].line, 2);
  EXPECT_NE(r.errors[0].message.find("hoi-phu-nu"), std::string::npos);

  d.issuer.parent = "Ủy ban nhân dân tỉnh Vĩnh Giang";
  const auto kept = run(d);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept.value->issuer_lines.size(), 2u);
  EXPECT_TRUE(kept.errors.empty());
}

TEST_F(ResolveTest, AnUnassignedNumberIsABlankOfTheProfilesWidth) {
  for (const Profile& p : registry_->all()) {
    Document d = letter(p.family, "về sinh hoạt");
    d.number.clear();
    const auto r = resolve(d, p, 0);
    ASSERT_TRUE(r.ok()) << p.family;
    // The blank is made of fixed spaces: their nominal widths at the number's size.
    double blank = 0;
    for (char32_t c : text::to_u32(r.value->number.text)) blank += text::fixed_space_width(c);
    blank *= r.value->number.style.size;
    EXPECT_GE(blank, p.number.draft_blank) << p.family;
    EXPECT_GE(blank, 12) << p.family;
    EXPECT_LT(blank, p.number.draft_blank + r.value->number.style.size / 2) << p.family;
  }
}

TEST_F(ResolveTest, ForASigningToolTheNumberDayAndMonthAreBlankAndTheFieldIsNamed) {
  Document d = letter("nha-nuoc", "về sinh hoạt");
  d.number.clear();
  d.external_signing_field = "ChuKyLanhDao";
  const auto r = run(d);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->signature_field, "ChuKyLanhDao");
  EXPECT_EQ(r.value->number.text.find_first_of("0123456789"), std::string::npos) << r.value->number.text;
  const std::string& line = r.value->place_date.text;
  EXPECT_TRUE(line.starts_with("Trường Giang, ngày \u2003")) << line;
  EXPECT_TRUE(line.ends_with(" năm 2026")) << line;
  EXPECT_EQ(line.find("03"), std::string::npos) << line;
  EXPECT_EQ(line.find(" 6 "), std::string::npos) << line;
  // Each slot is the draft number's blank, at the date line's size.
  double slot = 0;
  const std::string between = line.substr(line.find("ngày ") + 6, line.find(" tháng") - line.find("ngày ") - 6);
  for (char32_t c : text::to_u32(between)) slot += text::fixed_space_width(c);
  EXPECT_GE(slot * r.value->place_date.style.size, r.value->profile->number.draft_blank);

  d.cover.push_back({CoverLine::Role::Title, "Tài liệu sinh hoạt"});
  const auto booklet = run(d);
  ASSERT_FALSE(booklet.ok());
  EXPECT_NE(booklet.errors.front().message.find("a document with a <cover> has none"), std::string::npos);
  EXPECT_EQ(booklet.errors.front().line, 2);
}

// The Front profile's header abbreviation ("Mặt trận Tổ quốc" -> "MTTQ"): whole words, any case;
// "Ban công tác Mặt trận" (not the whole phrase) and profiles without it give no short form.
TEST_F(ResolveTest, AnIssuerLineGetsTheProfilesShortFormBesideItsFullOne) {
  const std::vector<HeaderAbbreviation> mttq{{"Mặt trận Tổ quốc", "MTTQ"}};
  EXPECT_EQ(abbreviated_name("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trường Giang", mttq),
            "Ủy ban MTTQ Việt Nam tỉnh Trường Giang");
  EXPECT_EQ(abbreviated_name("ỦY BAN MẶT TRẬN  TỔ QUỐC VIỆT NAM", mttq), "ỦY BAN MTTQ VIỆT NAM");
  EXPECT_EQ(abbreviated_name("Ban công tác Mặt trận ấp Phú Hữu", mttq), "");
  EXPECT_EQ(abbreviated_name("Mặt trận Tổ quốcc", mttq), "");

  Document d = letter("mat-tran", "v/v Ngày hội Đại đoàn kết");
  d.issuer = {"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ban Thường trực", "MTTQ", ""};
  const auto r = run(d);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value->issuer_abbreviated.size(), 2u);
  EXPECT_EQ(r.value->issuer_abbreviated[0].text, "ỦY BAN TRUNG ƯƠNG MTTQ VIỆT NAM");
  EXPECT_TRUE(r.value->issuer_abbreviated[1].empty());
  EXPECT_EQ(r.value->issuer_lines[0].text, "ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM");

  d.layout = "nha-nuoc";
  const auto state = run(d);
  ASSERT_TRUE(state.ok());
  for (const StyledText& t : state.value->issuer_abbreviated) EXPECT_TRUE(t.empty());
}

TEST_F(ResolveTest, TheDocumentsNamesAreKeptTogether) {
  Document d = letter("hoi-cuu-chien-binh", "về sinh hoạt");
  d.issuer = {"", "Hội Cựu chiến binh tỉnh Vĩnh Giang", "CCB", ""};
  const auto r = run(d);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.value->keep_together);
  const std::string upper = "HỘI CỰU CHIẾN BINH TỈNH VĨNH GIANG";
  bool whole = false, place = false;
  for (const text::KeptSpan& s : r.value->keep_together->spans(upper)) {
    const std::string kept = upper.substr(s.begin, s.end - s.begin);
    whole = whole || kept == upper;
    place = place || (kept == "VĨNH GIANG" && s.bond == text::Bond::Hard);
  }
  EXPECT_TRUE(whole);
  EXPECT_TRUE(place);
  // The profile's title line too.
  const std::string title = "HỘI CỰU CHIẾN BINH VIỆT NAM";
  bool title_kept = false;
  for (const text::KeptSpan& s : r.value->keep_together->spans(title))
    title_kept = title_kept || (s.begin == 0 && s.end == title.size());
  EXPECT_TRUE(title_kept);
}

}  // namespace
}  // namespace vanban
