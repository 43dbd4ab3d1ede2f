#include "text/keep_together.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace vanban::text {
namespace {

// The text of each span, with "!" before a hard one, for readable failures.
std::vector<std::string> kept(const KeepTogether& k, const std::string& text) {
  std::vector<std::string> out;
  for (const KeptSpan& s : k.spans(text))
    out.push_back((s.bond == Bond::Hard ? "!" : "") + text.substr(s.begin, s.end - s.begin));
  return out;
}

bool has(const std::vector<std::string>& spans, const std::string& s) {
  return std::find(spans.begin(), spans.end(), s) != spans.end();
}

// True when some span of `bond` holds the space right after `before` in `text`.
bool space_is_kept(const KeepTogether& k, const std::string& text, const std::string& before, Bond bond) {
  const std::size_t gap = text.find(before) + before.size();
  for (const KeptSpan& s : k.spans(text))
    if (s.bond == bond && s.begin < gap && gap < s.end) return true;
  return false;
}

TEST(KeepTogether, PhrasesMatchWholeWordsInAnyCase) {
  KeepTogether k;
  k.add_phrase("Hồ Chí Minh");
  k.add_phrase("Thị ủy");
  const std::string upper = "ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH TỈNH VĨNH GIANG";
  EXPECT_TRUE(has(kept(k, upper), "!HỒ CHÍ MINH"));
  EXPECT_TRUE(space_is_kept(k, "Ban Dân vận Thị ủy Bình Hải", "Thị", Bond::Hard));
  // Not a part of a longer word, and not across a comma.
  EXPECT_TRUE(kept(k, "hồ chí minhxx").empty());
  EXPECT_FALSE(space_is_kept(k, "thị, ủy ban", "thị,", Bond::Hard));
}

TEST(KeepTogether, ADocumentsNamesOnTopOfASharedListMatchAsInOneList) {
  auto shared = std::make_shared<KeepTogether>();
  shared->add_phrase("Phó Trưởng ban");
  shared->add_phrase("Ban Thường trực");
  shared->add_name("Hội Cựu chiến binh Việt Nam");
  KeepTogether layered(shared);
  layered.add_name("Phó Trưởng ban Thường trực Hội Cựu chiến binh tỉnh Vĩnh Giang");
  layered.add_name("Ban Chỉ đạo 35");
  KeepTogether flat;
  flat.add_phrase("Phó Trưởng ban");
  flat.add_phrase("Ban Thường trực");
  flat.add_name("Hội Cựu chiến binh Việt Nam");
  flat.add_name("Phó Trưởng ban Thường trực Hội Cựu chiến binh tỉnh Vĩnh Giang");
  flat.add_name("Ban Chỉ đạo 35");
  for (const std::string text : {"PHÓ TRƯỞNG BAN THƯỜNG TRỰC HỘI CỰU CHIẾN BINH TỈNH VĨNH GIANG",
                                 "Ban Thường trực Hội Cựu chiến binh Việt Nam họp ngày 17 tháng 10"})
    EXPECT_EQ(kept(layered, text), kept(flat, text)) << text;
  // The document's names stay its own: the shared list is unchanged.
  EXPECT_FALSE(has(kept(*shared, "ban chỉ đạo 35 họp"), "ban chỉ đạo 35"));
  EXPECT_TRUE(has(kept(layered, "ban chỉ đạo 35 họp"), "ban chỉ đạo 35"));
}

// spans() remembers what a text and the shared phrases give; each document's own names are
// still its own, and a phrase added later counts at once.
TEST(KeepTogether, DocumentsOnOneSharedListSeeOnlyTheirOwnNamesWhateverWasSeenBefore) {
  auto shared = std::make_shared<KeepTogether>();
  shared->add_phrase("Hội Nông dân");
  const std::string text = "Hội Nông dân xã An Phú và chi hội Gò Đen cùng dự";
  KeepTogether first(shared), second(shared), third(shared);
  first.add_name("chi hội Gò Đen");
  second.add_name("xã An Phú và chi hội");
  for (int round = 0; round < 2; ++round) {
    EXPECT_TRUE(has(kept(first, text), "chi hội Gò Đen")) << round;
    EXPECT_FALSE(has(kept(first, text), "xã An Phú và chi hội")) << round;
    EXPECT_TRUE(has(kept(second, text), "xã An Phú và chi hội")) << round;
    EXPECT_FALSE(has(kept(second, text), "chi hội Gò Đen")) << round;
    EXPECT_TRUE(has(kept(third, text), "!Hội Nông dân")) << round;
    EXPECT_FALSE(has(kept(third, text), "chi hội Gò Đen")) << round;
  }
  third.add_phrase("cùng dự");
  EXPECT_TRUE(has(kept(third, text), "!cùng dự"));
  // A list with the same text seen before through another list of shared phrases.
  auto other = std::make_shared<KeepTogether>();
  other->add_phrase("và chi hội");
  EXPECT_TRUE(has(kept(KeepTogether(other), text), "!và chi hội"));
  EXPECT_FALSE(has(kept(KeepTogether(other), text), "!Hội Nông dân"));
}

TEST(KeepTogether, ANumberStaysWithItsUnitAndADateHoldsTogether) {
  const KeepTogether k;
  EXPECT_TRUE(space_is_kept(k, "báo cáo chậm 6 ngày so với quy định", "6", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "trong 6 tháng đầu năm", "6", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "dự sinh hoạt: 69 người, đạt 73,40%", "69", Bond::Hard));
  const std::string date = "vào ngày 17 tháng 10 năm 2026.";
  for (const char* before : {"ngày", "17", "tháng", "10", "năm"})
    EXPECT_TRUE(space_is_kept(k, date, before, Bond::Hard)) << before;
  EXPECT_FALSE(space_is_kept(k, date, "vào", Bond::Hard));
  EXPECT_FALSE(space_is_kept(k, "tháng 10 năm 2026 của Chi hội", "2026", Bond::Hard));  // a year counts nothing
  // A number closing a clause is not bound to the next word.
  EXPECT_FALSE(space_is_kept(k, "vắng: 25 người, ghi nhận", "người,", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "Số 65-BC/CCB", "Số", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "Số: 12/UBND-VX", "Số:", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "Số \u2003\u2002-BC/HPN", "Số", Bond::Hard));  // the draft blank
  EXPECT_TRUE(space_is_kept(k, "Nghị quyết số 25-NQ/TW, ngày 03-6-2013", "ngày", Bond::Hard));
}

TEST(KeepTogether, ProperNamesInMixedCaseAreHard) {
  const KeepTogether k;
  const std::string text = "đồng chí Lâm Thị Ngọc Hạnh, Phó Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Vĩnh Giang";
  EXPECT_TRUE(has(kept(k, text), "!Lâm Thị Ngọc Hạnh,"));
  EXPECT_TRUE(has(kept(k, text), "!Vĩnh Giang"));
  EXPECT_TRUE(has(kept(k, text), "tỉnh Vĩnh Giang"));  // a place with its level: soft
  // Capitals only are no proper-name run: a header line may break between its words.
  EXPECT_TRUE(kept(k, "TỈNH ỦY VĨNH GIANG").empty());
}

TEST(KeepTogether, NamesFromDataHoldInUpperCase) {
  KeepTogether k;
  k.add_name("Hội Cựu chiến binh tỉnh Vĩnh Giang");
  const std::string upper = "HỘI CỰU CHIẾN BINH TỈNH VĨNH GIANG";
  const auto spans = kept(k, upper);
  EXPECT_TRUE(has(spans, upper));             // the whole name, soft
  EXPECT_TRUE(has(spans, "!VĨNH GIANG"));     // its proper name, hard
  EXPECT_TRUE(has(spans, "TỈNH VĨNH GIANG"));  // the place with its level, soft
  EXPECT_FALSE(space_is_kept(k, upper, "BINH", Bond::Hard));
}

TEST(KeepTogether, ALevelWordStartsANewName) {
  KeepTogether k;
  k.add_name("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh");
  const std::string upper = "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM THÀNH PHỐ HỒ CHÍ MINH";
  const auto spans = kept(k, upper);
  EXPECT_TRUE(has(spans, "!VIỆT NAM"));
  EXPECT_FALSE(has(spans, "!VIỆT NAM THÀNH"));
  EXPECT_FALSE(space_is_kept(k, upper, "NAM", Bond::Hard));  // free between the two names
  EXPECT_TRUE(space_is_kept(k, "Đảng bộ Phường Rạch Cát Đông", "Rạch", Bond::Hard));
  EXPECT_FALSE(space_is_kept(k, "Ủy ban nhân dân Tỉnh Vĩnh Giang Phường Rạch", "Giang", Bond::Hard));
}

// The residential units under a commune name a place as its level words do.
TEST(KeepTogether, ResidentialUnitsKeepTheirNames) {
  KeepTogether k;
  const std::string text = "Chi đoàn khu dân cư Bãi Nhát, khu phố Chợ Cũ, tổ dân phố Bến Ghe";
  for (const char* before : {"khu", "khu dân", "khu dân cư", "Nhát, khu", "tổ dân phố"})
    EXPECT_TRUE(space_is_kept(k, text, before, Bond::Soft)) << before;
  EXPECT_FALSE(space_is_kept(k, text, "Chi đoàn", Bond::Soft));  // the branch's kind is free
  EXPECT_FALSE(space_is_kept(k, "khu phố 3, phường Tân Định Thượng", "khu", Bond::Soft));  // no name follows
}

TEST(KeepTogether, KnownPhrasesCutCapitalisedRunsAndBothHold) {
  KeepTogether k;
  k.add_phrase("Thành phố Hồ Chí Minh");
  k.add_phrase("Việt Nam");
  k.add_name("Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh");
  const std::string upper = "MẶT TRẬN TỔ QUỐC VIỆT NAM THÀNH PHỐ HỒ CHÍ MINH";
  EXPECT_TRUE(space_is_kept(k, upper, "VIỆT", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, upper, "PHỐ", Bond::Hard));
  EXPECT_FALSE(space_is_kept(k, upper, "NAM", Bond::Hard));
  // In title case too: the run "Việt Nam Thành" is cut where the known phrase begins.
  KeepTogether list;
  list.add_phrase("Thành phố Hồ Chí Minh");
  EXPECT_FALSE(space_is_kept(list, "Quốc Việt Nam Thành phố Hồ Chí Minh", "Nam", Bond::Hard));
}

TEST(KeepTogether, APhraseCrossingAnEarlierOneIsNoPhrase) {
  KeepTogether k;
  k.add_phrase("Phó Trưởng ban");
  k.add_phrase("Ban Thường trực");
  k.add_phrase("Ban Tuyên giáo");
  k.add_phrase("Ủy viên");
  // "ban" belongs to "Phó Trưởng ban": the break after it is free.
  EXPECT_FALSE(space_is_kept(k, "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "BAN", Bond::Hard));
  EXPECT_TRUE(space_is_kept(k, "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "TRƯỞNG", Bond::Hard));
  EXPECT_FALSE(space_is_kept(k, "Phó Trưởng ban Tuyên giáo và Dân vận", "ban", Bond::Hard));
  // A phrase after a finished one is whole.
  EXPECT_TRUE(space_is_kept(k, "Ủy viên Ban Thường trực", "Ban", Bond::Hard));
}

TEST(KeepTogether, FixedSpacesHaveNominalWidths) {
  EXPECT_EQ(fixed_space_width(U'\u2002'), 0.5);
  EXPECT_EQ(fixed_space_width(U'\u2003'), 1.0);
  EXPECT_EQ(fixed_space_width(U' '), 0);
}

}  // namespace
}  // namespace vanban::text
