#include "output/output_name.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

std::string name_of(const std::string& path) {
  const Result<std::string> r = output_base_name(path);
  return r.ok() ? *r.value : "REFUSED: " + r.errors.at(0).message;
}

TEST(OutputBaseName, DropsFolderAndXmlExtension) {
  EXPECT_EQ(name_of("content/documents/chi-thi-dang.xml"), "chi-thi-dang");
  EXPECT_EQ(name_of("báo cáo.XML"), "báo cáo");
  EXPECT_EQ(name_of("notes.txt"), "notes.txt");
  EXPECT_EQ(name_of("a/../evil.xml"), "evil");
}

TEST(OutputBaseName, RefusesNamesThatEscapeOrHide) {
  EXPECT_EQ(name_of("dir/.xml"), "REFUSED: cannot name the output after this file: it has no name before .xml");
  EXPECT_EQ(name_of("dir/"), "REFUSED: cannot name the output after this file: it has no name before .xml");
  EXPECT_EQ(name_of("a/.."), "REFUSED: cannot name the output after this file: '..' starts with a dot");
  EXPECT_EQ(name_of("..xml"), "REFUSED: cannot name the output after this file: '.' starts with a dot");
  EXPECT_EQ(name_of(".hidden.xml"), "REFUSED: cannot name the output after this file: '.hidden' starts with a dot");
  EXPECT_EQ(name_of("a\\..\\b.xml"), "REFUSED: cannot name the output after this file: 'a\\..\\b' holds a backslash");
  EXPECT_EQ(name_of("line\nbreak.xml"), "REFUSED: cannot name the output after this file: the name holds a control character");
  EXPECT_EQ(name_of(std::string(201, 'x') + ".xml"),
            "REFUSED: cannot name the output after this file: the name is longer than 200 bytes");
}

TEST(OutputBaseName, DiagnosticNamesTheInput) {
  const Result<std::string> r = output_base_name("in/.x.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors.at(0).to_string(), "in/.x.xml:0:0: cannot name the output after this file: '.x' starts with a dot");
}

TEST(OutputNames, SecondInputWithTheSameNameIsRefused) {
  OutputNames names;
  EXPECT_EQ(*names.claim("a/report.xml").value, "report");
  EXPECT_EQ(*names.claim("a/other.xml").value, "other");
  const Result<std::string> again = names.claim("b/report.xml");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.errors.at(0).to_string(),
            "b/report.xml:0:0: output name 'report' is already taken by 'a/report.xml' in this run; "
            "rename one of the two files");
}

}  // namespace
}  // namespace vanban
