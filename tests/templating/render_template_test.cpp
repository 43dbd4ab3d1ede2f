#include "templating/render_template.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

std::string render(const std::string& text, const TemplateContext& context) {
  Result<std::string> r = render_template(text, context, "t.mustache");
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  return r.value.value_or("");
}

// XML needs & and < escaped in text, and the quote that delimits an attribute in attribute
// values; > only after "]]", but escaping it always is harmless. &apos; and &quot; are among
// XML's five predefined entities, so kainjow's HTML set is exactly XML's.
TEST(RenderTemplate, EscapesForXmlByDefault) {
  TemplateContext c;
  c.set("name", "<b>&\"'");
  EXPECT_EQ(render("<p a=\"{{name}}\">{{name}}</p>", c),
            "<p a=\"&lt;b&gt;&amp;&quot;&apos;\">&lt;b&gt;&amp;&quot;&apos;</p>");
}

TEST(RenderTemplate, TripleBracesInsertMarkupUnchanged) {
  TemplateContext c;
  c.set("fragment", "<b>đậm</b>");
  EXPECT_EQ(render("<p>{{{fragment}}}</p>", c), "<p><b>đậm</b></p>");
}

// XML 1.0 cannot carry C0 controls other than tab, LF, CR, even as references.
TEST(RenderTemplate, ControlCharactersBecomeSpaces) {
  TemplateContext c;
  c.set("x", std::string("a\x01" "b\tc\x1f" "d"));
  EXPECT_EQ(render("{{x}}", c), "a b\tc d");
}

// Rendering a context given away converts and frees it part by part (a month's summary would
// otherwise hold two copies of every defaulter's row): the same text, and the context is empty.
TEST(RenderTemplate, AContextGivenAwayRendersTheSameAndIsEmptied) {
  TemplateContext c;
  c.set("title", "Báo cáo");
  c.set_flag("draft", false);
  TemplateValue& agencies = c.set_list("agencies");
  for (const char* name : {"Đảng ủy xã An Phú", "Hội Nông dân tỉnh"}) {
    TemplateValue& agency = agencies.add_map();
    agency.set("name", name);
    TemplateValue& rows = agency.set_list("rows");
    rows.add_map().set("cadre", std::string(name) + " 1");
    rows.add(TemplateValue("một dòng"));
  }
  const std::string text =
      "{{title}}{{^draft}}!{{/draft}}{{#agencies}}[{{name}}:{{#rows}}({{cadre}}{{.}}){{/rows}}]{{/agencies}}";
  const Result<MarkupTemplate> t = MarkupTemplate::compile(text, "t.mustache");
  ASSERT_TRUE(t.ok());
  const Result<std::string> kept = t.value->render(c);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept.value,
            "Báo cáo![Đảng ủy xã An Phú:(Đảng ủy xã An Phú 1)(một dòng)][Hội Nông dân tỉnh:(Hội Nông dân tỉnh 1)(một dòng)]");
  const Result<std::string> given = t.value->render(std::move(c));
  ASSERT_TRUE(given.ok());
  EXPECT_EQ(*given.value, *kept.value);
  EXPECT_TRUE(c.items().empty());  // NOLINT(bugprone-use-after-move): emptied, as documented
  EXPECT_TRUE(c.keys().empty());
}

TEST(RenderTemplate, ListsFlagsAndMaps) {
  TemplateContext c;
  TemplateValue& rows = c.set_list("rows");
  rows.add_map().set("name", "Xã Ân Phú");
  rows.add_map().set("name", "Xã Bình Lợi");
  c.set_flag("late", true);
  c.set_flag("missing", false);
  c.set("total", TemplateValue()).set("present", "134");
  TemplateValue& topics = c.set_list("topics");
  topics.add(TemplateValue("Giá phân bón"));
  topics.add(TemplateValue("Đường giao thông"));
  EXPECT_EQ(render("{{#rows}}[{{name}}]{{/rows}}{{#late}}L{{/late}}{{#missing}}M{{/missing}}"
                   "{{^missing}}m{{/missing}}{{^absent}}a{{/absent}}"
                   "{{#total}}{{present}}{{/total}}{{#topics}}<{{.}}>{{/topics}}",
                   c),
            "[Xã Ân Phú][Xã Bình Lợi]Lma134<Giá phân bón><Đường giao thông>");
}

TEST(RenderTemplate, StandaloneSectionLinesLeaveNoBlankLines) {
  TemplateContext c;
  c.set_list("items").add(TemplateValue("a"));
  EXPECT_EQ(render("<ol>\n{{#items}}\n<li>{{.}}</li>\n{{/items}}\n</ol>\n", c),
            "<ol>\n<li>a</li>\n</ol>\n");
}

TEST(RenderTemplate, SetReplacesAndReferencesStayValid) {
  TemplateContext c;
  TemplateValue& list = c.set_list("l");
  for (int i = 0; i < 100; ++i) c.set("k" + std::to_string(i), "v");
  list.add(TemplateValue("still here"));  // `list` survived 100 insertions into its parent
  c.set("k5", "replaced");
  EXPECT_EQ(c.keys().size(), 101u);
  ASSERT_NE(c.find("k5"), nullptr);
  EXPECT_EQ(c.find("k5")->text(), "replaced");
  EXPECT_EQ(render("{{#l}}{{.}}{{/l}}", c), "still here");
}

// Template errors name the template file and where the bad tag is (line, column in characters).
TEST(RenderTemplate, UnclosedSectionIsReportedWithItsPlace) {
  const Result<std::string> r =
      render_template("<p>\n  ý {{#rows}}x\n</p>", TemplateContext(), "bao-cao.mustache");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].to_string(), "bao-cao.mustache:2:5: Unclosed section \"rows\"");
}

TEST(RenderTemplate, UnclosedTagIsReportedWithItsPlace) {
  const Result<std::string> r = render_template("ab\n{{name", TemplateContext(), "t.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(), "t.mustache:2:1: Unclosed tag");
}

TEST(RenderTemplate, CompiledTemplateRendersManyContexts) {
  Result<MarkupTemplate> t = MarkupTemplate::compile("<p>{{n}}</p>", "t.mustache");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.value->name(), "t.mustache");
  for (const char* n : {"1", "2", "3"}) {
    TemplateContext c;
    c.set("n", n);
    EXPECT_EQ(*t.value->render(c).value, std::string("<p>") + n + "</p>");
  }
}

}  // namespace
}  // namespace vanban
