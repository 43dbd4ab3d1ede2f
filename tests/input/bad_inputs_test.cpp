// tests/data/bad/*.xml: one bad input per file. Line 2 of each says what it must produce:
//   <!-- expect: LINE:COL: FRAGMENT -->
// i.e. one diagnostic at LINE:COL whose message contains FRAGMENT. The CLI tests reuse them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "input/markup_reader.h"
#include "input_test_util.h"

namespace vanban {
namespace {

struct Expectation {
  int line = 0;
  int column = 0;
  std::string fragment;
};

Expectation expectation_of(const std::string& bytes) {
  static const std::regex kExpect(R"(<!-- expect: (\d+):(\d+): (.*?) -->)");
  std::smatch m;
  Expectation e;
  if (std::regex_search(bytes, m, kExpect)) {
    e.line = std::stoi(m[1]);
    e.column = std::stoi(m[2]);
    e.fragment = m[3];
  }
  return e;
}

std::vector<std::string> bad_files() {
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(testing::source_path("tests/data/bad")))
    if (f.path().extension() == ".xml") files.push_back(f.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, IsRefusedWithItsMessageAtItsPlace) {
  const std::string path = testing::source_path("tests/data/bad/" + GetParam());
  const Expectation want = expectation_of(testing::read_bytes(path));
  ASSERT_FALSE(want.fragment.empty()) << "no <!-- expect: LINE:COL: ... --> in " << path;

  ReadOptions options;
  options.schema_path = testing::document_schema();
  options.can_draw = testing::draws_no_cjk;
  options.font_name = "Liberation Serif";
  const Result<Document> r = read_document(path, options);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << testing::all(r.errors);
  const Diagnostic& d = r.errors[0];
  EXPECT_EQ(d.file, path);
  EXPECT_EQ(d.line, want.line) << d.to_string();
  EXPECT_EQ(d.column, want.column) << d.to_string();
  EXPECT_NE(d.message.find(want.fragment), std::string::npos) << d.to_string();
  // doctype-xxe.xml names xxe-secret.txt beside it: its text must never be read.
  EXPECT_EQ(d.message.find("XXE-SECRET"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadInput, ::testing::ValuesIn(bad_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 4);
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(BadInputs, CoverEveryCaseOfTheBrief) {
  const std::vector<std::string> files = bad_files();
  for (const char* f :
       {"not-utf8.xml", "missing-signer.xml", "missing-signature.xml", "unexpected-element.xml",
        "bad-number.xml", "nonexistent-date.xml", "undrawable-character.xml",
        "doctype-billion-laughs.xml", "doctype-xxe.xml"})
    EXPECT_NE(std::find(files.begin(), files.end(), f), files.end()) << f;
}

}  // namespace
}  // namespace vanban
