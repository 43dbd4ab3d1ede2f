#include "site/search_index.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "site_script.h"
#include "text/search_fold.h"

namespace vanban::site {
namespace {

SiteDocument document(const std::string& slug, const std::string& subject, const std::string& body) {
  SiteDocument d;
  d.slug = slug;
  d.subject = subject;
  d.text = subject + "\n" + body;
  d.type_label = "Công văn";
  d.issuer = "Tỉnh ủy Trường Giang";
  d.date = {2026, 10, 5};
  return d;
}

// The postings of `term` as doc id -> weight, decoded from the shard file that holds it.
std::map<int, int> postings(const std::vector<SiteFile>& files, const std::string& term) {
  std::uint32_t shards = 0;
  for (const SiteFile& f : files) {
    std::smatch m;
    if (f.path == "tim-kiem/index.js" && std::regex_search(f.bytes, m, std::regex("\"shards\":(\\d+)")))
      shards = static_cast<std::uint32_t>(std::stoul(m[1]));
  }
  const std::string shard = "tim-kiem/t-" + std::to_string(term_shard(term, shards)) + ".js";
  std::map<int, int> out;
  for (const SiteFile& f : files) {
    if (f.path != shard) continue;
    // Found by hand, not by std::regex: libstdc++'s matcher recurses once per character, and a
    // list of 3,000 postings overflows the stack of an unoptimised sanitizer build.
    const std::string key = "\"" + term + "\":[";
    const std::size_t start = f.bytes.find(key);
    if (start == std::string::npos) return out;
    const std::size_t first = start + key.size();
    const std::size_t end = f.bytes.find(']', first);
    if (end == std::string::npos) return out;
    std::vector<int> numbers;
    const std::string list = f.bytes.substr(first, end - first);
    for (std::size_t at = 0; at < list.size();) {
      const std::size_t comma = list.find(',', at);
      numbers.push_back(std::stoi(list.substr(at, comma - at)));
      at = comma == std::string::npos ? list.size() : comma + 1;
    }
    for (std::size_t i = 0, doc = 0; i + 1 < numbers.size(); i += 2) out[static_cast<int>(doc += numbers[i])] = numbers[i + 1];
  }
  return out;
}

TEST(SearchIndex, FoldedTermsPointAtTheDocumentsHoldingThem) {
  const SiteDocument a = document("a", "Về công tác của Đảng ủy", "Uốn nắn việc sinh hoạt.");
  const SiteDocument b = document("b", "Kế hoạch tháng", "Đảng ủy xã chỉ đạo sinh hoạt; đảng viên dự họp.");
  const SiteDocument c = document("c", "Báo cáo", "Không có từ cần tìm.");
  const std::vector<SiteFile> files = search_index_files({&a, &b, &c});
  EXPECT_EQ(postings(files, "uon").size(), 1u);
  EXPECT_TRUE(postings(files, "uon").count(0));
  const std::map<int, int> dang = postings(files, "dang");
  ASSERT_EQ(dang.size(), 2u);
  // In the subject it weighs more than in the body.
  EXPECT_GT(dang.at(0), dang.at(1));
  EXPECT_TRUE(postings(files, "Đảng").empty());  // only folded terms are stored
}

TEST(SearchIndex, DocumentsTableHasLinksAndSubjectsTextsTheWholeBody) {
  const std::string late = std::string(3000, 'x') + " uốn nắn ở cuối";
  const SiteDocument a = document("ve-cong-tac", "Về công tác </script>", "Nội dung \"trích\".\n" + late);
  const SiteDocument b = document("khong-than", "Chỉ có trích yếu", "");
  const std::vector<SiteFile> files = search_index_files({&a, &b});
  const auto file = [&](const std::string& path) {
    const auto it = std::find_if(files.begin(), files.end(), [&](const SiteFile& f) { return f.path == path; });
    return it == files.end() ? std::string() : it->bytes;
  };
  const std::string chunk = file("tim-kiem/d-0.js");
  EXPECT_NE(chunk.find("\"van-ban/ve-cong-tac.html\""), std::string::npos);
  EXPECT_EQ(chunk.find("</script>"), std::string::npos);  // never closes the script
  // The text a snippet is cut from: the whole body, the subject when there is none.
  EXPECT_EQ(file("tim-kiem/v-0.js"), "vanbanSearch.text(0,\"Nội dung \\\"trích\\\".\\n" + late + "\");\n");
  EXPECT_EQ(file("tim-kiem/v-1.js"), "vanbanSearch.text(1,\"Chỉ có trích yếu\");\n");
  // A long text is cut at a space before kSnippetTextBytes.
  std::string words;
  while (words.size() < 2 * kSnippetTextBytes) words += "ấp Bàu Sen ";
  const SiteDocument c = document("dai", "Dài", words);
  const std::string cut = search_index_files({&c})[3].bytes;
  ASSERT_EQ(search_index_files({&c})[3].path, "tim-kiem/v-0.js");
  EXPECT_LE(cut.size(), kSnippetTextBytes + 40);
  EXPECT_TRUE(std::regex_search(cut, std::regex("(ấp|Bàu|Sen)\"\\);\n$"))) << cut.substr(cut.size() - 40);
}

// search.js cuts the snippet around the passage holding most of the query's words, wherever it
// is in the text, and from the subject when the body holds none.
TEST(SearchSnippet, AroundThePassageWithMostQueryWords) {
  const std::string filler = "Chi bộ sinh hoạt định kỳ theo kế hoạch của cấp ủy. ";
  std::string body;
  for (int i = 0; i < 40; ++i) body += filler;
  const std::string text = "Đảng ủy xã. " + body + "Cần uốn nắn việc Đảng ủy chậm báo cáo. " + body + "Uốn nắn.";
  const std::vector<std::string> printed = testing::run_search_script(
      {text, "Về việc uốn nắn sinh hoạt", "Đảng ủy"},
      "const q = vanbanTerms('uon nan dang uy');\n"
      "console.log(vanbanSnippet([lines[0], ''], q));\n"
      "console.log(vanbanSnippet([lines[2], lines[1]], vanbanTerms('uon nan')));\n"
      "console.log(vanbanSnippet([lines[0]], vanbanTerms('xylophon')));");
  ASSERT_EQ(printed.size(), 3u);
  EXPECT_NE(printed[0].find("Cần uốn nắn việc Đảng ủy chậm báo cáo."), std::string::npos) << printed[0];
  EXPECT_EQ(printed[0].rfind("… ", 0), 0u) << printed[0];
  EXPECT_LE(text::search_terms(printed[0]).size(), 60u);
  EXPECT_EQ(printed[1], "Về việc uốn nắn sinh hoạt");
  EXPECT_EQ(printed[2].rfind("Đảng ủy xã. Chi bộ", 0), 0u) << printed[2];
}

TEST(SearchIndex, ShardsGrowWithThePostings) {
  std::vector<SiteDocument> docs;
  for (int i = 0; i < 3000; ++i)
    docs.push_back(document("d" + std::to_string(i), "Báo cáo số " + std::to_string(i),
                            "chi bộ ấp " + std::to_string(i * 7) + " sinh hoạt định kỳ tháng mười"));
  std::vector<const SiteDocument*> pointers;
  for (const SiteDocument& d : docs) pointers.push_back(&d);
  const std::vector<SiteFile> files = search_index_files(pointers);
  std::size_t shards = 0, largest = 0;
  for (const SiteFile& f : files)
    if (f.path.rfind("tim-kiem/t-", 0) == 0) {
      ++shards;
      largest = std::max(largest, f.bytes.size());
    }
  EXPECT_GT(shards, 4u);
  EXPECT_EQ(shards & (shards - 1), 0u);  // a power of two
  EXPECT_EQ(postings(files, "hoat").size(), 3000u);
}

TEST(Excerpt, CutAtASpaceWithAnEllipsis) {
  EXPECT_EQ(excerpt("  ngắn  gọn ", 40), "ngắn gọn");
  EXPECT_EQ(excerpt("một hai ba bốn năm", 12), "một hai ba…");
  // Runs of white space count once, however long, before the cut.
  EXPECT_EQ(excerpt("một" + std::string(500, ' ') + "hai\n\n\nba", 12), "một hai ba");
  EXPECT_EQ(excerpt("một" + std::string(500, ' ') + "hai ba bốn năm", 12), "một hai ba…");
}

// search.js finds a term's shard with the same hash.
TEST(TermShard, AgreesWithTheSiteScript) {
  const std::vector<std::string> terms = {"dang", "uy", "uon", "nan", "2026", "a", "truong", "ñandu"};
  const std::vector<std::string> printed = testing::run_search_script(
      terms, "for (const t of lines) console.log([1, 7, 64, 4096].map(n => vanbanShard(t, n)).join(' '));");
  ASSERT_EQ(printed.size(), terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    std::string expected;
    for (const std::uint32_t n : {1u, 7u, 64u, 4096u})
      expected += (expected.empty() ? "" : " ") + std::to_string(term_shard(terms[i], n));
    EXPECT_EQ(printed[i], expected) << terms[i];
  }
}

}  // namespace
}  // namespace vanban::site
