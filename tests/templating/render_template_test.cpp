#include "templating/render_template.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

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

// A list given as rows: each row is made when the template reaches it and dropped once written,
// before the next is made. Each row holds a token counting the rows alive, and writes that count
// as it was when the row was made: one, every time; a list made whole would count 1, 2, 3.
TEST(RenderTemplate, RowsAreMadeOneAtATimeWhileTheTemplateRenders) {
  struct Alive {
    explicit Alive(int& n) : n_(n) { ++n_; }
    ~Alive() { --n_; }
    Alive(const Alive&) = delete;
    Alive& operator=(const Alive&) = delete;
    int& n_;
  };
  int alive = 0;
  std::vector<std::size_t> made;
  TemplateContext c;
  c.set("title", "Danh sách");
  c.set("rows", TemplateValue::rows(3, [&](std::size_t i) {
    made.push_back(i);
    TemplateValue row;
    auto token = std::make_shared<Alive>(alive);
    row.set("token", TemplateValue::rows(0, [token](std::size_t) { return TemplateValue(); }));
    row.set("alive", std::to_string(alive));
    row.set("n", std::to_string(i + 1));
    return row;
  }));
  const Result<MarkupTemplate> t =
      MarkupTemplate::compile("<h>{{title}}</h>\n{{#rows}}\n<p>{{n}}/{{alive}}</p>\n{{/rows}}\n<end/>\n", "t.mustache", {"rows"});
  ASSERT_TRUE(t.ok());
  const Result<std::string> r = t.value->render(std::move(c));
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
  EXPECT_EQ(*r.value, "<h>Danh sách</h>\n<p>1/1</p>\n<p>2/1</p>\n<p>3/1</p>\n<end/>\n");
  EXPECT_EQ(made, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(alive, 0);
}

// Rows come out byte for byte as the same list given whole: indented tags, nested row lists, a
// row that reads a key of the rows around it, an empty list (the library writes the line of its
// tags then, blanks included), an inverted section, CRLF lines, a list twice.
TEST(RenderTemplate, RowsWriteWhatTheWholeListWrites) {
  const std::string text =
      "<t>\n"
      "  {{#groups}}\n"
      "  <g n=\"{{name}}\">\n"
      "    {{#items}}  \n"
      "    <i>{{.}} {{name}} {{unit}}</i>\n"
      "    {{/items}}\n"
      "  {{^items}}<none/>{{/items}}\n"
      "  </g>\n"
      "  {{/groups}}\n"
      "{{#empty}}\r\n"
      "<x/>\r\n"
      "{{/empty}}\r\n"
      "{{#groups}}\n"
      "{{name}};\n"
      "{{/groups}}\n"
      "</t>";
  const std::vector<std::vector<std::string>> groups = {{"a", "b"}, {}, {"c"}};
  const auto context = [&](bool as_rows) {
    TemplateContext c;
    c.set("unit", "kg");
    const auto group = [&groups, as_rows](std::size_t g) {  // made again while rendering
      TemplateValue v;
      v.set("name", "G" + std::to_string(g));
      const std::vector<std::string>& items = groups[g];
      if (as_rows) {
        v.set("items", TemplateValue::rows(items.size(), [&items](std::size_t i) { return TemplateValue(items[i]); }));
      } else {
        TemplateValue& list = v.set_list("items");
        for (const std::string& item : items) list.add(TemplateValue(item));
      }
      return v;
    };
    if (as_rows) {
      c.set("groups", TemplateValue::rows(groups.size(), group));
      c.set("empty", TemplateValue::rows(0, group));
    } else {
      TemplateValue& list = c.set_list("groups");
      for (std::size_t g = 0; g < groups.size(); ++g) list.add(group(g));
      c.set_list("empty");
    }
    return c;
  };
  const Result<MarkupTemplate> whole = MarkupTemplate::compile(text, "t.mustache");
  const Result<MarkupTemplate> by_row = MarkupTemplate::compile(text, "t.mustache", {"groups", "items", "empty"});
  ASSERT_TRUE(whole.ok() && by_row.ok());
  const Result<std::string> expected = whole.value->render(context(false));
  const Result<std::string> written = by_row.value->render(context(true));
  ASSERT_TRUE(expected.ok() && written.ok());
  EXPECT_EQ(*written.value, *expected.value);
  EXPECT_NE(expected.value->find("<g n=\"G0\">\n    <i>a G0 kg</i>\n    <i>b G0 kg</i>\n  \n  </g>\n"
                                 "  <g n=\"G1\">\n    \n  <none/>\n"),
            std::string::npos);
  // A template compiled for rows still takes the list whole.
  EXPECT_EQ(*by_row.value->render(context(false)).value, *expected.value);
}

// Rows reach the template only through sections compiled for them.
TEST(RenderTemplate, RowsOutsideTheirRowSectionsAreAnError) {
  TemplateContext c;
  c.set("rows", TemplateValue::rows(2, [](std::size_t i) { return TemplateValue(std::to_string(i)); }));
  const Result<std::string> r = render_template("{{#rows}}{{.}}{{/rows}}", c, "t.mustache");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].to_string(),
            "t.mustache:0:0: a list made row by row is used outside a section compiled for its rows");
}

// A row list's tags inside a line would not write the same as the whole list: the template is
// refused where the tag is.
TEST(RenderTemplate, RowListTagsInsideALineAreReportedWithTheirPlace) {
  const Result<MarkupTemplate> t =
      MarkupTemplate::compile("<table>\n  <tr>{{#rows}}<td>{{.}}</td>{{/rows}}</tr>\n</table>\n", "bao-cao.mustache",
                              {"rows"});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.errors[0].to_string(),
            "bao-cao.mustache:2:7: the rows of \"rows\" are written one at a time: {{#rows}} and {{/rows}} "
            "must each stand alone on a line");
}

}  // namespace
}  // namespace vanban
