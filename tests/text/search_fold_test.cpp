#include "text/search_fold.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "site_script.h"

namespace vanban::text {
namespace {

using Strings = std::vector<std::string>;

TEST(FoldForSearch, DropsMarksFoldsDAndCase) {
  EXPECT_EQ(fold_for_search("Đảng ủy"), "dang uy");
  EXPECT_EQ(fold_for_search("ĐẢNG ỦY"), "dang uy");
  EXPECT_EQ(fold_for_search("uốn nắn"), "uon nan");
  EXPECT_EQ(fold_for_search("Uon Nan"), "uon nan");
  // Horn and breve are marks too: ơ ư ă -> o u a.
  EXPECT_EQ(fold_for_search("Trường Giang thơ ăn"), "truong giang tho an");
}

TEST(FoldForSearch, SameForPrecomposedAndDecomposedInput) {
  // "ệ" precomposed (U+1EC7) and as e + U+0323 + U+0302.
  EXPECT_EQ(fold_for_search("vi\xE1\xBB\x87t"), "viet");
  EXPECT_EQ(fold_for_search("vie\xCC\xA3\xCC\x82t"), "viet");
}

TEST(SearchTerms, FoldedRunsOfLettersAndDigits) {
  EXPECT_EQ(search_terms("Số 18-CT/TU, ngày 12/3/2026: Đảng ủy!"),
            (Strings{"so", "18", "ct", "tu", "ngay", "12", "3", "2026", "dang", "uy"}));
  EXPECT_TRUE(search_terms(" - ; ").empty());
}

// The browser folds queries with templates/site/assets/search.js; both must give the same terms
// for the same words, or a query would miss what the index holds.
TEST(FoldForSearch, AgreesWithTheSiteScript) {
  const Strings words = {"Đảng ủy", "ĐẢNG ỦY", "uốn nắn", "Uốn Nắn", "nghị quyết", "Hòn Rồng",
                         "Phước Hòa Thạnh", "đặc khu", "Ủy ban Mặt trận Tổ quốc", "Rạch Cát Đông",
                         "vie\xCC\xA3\xCC\x82t", "Ơn Ưng Ăn", "ABC xyz 123", "Ñandú Ærø",
                         "Tỉnh ủy Trường Giang", "kỳ họp thứ 9", "Số 18-CT/TU",
                         // beyond the folding table: fullwidth letters, a Hangul syllable
                         "ＶＩỆＴ Ｎａｍ", "한국어", "Ωμέγα Ⅻ"};
  const Strings printed = testing::run_search_script(
      words, "for (const w of lines) console.log(vanbanFold(w) + '|' + vanbanTerms(w).join(' '));");
  ASSERT_EQ(printed.size(), words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string terms;
    for (const std::string& t : search_terms(words[i])) terms += (terms.empty() ? "" : " ") + t;
    EXPECT_EQ(printed[i], fold_for_search(words[i]) + "|" + terms) << words[i];
  }
}

}  // namespace
}  // namespace vanban::text
