#include "templating/row_sections.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

// The frame keeps each row section's opening line, its tags replaced by an empty section of the
// marker; the lines between the tags are the row's template, with its own row sections cut out.
TEST(RowSections, CutsEachRowListOutOfItsFrame) {
  const Result<RowSplit> r = split_row_sections(
      "<t>\n  {{#groups}}\n  <g>{{name}}\n    {{#items}}\r\n    <i>{{.}}</i>\n    {{/items}}\n  </g>\n"
      "  {{/groups}}  \n{{^groups}}none{{/groups}}\n</t>\n",
      {"groups", "items"}, "t.mustache");
  ASSERT_TRUE(r.ok());
  const std::string groups = row_marker(0), items = row_marker(1);
  EXPECT_EQ(r.value->frame, "<t>\n  {{#" + groups + "}}{{/" + groups + "}}  \n{{^groups}}none{{/groups}}\n</t>\n");
  ASSERT_EQ(r.value->sections.size(), 2u);
  EXPECT_EQ(r.value->sections[0].key, "groups");
  EXPECT_EQ(r.value->sections[0].body, "  <g>{{name}}\n    {{#" + items + "}}{{/" + items + "}}\n  </g>\n");
  EXPECT_EQ(r.value->sections[1].key, "items");
  EXPECT_EQ(r.value->sections[1].body, "    <i>{{.}}</i>\n");
  EXPECT_EQ(row_marker_index(items), 1u);
  EXPECT_EQ(row_marker_index("items"), std::nullopt);
}

TEST(RowSections, WithoutRowListsTheTextIsTheFrame) {
  const std::string text = "{{=<% %>=}}<%#items%>x<%/items%>";
  const Result<RowSplit> r = split_row_sections(text, {}, "t.mustache");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value->frame, text);
  EXPECT_TRUE(r.value->sections.empty());
}

// A template author who writes a row list's tag beside other text is told where and why.
TEST(RowSections, ATagBesideOtherTextIsReportedWithItsPlace) {
  const std::string rule =
      ": the rows of \"gaps\" are written one at a time: {{#gaps}} and {{/gaps}} must each stand alone on a line";
  Result<RowSplit> r = split_row_sections("<p>\n  Có {{#gaps}}\n<r/>\n{{/gaps}}\n", {"gaps"}, "bao-cao-thang.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(), "bao-cao-thang.mustache:2:6" + rule);
  r = split_row_sections("<p>\n{{#gaps}}\n<r/>\n{{/gaps}}</p>\n", {"gaps"}, "bao-cao-thang.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(), "bao-cao-thang.mustache:4:1" + rule);
  r = split_row_sections("{{#gaps}}<r/>{{/gaps}}\n", {"gaps"}, "t.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(), "t.mustache:1:1" + rule);
}

// The library would print a row list given as a value as nothing at all: refused where it is.
TEST(RowSections, ARowListPrintedAsAValueIsReportedWithItsPlace) {
  const std::string rule = ": the rows of \"gaps\" are written one at a time and cannot be printed as a value; "
                           "write them with {{#gaps}} ... {{/gaps}}";
  for (const char* tag : {"{{gaps}}", "{{{gaps}}}", "{{& gaps}}", "{{ gaps }}"}) {
    const Result<RowSplit> r =
        split_row_sections(std::string("<p>\n  Có ") + tag + "\n{{#gaps}}\n<r/>\n{{/gaps}}\n", {"gaps"}, "t.mustache");
    ASSERT_FALSE(r.ok()) << tag;
    EXPECT_EQ(r.errors[0].to_string(), "t.mustache:2:6" + rule) << tag;
  }
  // Inside a row section too; other values, comments and sections of the name are fine.
  Result<RowSplit> r = split_row_sections("{{#gaps}}\n{{gaps}}\n{{/gaps}}\n", {"gaps"}, "t.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(), "t.mustache:2:1" + rule);
  r = split_row_sections("{{! gaps}}{{^gaps}}none{{/gaps}}{{gap_count}}\n{{#gaps}}\n{{number}}\n{{/gaps}}\n",
                         {"gaps"}, "t.mustache");
  EXPECT_TRUE(r.ok()) << r.errors[0].to_string();
}

TEST(RowSections, ChangedDelimitersAreRefusedWhenThereAreRowLists) {
  const Result<RowSplit> r = split_row_sections("<p>\n {{=<% %>=}}\n", {"gaps"}, "t.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(),
            "t.mustache:2:2: this template renders lists row by row and cannot change its delimiters");
}

}  // namespace
}  // namespace vanban
