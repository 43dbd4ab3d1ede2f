#include "templating/guide_documents.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model/xml_escape.h"
#include "templating/render_template.h"

namespace vanban {

namespace {

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Styled runs as markup for {{{...}}}: the text escaped, the styles as <b> and <i>.
std::string inline_markup(const Inlines& runs) {
  std::string out;
  for (const TextRun& r : runs) {
    std::string run = xml_escaped(r.text);
    if (r.italic) run = "<i>" + run + "</i>";
    if (r.bold) run = "<b>" + run + "</b>";
    out += run;
  }
  return out;
}

void set_markup_list(TemplateValue& v, const std::string& key, const std::vector<Inlines>& items) {
  TemplateValue& list = v.set_list(key);
  for (const Inlines& runs : items) list.add_map().set("markup", inline_markup(runs));
  v.set_flag("has_" + key, !items.empty());
}

// "nong-dan" -> "org_nong_dan": flags for wording that depends on the organisation.
std::string organisation_flag(Organisation o) {
  std::string id = std::string("org_") + organisation_id(o);
  std::replace(id.begin(), id.end(), '-', '_');
  return id;
}

void set_topic(TemplateValue& v, const GuidanceTopic& t, int number) {
  v.set("number", std::to_string(number));
  v.set("title", t.title);
  TemplateValue& sections = v.set_list("sections");
  int titled = 0;
  for (const GuidanceSection& s : t.sections) {
    TemplateValue& section = sections.add_map();
    section.set_flag("has_title", !s.title.empty());
    if (!s.title.empty()) {
      section.set("title", s.title);
      section.set("number", std::to_string(++titled));
    }
    set_markup_list(section, "paragraphs", s.paragraphs);
  }
  set_markup_list(v, "key_points", t.key_points);
  set_markup_list(v, "questions", t.questions);
  TemplateValue& figures = v.set_list("key_figures");
  for (const KeyFigure& f : t.key_figures) {
    TemplateValue& figure = figures.add_map();
    figure.set("value", f.value);
    figure.set("markup", inline_markup(f.label));
  }
  v.set_flag("has_key_figures", !t.key_figures.empty());
}

TemplateContext guide_context(const Guidance& g, const GuideOrganisation& org) {
  const Organisation o = org.id;
  TemplateContext v;
  v.set("layout", guide_layout(o));
  v.set("organisation_id", organisation_id(o));
  v.set_flag(organisation_flag(o), true);
  v.set("organisation_name", org.name);
  v.set("organisation_code", org.code);
  v.set("issuer_name", g.issuer.name);
  v.set("issuer_code", g.issuer.code);
  v.set("place", g.place);
  v.set("date", std::to_string(g.date.year) + "-" + two(g.date.month) + "-" + two(g.date.day));
  v.set("issue_month", std::to_string(g.date.month));
  v.set("issue_year", std::to_string(g.date.year));
  v.set("month", std::to_string(g.month.month));
  v.set("month_padded", two(g.month.month));
  v.set("year", std::to_string(g.month.year));

  TemplateValue& topics = v.set_list("topics");
  int number = 0;
  for (const GuidanceTopic& t : g.topics)
    if (t.audience.includes(o)) set_topic(topics.add_map(), t, ++number);

  TemplateValue& news = v.set_list("news");
  bool has_news = false;
  for (const NewsItem& n : g.news) {
    if (!n.audience.includes(o)) continue;
    TemplateValue& item = news.add_map();
    item.set("title", n.title);
    set_markup_list(item, "paragraphs", n.paragraphs);
    has_news = true;
  }
  v.set_flag("has_news", has_news);

  TemplateValue& days = v.set_list("commemorations");
  bool has_days = false;
  for (const Commemoration& c : g.commemorations) {
    if (!c.audience.includes(o)) continue;
    TemplateValue& item = days.add_map();
    item.set("day", two(c.day));
    item.set("name", c.name);
    item.set_flag("has_since", c.since > 0);
    if (c.since > 0) {
      item.set("since", std::to_string(c.since));
      item.set("years", std::to_string(g.month.year - c.since));
    }
    has_days = true;
  }
  v.set_flag("has_commemorations", has_days);

  TemplateValue& meetings = v.set_list("meeting_days");
  bool has_meetings = false;
  for (const MeetingDays& m : g.meeting_days) {
    if (!m.audience.includes(o)) continue;
    TemplateValue& item = meetings.add_map();
    item.set("first_day", two(m.first_day));
    item.set("last_day", two(m.last_day));
    item.set_flag("one_day", m.first_day == m.last_day);
    item.set("markup", inline_markup(m.text));
    has_meetings = true;
  }
  v.set_flag("has_meeting_days", has_meetings);
  return v;
}

Result<MarkupTemplate> load_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<MarkupTemplate>::failure({path, 0, 0, "cannot read the template"});
  std::ostringstream text;
  text << in.rdbuf();
  return MarkupTemplate::compile(text.str(), path);
}

}  // namespace

const char* guide_layout(Organisation o) {
  switch (o) {
    case Organisation::Party: return "dang";
    case Organisation::Front: return "mat-tran";
    case Organisation::Farmers: return "hoi-nong-dan";
    case Organisation::Women: return "hoi-phu-nu";
    case Organisation::Veterans: return "hoi-cuu-chien-binh";
    case Organisation::Youth: return "doan";
  }
  return "dang";
}

Result<std::vector<GeneratedGuide>> generate_guides(const Guidance& guidance,
                                                    const std::string& templates_dir) {
  using Out = Result<std::vector<GeneratedGuide>>;
  Result<MarkupTemplate> guide = load_template(templates_dir + "/documents/tai-lieu-sinh-hoat.mustache");
  if (!guide.ok()) return {std::nullopt, guide.errors};

  Out out;
  out.value.emplace();
  const std::string month = std::to_string(guidance.month.year) + "-" + two(guidance.month.month);
  for (const GuideOrganisation& org : guidance.organisations) {
    Result<std::string> markup = guide.value->render(guide_context(guidance, org));
    out.errors.insert(out.errors.end(), markup.errors.begin(), markup.errors.end());
    if (!markup.ok()) return {std::nullopt, std::move(out.errors)};
    out.value->push_back({std::string("tai-lieu-sinh-hoat-") + organisation_id(org.id) + "-" + month,
                          org.id, std::move(*markup.value)});
  }
  return out;
}

}  // namespace vanban
