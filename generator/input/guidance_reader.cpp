#include "input/guidance_reader.h"

#include <libxml/tree.h>

#include <cerrno>
#include <charconv>
#include <sstream>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"

namespace vanban {

namespace {

using xml::child;
using xml::is;
using xml::is_text;
using xml::str;
using xml::trimmed;

// Whitespace of XML text: collapsed, NFC.
std::string normal(const char* raw) {
  return text::collapse_whitespace(text::to_nfc(raw ? raw : ""));
}

std::string attribute(const xmlNode* n, const char* name) {
  return trimmed(normal(xml::attribute(n, name).c_str()));
}

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = trimmed(normal(str(v)));
  xmlFree(v);
  return out;
}

// The schema has checked the digits: parsing cannot fail.
int number_attribute(const xmlNode* n, const char* name) {
  const std::string s = attribute(n, name);
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

void add_inlines(const xmlNode* parent, bool bold, bool italic, Inlines& out) {
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_text(c)) {
      out.push_back({normal(str(c->content)), bold, italic});
    } else if (is(c, "b")) {
      add_inlines(c, true, italic, out);
    } else if (is(c, "i")) {
      add_inlines(c, bold, true, out);
    } else if (is(c, "q")) {
      out.push_back({"\u201C", bold, italic});
      add_inlines(c, bold, italic, out);
      out.push_back({"\u201D", bold, italic});
    }
  }
}

// One space between words, none at the edges, runs of one style merged (as the markup reader).
Inlines tidy(Inlines runs) {
  bool after_space = true;
  Inlines out;
  for (TextRun& r : runs) {
    std::string t;
    for (char c : r.text) {
      if (c == ' ' && after_space) continue;
      t += c;
      after_space = c == ' ';
    }
    if (t.empty()) continue;
    if (!out.empty() && out.back().bold == r.bold && out.back().italic == r.italic)
      out.back().text += t;
    else
      out.push_back({std::move(t), r.bold, r.italic});
  }
  if (!out.empty() && out.back().text.ends_with(' ')) out.back().text.pop_back();
  if (!out.empty() && out.back().text.empty()) out.pop_back();
  return out;
}

std::string allowed_ids() {
  std::string out;
  for (int i = 0; i < kOrganisationCount; ++i)
    out += (i ? ", " : "") + std::string(organisation_id(static_cast<Organisation>(i)));
  return out;
}

class GuidanceReader {
 public:
  GuidanceReader(const std::string& name, Diagnostics& errors) : name_(name), errors_(errors) {}

  Guidance read(const xmlNode* root);

 private:
  void error(const xmlNode* at, std::string message) {
    errors_.push_back(diagnostic_at(at, name_, std::move(message)));
  }
  // Text that must say something: an element holding only markup or spaces is refused.
  Inlines inlines(const xmlNode* n);
  std::vector<Inlines> paragraphs(const xmlNode* parent, const char* element);
  Audience audience(const xmlNode* n);
  int day(const xmlNode* n, const char* attribute_name);
  void organisation(const xmlNode* n);
  GuidanceTopic topic(const xmlNode* n);

  const std::string& name_;
  Diagnostics& errors_;
  Guidance g_;
};

Inlines GuidanceReader::inlines(const xmlNode* n) {
  Inlines out;
  add_inlines(n, false, false, out);
  out = tidy(std::move(out));
  if (out.empty()) error(n, "<" + std::string(str(n->name)) + "> is empty; expected some text");
  return out;
}

std::vector<Inlines> GuidanceReader::paragraphs(const xmlNode* parent, const char* element) {
  std::vector<Inlines> out;
  for (const xmlNode* c = parent->children; c; c = c->next)
    if (is(c, element)) out.push_back(inlines(c));
  return out;
}

Audience GuidanceReader::audience(const xmlNode* n) {
  Audience a;
  const std::string value = attribute(n, "audience");
  if (value.empty() || value == "all") return a;
  a.everyone = false;
  std::istringstream words(value);
  for (std::string id; words >> id;) {
    Organisation o;
    if (id == "all") {
      error(n, "audience=\"" + value + "\" mixes all with organisation ids; write all alone");
    } else if (!organisation_from_id(id, o)) {
      error(n, "unknown organisation '" + id + "' in audience=\"" + value +
                   "\"; expected all, or some of: " + allowed_ids());
    } else if (a.includes(o)) {
      error(n, "organisation '" + id + "' is named twice in audience=\"" + value + "\"");
    } else {
      bool listed = false;
      for (const GuideOrganisation& g : g_.organisations) listed = listed || g.id == o;
      if (!listed)
        error(n, "organisation '" + id + "' in audience=\"" + value +
                     "\" gets no guide: <organisations> does not list it");
      a.organisations.push_back(o);
    }
  }
  return a;
}

int GuidanceReader::day(const xmlNode* n, const char* attribute_name) {
  const int d = number_attribute(n, attribute_name);
  if (g_.month.month != 0 && !is_valid_date({g_.month.year, g_.month.month, d}))
    error(n, std::string(attribute_name) + "=\"" + std::to_string(d) + "\" is not a day of " +
                 std::to_string(g_.month.month) + "/" + std::to_string(g_.month.year));
  return d;
}

void GuidanceReader::organisation(const xmlNode* n) {
  const std::string id = attribute(n, "id");
  Organisation o;
  if (!organisation_from_id(id, o)) {
    error(n, "unknown organisation id=\"" + id + "\"; expected one of: " + allowed_ids());
    return;
  }
  for (const GuideOrganisation& g : g_.organisations)
    if (g.id == o) {
      error(n, "organisation id=\"" + id + "\" is listed twice; each organisation once");
      return;
    }
  g_.organisations.push_back({o, content(n), attribute(n, "code")});
}

GuidanceTopic GuidanceReader::topic(const xmlNode* n) {
  GuidanceTopic t;
  t.line = position_of(n).line;
  t.audience = audience(n);
  t.title = content(child(n, "title"));
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "section")) {
      t.sections.push_back({attribute(c, "title"), paragraphs(c, "p")});
    } else if (is(c, "key-points")) {
      t.key_points = paragraphs(c, "point");
    } else if (is(c, "questions")) {
      t.questions = paragraphs(c, "question");
    } else if (is(c, "key-figures")) {
      for (const xmlNode* f = c->children; f; f = f->next)
        if (is(f, "figure")) t.key_figures.push_back({attribute(f, "value"), inlines(f)});
    }
  }
  return t;
}

Guidance GuidanceReader::read(const xmlNode* root) {
  g_.source_file = name_;
  const std::string month = attribute(root, "month");
  if (const auto first = parse_iso_date(month + "-01"))
    g_.month = {first->year, first->month};
  else
    error(root, "month=\"" + month + "\" does not exist; expected YYYY-MM");

  const xmlNode* issuer = child(root, "issuer");
  g_.issuer.name = content(child(issuer, "name"));
  g_.issuer.code = content(child(issuer, "code"));
  g_.place = content(child(issuer, "place"));
  const xmlNode* date = child(issuer, "date");
  if (const auto d = parse_iso_date(content(date)))
    g_.date = *d;
  else
    error(date, "date '" + content(date) + "' does not exist; expected YYYY-MM-DD");

  for (const xmlNode* c = child(root, "organisations")->children; c; c = c->next)
    if (is(c, "organisation")) organisation(c);

  for (const xmlNode* c = root->children; c; c = c->next) {
    if (is(c, "topic")) {
      g_.topics.push_back(topic(c));
    } else if (is(c, "news")) {
      g_.news.push_back({attribute(c, "title"), audience(c), paragraphs(c, "p")});
    } else if (is(c, "commemoration")) {
      Commemoration m;
      m.day = day(c, "day");
      m.since = number_attribute(c, "since");
      m.name = content(c);
      m.audience = audience(c);
      if (m.since > g_.month.year)
        error(c, "since=\"" + std::to_string(m.since) + "\" is after the guidance month");
      g_.commemorations.push_back(std::move(m));
    } else if (is(c, "meeting-days")) {
      MeetingDays m;
      m.first_day = day(c, "from");
      m.last_day = attribute(c, "to").empty() ? m.first_day : day(c, "to");
      if (m.last_day < m.first_day)
        error(c, "to=\"" + std::to_string(m.last_day) + "\" is before from=\"" +
                     std::to_string(m.first_day) + "\"");
      m.audience = audience(c);
      m.text = inlines(c);
      g_.meeting_days.push_back(std::move(m));
    }
  }
  return std::move(g_);
}

}  // namespace

Result<Guidance> read_guidance(const std::string& path, const std::string& schema_path) {
  return read_file_with<Guidance>(
      path, [&](std::string_view bytes) { return read_guidance_bytes(bytes, path, schema_path); });
}

Result<Guidance> read_guidance_bytes(std::string_view bytes, const std::string& name,
                                     const std::string& schema_path) {
  return read_validated<Guidance>(bytes, name, schema_path, [&](const xmlNode* root, Diagnostics& errors) {
    return GuidanceReader(name, errors).read(root);
  });
}

}  // namespace vanban
