#include "input/profile_reader.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "../input/input_test_util.h"

namespace vanban {
namespace {

using testing::all;
using testing::profile_schema;
using testing::source_path;

std::string shipped(const std::string& file) { return source_path("templates/profiles/" + file); }

Profile read_ok(const std::string& path) {
  Result<Profile> r = read_profile(path, profile_schema());
  EXPECT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  return r.ok() ? *r.value : Profile{};
}

TEST(ProfileReader, ReadsThePartyProfile) {
  const Profile p = read_ok(shipped("dang-36-2018.xml"));
  EXPECT_EQ(p.family, "dang");
  EXPECT_EQ(p.edition, "36-HD/VPTW");
  EXPECT_EQ(p.name, "Đảng (Hướng dẫn 36-HD/VPTW)");
  EXPECT_EQ(p.in_force_from, (CivilDate{2018, 4, 3}));
  EXPECT_EQ(p.page.width, Mm(210));
  EXPECT_EQ(p.page.height, Mm(297));
  EXPECT_EQ(p.page.left, Mm(30));
  EXPECT_EQ(p.page.right, Mm(15));
  EXPECT_FALSE(p.page.mirrored);
  EXPECT_EQ(p.header.title, (std::vector<std::string>{"ĐẢNG CỘNG SẢN VIỆT NAM"}));
  EXPECT_EQ(p.header.issuer_mark, "*");
  EXPECT_DOUBLE_EQ(p.header.subject_rule, 0.2);
  EXPECT_DOUBLE_EQ(p.header.gap_after_header, 18);
  EXPECT_EQ(p.number.pattern, "Số {number}-{type}/{issuer}");
  EXPECT_EQ(p.number.letter_pattern, "Số {number}-CV/{issuer}");
  EXPECT_EQ(p.number.draft_blank, 18);  // pt
  EXPECT_TRUE(p.number.pad_below_ten);
  EXPECT_EQ(p.body.end_mark, "");
  EXPECT_EQ(p.body.list_markers, (std::vector<std::string>{"1.", "-", "a)", "+", "-", "-"}));
  EXPECT_EQ(p.signature.prefixes.at("on-behalf"), "T/M");
  EXPECT_EQ(p.signature.prefixes.at("authorised"), "TUQ.");
  EXPECT_EQ(p.signature.prefixes.size(), 5u);
  EXPECT_EQ(p.recipients.archive_pattern, "Lưu {archive}");
  EXPECT_EQ(p.recipients.item_end, ",");
  EXPECT_EQ(p.recipients.as_above, "");
  EXPECT_EQ(p.page_numbers.first_numbered_page, 2);
  EXPECT_EQ(p.page_numbers.from_top, Mm(10));

  const TextStyle& title = p.style(Element::Title);
  EXPECT_DOUBLE_EQ(title.size, 15);
  EXPECT_TRUE(title.bold);
  EXPECT_EQ(title.letter_case, LetterCase::Upper);
  EXPECT_TRUE(p.style(Element::PlaceDate).italic);
  EXPECT_EQ(p.style(Element::Subject).letter_case, LetterCase::AsWritten);
  EXPECT_TRUE(p.style(Element::RecipientsLabel).underline);
  EXPECT_DOUBLE_EQ(p.style(Element::Recipient).size, 12);
  EXPECT_DOUBLE_EQ(p.style(Element::TypeName).size, 16);

  EXPECT_EQ(p.types.size(), 14u);
  EXPECT_EQ(p.types.at("chi-thi").name, "Chỉ thị");
  EXPECT_EQ(p.types.at("chi-thi").symbol, "CT");
  EXPECT_EQ(p.types.at("cong-van").name, "");
  EXPECT_EQ(p.types.at("cong-van").symbol, "CV");
  EXPECT_EQ(p.types.at("quy-dinh").symbol, "QĐ");
}

TEST(ProfileReader, ReadsTheStateProfile) {
  const Profile p = read_ok(shipped("nha-nuoc-30-2020.xml"));
  EXPECT_EQ(p.family, "nha-nuoc");
  EXPECT_EQ(p.edition, "30/2020/NĐ-CP");
  EXPECT_EQ(p.in_force_from, (CivilDate{2020, 3, 5}));
  EXPECT_DOUBLE_EQ(p.header.left_column, 0.4);
  EXPECT_EQ(p.header.title, (std::vector<std::string>{"Cộng hòa xã hội chủ nghĩa Việt Nam",
                                                      "Độc lập - Tự do - Hạnh phúc"}));
  EXPECT_EQ(p.header.issuer_mark, "");
  EXPECT_DOUBLE_EQ(p.header.issuer_rule, 0.4);
  EXPECT_EQ(p.number.pattern, "Số: {number}/{type}-{issuer}");
  EXPECT_EQ(p.number.letter_pattern, "Số: {number}/{issuer}[-{unit}]");
  EXPECT_DOUBLE_EQ(p.body.first_line_indent, 12.7);
  EXPECT_EQ(p.body.end_mark, "./.");
  EXPECT_EQ(p.body.list_markers.size(), 6u);
  EXPECT_EQ(p.body.list_markers[2], "a)");
  EXPECT_EQ(p.signature.prefixes.at("on-behalf"), "TM.");
  EXPECT_EQ(p.signature.prefixes.at("deputy"), "KT.");
  EXPECT_EQ(p.recipients.item_end, ";");
  EXPECT_EQ(p.recipients.archive_pattern, "Lưu: {archive}");
  EXPECT_EQ(p.recipients.as_above, "Như trên");
  EXPECT_EQ(p.page_numbers.from_top, Mm(12));
  EXPECT_DOUBLE_EQ(p.style(Element::Title).size, 12);
  EXPECT_DOUBLE_EQ(p.style(Element::Motto).size, 13);
  EXPECT_EQ(p.style(Element::Subject).letter_case, LetterCase::CapitalizeFirst);
  const TextStyle& label = p.style(Element::RecipientsLabel);
  EXPECT_TRUE(label.bold && label.italic && !label.underline);
  EXPECT_EQ(p.types.at("quy-dinh").symbol, "QyĐ");
  EXPECT_EQ(p.types.at("cong-van").symbol, "");
}

// A copy of the Party profile with `from` replaced by `to` (which must occur).
std::string edited(const std::string& from, const std::string& to) {
  std::string bytes = testing::read_bytes(shipped("dang-36-2018.xml"));
  const auto at = bytes.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) bytes.replace(at, from.size(), to);
  return bytes;
}

int line_of(const std::string& bytes, const std::string& needle) {
  const auto at = bytes.find(needle);
  return 1 +
         static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<long>(at), '\n'));
}

TEST(ProfileReader, RefusesAProfileMissingAStyle) {
  testing::ScratchDir dir;
  const std::string bytes = edited(
      "    <style element=\"urgency\" size=\"14\" bold=\"true\" case=\"upper\" unconfirmed=\"size "
      "(Quy định 66-QĐ/TW Art. 16)\"/>\n",
      "");
  testing::write_bytes(dir.file("p.xml"), bytes);
  const Result<Profile> r = read_profile(dir.file("p.xml"), profile_schema());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].file, dir.file("p.xml"));
  EXPECT_EQ(r.errors[0].line, line_of(bytes, "<styles>"));
  EXPECT_EQ(r.errors[0].column, 3);
  EXPECT_EQ(r.errors[0].message,
            "no style for element 'urgency'; every element needs one: add <style "
            "element=\"urgency\" size=\"...\"/> to <styles>");
}

TEST(ProfileReader, ExplainsSchemaErrorsWithTheirPlace) {
  testing::ScratchDir dir;
  const std::string bytes =
      edited("<style element=\"motto\" size=\"14\"", "<style element=\"slogan\" size=\"big\"");
  testing::write_bytes(dir.file("p.xml"), bytes);
  const Result<Profile> r = read_profile(dir.file("p.xml"), profile_schema());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_EQ(r.errors[0].line, line_of(bytes, "slogan"));
  EXPECT_EQ(r.errors[0].column, 5);
  EXPECT_NE(r.errors[0].message.find("attribute element='slogan' of <style> is not valid; "
                                     "expected one of title, motto, parent"),
            std::string::npos)
      << r.errors[0].message;
  EXPECT_EQ(r.errors[1].message,
            "attribute size='big' of <style> is not valid; expected a size in pt, such as 14 or "
            "13.5");
}

TEST(ProfileReader, ChecksListMarkerDepthsAndTheDate) {
  testing::ScratchDir dir;
  std::string bytes = edited("<list-marker depth=\"1\"", "<list-marker depth=\"3\"");
  testing::write_bytes(dir.file("gap.xml"), bytes);
  Result<Profile> r = read_profile(dir.file("gap.xml"), profile_schema());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].line, line_of(bytes, "<body "));
  EXPECT_EQ(r.errors[0].message, "list-marker depth 1 is missing (depths run 0, 1, 2 ...)");

  bytes = edited("in-force-from=\"2018-04-03\"", "in-force-from=\"2018-02-30\"");
  testing::write_bytes(dir.file("date.xml"), bytes);
  r = read_profile(dir.file("date.xml"), profile_schema());
  ASSERT_EQ(r.errors.size(), 1u) << all(r.errors);
  EXPECT_EQ(r.errors[0].line, line_of(bytes, "<profile "));
  EXPECT_EQ(r.errors[0].message, "in-force-from '2018-02-30' does not exist; expected YYYY-MM-DD");
}

TEST(ProfileReader, LoadsTheShippedFolder) {
  const Result<ProfileRegistry> r =
      load_profiles(source_path("templates/profiles"), profile_schema());
  ASSERT_TRUE(r.ok()) << all(r.errors);
  EXPECT_TRUE(r.errors.empty()) << all(r.errors);
  std::vector<std::string> families;  // in file-name order
  for (const Profile& p : r.value->all()) families.push_back(p.family);
  EXPECT_EQ(families, (std::vector<std::string>{"dang", "doan", "hoi-cuu-chien-binh", "hoi-nong-dan",
                                                "hoi-phu-nu", "mat-tran", "nha-nuoc"}));
}

TEST(ProfileReader, SkipsBadAndDuplicateProfilesAndReportsThem) {
  testing::ScratchDir dir;
  const std::string party = testing::read_bytes(shipped("dang-36-2018.xml"));
  testing::write_bytes(dir.file("a-dang.xml"), party);
  testing::write_bytes(dir.file("b-copy.xml"), party);  // same family and edition
  testing::write_bytes(dir.file("c-broken.xml"), "<profile family=\"x\"");
  testing::write_bytes(dir.file("d-nha-nuoc.xml"),
                       testing::read_bytes(shipped("nha-nuoc-30-2020.xml")));
  testing::write_bytes(dir.file("notes.txt"), "not a profile");
  const Result<ProfileRegistry> r = load_profiles(dir.path(), profile_schema());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.value->all().size(), 2u);
  EXPECT_EQ(r.value->all()[0].family, "dang");
  EXPECT_EQ(r.value->all()[1].family, "nha-nuoc");
  ASSERT_EQ(r.errors.size(), 2u) << all(r.errors);
  EXPECT_EQ(r.errors[0].to_string(),
            dir.file("b-copy.xml") +
                ":10:1: profile family 'dang' edition '36-HD/VPTW' is already "
                "defined in " +
                dir.file("a-dang.xml") + "; skipped");
  EXPECT_EQ(r.errors[1].file, dir.file("c-broken.xml"));
  EXPECT_NE(r.errors[1].message.find("not well-formed XML"), std::string::npos);
}

TEST(ProfileReader, ReportsAMissingFolder) {
  const Result<ProfileRegistry> r = load_profiles("/nonexistent/profiles", profile_schema());
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "/nonexistent/profiles");
}


// Every shipped profile states its A5 booklet: mirrored pages with the wider margin by the fold,
// on A4 landscape sheets, the page number at least 8 mm below the sheet's edge (to its glyphs'
// top: at most 14 pt digits, about 3.5 mm tall, above the baseline).
TEST(ProfileReader, EveryProfileHasItsBookletPageSetup) {
  for (const char* name : {"dang-36-2018.xml", "nha-nuoc-30-2020.xml", "mat-tran-91-2013.xml", "doan-29-2013.xml",
                           "hoi-nong-dan.xml", "hoi-phu-nu.xml", "hoi-cuu-chien-binh.xml"}) {
    SCOPED_TRACE(name);
    const Profile p = read_ok(shipped(name));
    const BookletSetup& b = p.booklet;
    EXPECT_EQ(b.page.width, Mm(148));
    EXPECT_EQ(b.page.height, Mm(210));
    EXPECT_TRUE(b.page.mirrored);
    EXPECT_EQ(b.page.left, Mm(20));   // inside
    EXPECT_EQ(b.page.right, Mm(14));  // outside
    EXPECT_EQ(b.page.top, Mm(18));
    EXPECT_EQ(b.sheet_width, Mm(297));
    EXPECT_EQ(b.sheet_height, Mm(210));
    EXPECT_GE(b.page_number_from_top - to_mm(Pt(p.style(Element::PageNumber).size * 0.7)), Mm(8));
    EXPECT_LT(b.page_number_from_top, b.page.top);
  }
}

}  // namespace
}  // namespace vanban
