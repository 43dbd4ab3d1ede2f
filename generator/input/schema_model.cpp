#include "input/schema_model.h"

#include <libxml/tree.h>
#include <libxml/xmlregexp.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <regex>

#include "text/unicode.h"

namespace vanban {

namespace {

constexpr const char* kRngNs = "http://relaxng.org/ns/structure/1.0";
constexpr const char* kAnnotationNs = "urn:vanban:schema";

const char* str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

bool is_rng(const xmlNode* n, const char* name = nullptr) {
  return n->type == XML_ELEMENT_NODE && n->ns && std::strcmp(str(n->ns->href), kRngNs) == 0 &&
         (!name || std::strcmp(str(n->name), name) == 0);
}

std::string attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string out = v ? str(v) : "";
  xmlFree(v);
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string collapsed(std::string_view s) { return trim(text::collapse_whitespace(s)); }

std::string content_of(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? str(v) : "";
  xmlFree(v);
  return out;
}

// A value quoted in a message: shortened so that a wrong paragraph does not fill the screen.
std::string quoted(std::string_view value) {
  std::u32string cps = text::to_u32(collapsed(value));
  if (cps.size() > 30) cps = cps.substr(0, 30) + U"…";
  return "'" + text::to_utf8(cps) + "'";
}

struct RegexpDeleter {
  void operator()(xmlRegexp* r) const { xmlRegFreeRegexp(r); }
};

}  // namespace

using Pat = std::shared_ptr<const Pattern>;

struct Pattern {
  enum class Kind {
    Empty,
    NotAllowed,
    Text,
    Element,
    Attribute,
    Group,
    Interleave,
    Choice,
    OneOrMore,
    Data,
    Value,
    Ref
  };
  Kind kind = Kind::Empty;
  std::string name;             // element/attribute name, datatype, or the text of a <value>
  Pat a, b;                     // operands; the content of an element or attribute is `a`
  const Pat* target = nullptr;  // Ref: the slot of its <define>
  std::vector<std::pair<std::string, std::string>> params;  // Data facets
  std::shared_ptr<xmlRegexp> regexp;                        // Data "pattern" facet, compiled
  std::string expected;                                     // v:expected annotation
};

namespace {

using Kind = Pattern::Kind;

Pat make(Kind k, Pat a, Pat b = nullptr) {
  auto p = std::make_shared<Pattern>();
  p->kind = k;
  p->a = std::move(a);
  p->b = std::move(b);
  return p;
}

const Pat& empty_pattern() {
  static const Pat p = make(Kind::Empty, nullptr);
  return p;
}
const Pat& not_allowed() {
  static const Pat p = make(Kind::NotAllowed, nullptr);
  return p;
}

Pat choice(const Pat& a, const Pat& b) {
  if (a->kind == Kind::NotAllowed) return b;
  if (b->kind == Kind::NotAllowed) return a;
  if (a->kind == Kind::Empty && b->kind == Kind::Empty) return a;
  return make(Kind::Choice, a, b);
}
Pat group(const Pat& a, const Pat& b) {
  if (a->kind == Kind::NotAllowed || b->kind == Kind::NotAllowed) return not_allowed();
  if (a->kind == Kind::Empty) return b;
  if (b->kind == Kind::Empty) return a;
  return make(Kind::Group, a, b);
}
Pat interleave(const Pat& a, const Pat& b) {
  if (a->kind == Kind::NotAllowed || b->kind == Kind::NotAllowed) return not_allowed();
  if (a->kind == Kind::Empty) return b;
  if (b->kind == Kind::Empty) return a;
  return make(Kind::Interleave, a, b);
}
Pat one_or_more(const Pat& a) {
  if (a->kind == Kind::NotAllowed || a->kind == Kind::Empty) return a;
  return make(Kind::OneOrMore, a);
}

const Pattern& resolve(const Pat& p) {
  const Pattern* q = p.get();
  while (q->kind == Kind::Ref) q = q->target->get();
  return *q;
}

bool nullable(const Pat& p) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::NotAllowed:
    case Kind::Element:
      return false;
    case Kind::Choice:
      return nullable(q.a) || nullable(q.b);
    case Kind::Group:
    case Kind::Interleave:
      return nullable(q.a) && nullable(q.b);
    case Kind::OneOrMore:
      return nullable(q.a);
    default:
      return true;  // empty, text, attributes and values do not consume elements
  }
}

// The pattern left after a child element named `name`.
Pat derive(const Pat& p, const std::string& name) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::Element:
      return q.name == name ? empty_pattern() : not_allowed();
    case Kind::Choice:
      return choice(derive(q.a, name), derive(q.b, name));
    case Kind::Group: {
      Pat r = group(derive(q.a, name), q.b);
      return nullable(q.a) ? choice(r, derive(q.b, name)) : r;
    }
    case Kind::Interleave:
      return choice(interleave(derive(q.a, name), q.b), interleave(q.a, derive(q.b, name)));
    case Kind::OneOrMore:
      return group(derive(q.a, name), choice(p, empty_pattern()));
    default:
      return not_allowed();
  }
}

// Element patterns that may come next, in schema order.
void first_elements(const Pat& p, std::vector<const Pattern*>& out) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::Element:
      out.push_back(&q);
      break;
    case Kind::Choice:
    case Kind::Interleave:
      first_elements(q.a, out);
      first_elements(q.b, out);
      break;
    case Kind::Group:
      first_elements(q.a, out);
      if (nullable(q.a)) first_elements(q.b, out);
      break;
    case Kind::OneOrMore:
      first_elements(q.a, out);
      break;
    default:
      break;
  }
}

std::vector<std::string> first_names(const Pat& p) {
  std::vector<const Pattern*> firsts;
  first_elements(p, firsts);
  std::vector<std::string> names;
  for (const Pattern* e : firsts)
    if (std::find(names.begin(), names.end(), e->name) == names.end()) names.push_back(e->name);
  return names;
}

const Pattern* element_named(const Pat& p, const std::string& name) {
  std::vector<const Pattern*> firsts;
  first_elements(p, firsts);
  for (const Pattern* e : firsts)
    if (e->name == name) return e;
  return nullptr;
}

struct AttributeRule {
  Pat value;
  bool required = false;
};

void collect_attributes(const Pat& p, bool required, std::map<std::string, AttributeRule>& out) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::Attribute: {
      auto& rule = out[q.name];
      rule.value = q.a;
      rule.required = rule.required || required;
      break;
    }
    case Kind::Choice:
      collect_attributes(q.a, false, out);
      collect_attributes(q.b, false, out);
      break;
    case Kind::Group:
    case Kind::Interleave:
      collect_attributes(q.a, required, out);
      collect_attributes(q.b, required, out);
      break;
    case Kind::OneOrMore:
      collect_attributes(q.a, required, out);
      break;
    default:
      break;
  }
}

// What an element's content holds besides child elements.
struct ContentKind {
  bool text = false;  // mixed content
  bool data = false;  // a typed value
};
void content_kind(const Pat& p, ContentKind& out) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::Text:
      out.text = true;
      break;
    case Kind::Data:
    case Kind::Value:
      out.data = true;
      break;
    case Kind::Choice:
    case Kind::Group:
    case Kind::Interleave:
      content_kind(q.a, out);
      content_kind(q.b, out);
      break;
    case Kind::OneOrMore:
      content_kind(q.a, out);
      break;
    default:
      break;
  }
}

// libxml2 refuses a decimal of more than 24 digits, leading zeros of the whole part aside.
constexpr std::size_t kMaxDecimalDigits = 24;

bool over_digit_limit(const std::string& v) {
  const std::size_t first = v.find_first_of("0123456789.");
  if (first == std::string::npos) return false;
  const std::size_t significant = v.find_first_not_of('0', first);
  if (significant == std::string::npos) return false;
  return static_cast<std::size_t>(std::count_if(v.begin() + static_cast<long>(significant), v.end(),
                                                [](char c) { return c >= '0' && c <= '9'; })) > kMaxDecimalDigits;
}

// Why a value that looks numeric is refused beyond its form, said after "expected ...".
std::string digit_limit_note(const std::string& v) {
  return over_digit_limit(collapsed(v)) ? " of at most " + std::to_string(kMaxDecimalDigits) + " digits" : "";
}

bool decimal_value(const std::string& v, double& out) {
  static const std::regex kDecimal(R"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))");
  if (!std::regex_match(v, kDecimal) || over_digit_limit(v)) return false;
  const char* b = v.data() + (v[0] == '+' ? 1 : 0);
  return std::from_chars(b, v.data() + v.size(), out).ec == std::errc{};
}

bool datatype_allows(const Pattern& d, const std::string& raw) {
  const std::string v = d.name == "string" ? raw : collapsed(raw);
  double number = 0;
  const bool numeric = d.name == "decimal" || d.name == "positiveInteger" ||
                       d.name == "nonNegativeInteger" || d.name == "integer";
  if (numeric) {
    if (!decimal_value(v, number)) return false;
    if (d.name != "decimal" && v.find('.') != std::string::npos) return false;
    if (d.name == "positiveInteger" && number <= 0) return false;
    if (d.name == "nonNegativeInteger" && (number < 0 || v[0] == '-')) return false;
  } else if (d.name == "boolean") {
    if (v != "true" && v != "false" && v != "1" && v != "0") return false;
  }
  if (d.regexp && xmlRegexpExec(d.regexp.get(), reinterpret_cast<const xmlChar*>(v.c_str())) != 1)
    return false;
  for (const auto& [facet, limit] : d.params) {
    double bound = 0;
    if (facet == "minLength" || facet == "maxLength") {
      const auto length = text::to_u32(v).size();
      const auto n = static_cast<std::size_t>(std::stoul(limit));
      if (facet == "minLength" ? length < n : length > n) return false;
    } else if (numeric && decimal_value(limit, bound)) {
      if ((facet == "minExclusive" && !(number > bound)) ||
          (facet == "minInclusive" && !(number >= bound)) ||
          (facet == "maxExclusive" && !(number < bound)) ||
          (facet == "maxInclusive" && !(number <= bound)))
        return false;
    }
  }
  return true;
}

bool value_allows(const Pat& p, const std::string& v) {
  const Pattern& q = resolve(p);
  switch (q.kind) {
    case Kind::NotAllowed:
      return false;
    case Kind::Data:
      return datatype_allows(q, v);
    case Kind::Value:
      return collapsed(v) == q.name;
    case Kind::Choice:
      return value_allows(q.a, v) || value_allows(q.b, v);
    case Kind::Group:
    case Kind::Interleave:
      return value_allows(q.a, v) && value_allows(q.b, v);
    case Kind::OneOrMore:
      return value_allows(q.a, v);
    default:
      return true;  // attributes, elements and text say nothing about the value
  }
}

void collect_values(const Pat& p, std::vector<std::string>& out) {
  const Pattern& q = resolve(p);
  if (q.kind == Kind::Value) out.push_back(q.name);
  if (q.kind == Kind::Choice) {
    collect_values(q.a, out);
    collect_values(q.b, out);
  }
}

// The part of an element's content that constrains its value (attributes aside).
const Pat& value_part(const Pat& p) {
  const Pattern& q = resolve(p);
  if (p->expected.empty() && q.expected.empty() &&
      (q.kind == Kind::Group || q.kind == Kind::Interleave)) {
    ContentKind left;
    content_kind(q.a, left);
    return value_part(left.data ? q.a : q.b);
  }
  return p;
}

// How a valid value looks, for "expected ...".
std::string describe_value(const Pat& whole) {
  const Pat& p = value_part(whole);
  if (!p->expected.empty()) return p->expected;
  const Pattern& q = resolve(p);
  if (!q.expected.empty()) return q.expected;
  std::vector<std::string> values;
  collect_values(p, values);
  if (!values.empty()) {
    std::string out = values.size() == 1 ? "" : "one of ";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    return out;
  }
  if (q.kind == Kind::Data) {
    if (q.name == "decimal") return "a number such as 12.5";
    if (q.name == "positiveInteger") return "a whole number from 1 up";
    if (q.name == "nonNegativeInteger") return "a whole number from 0 up";
    if (q.name == "boolean") return "true or false";
  }
  return "some text";
}

std::string expected_list(const std::vector<std::string>& names) {
  if (names.size() == 1) return "<" + names[0] + ">";
  std::string out = "one of ";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out;
}

std::string tag(const xmlNode* n) { return "<" + std::string(str(n->name)) + ">"; }

bool is_blank(const xmlNode* n) {
  for (const xmlChar* c = n->content; c && *c; ++c)
    if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n') return false;
  return true;
}

}  // namespace

struct SchemaModel::Impl {
  std::map<std::string, Pat> defines;
  Pat start;
  std::string error;

  Pat read(const xmlNode* n);
  Pat read_group(const xmlNode* first) {
    Pat out = empty_pattern();
    for (const xmlNode* c = first; c; c = c->next)
      if (is_rng(c)) out = group(out, read(c));
    return out;
  }
  Pat read_choice(const xmlNode* first) {
    Pat out = not_allowed();
    for (const xmlNode* c = first; c; c = c->next)
      if (is_rng(c)) out = choice(out, read(c));
    return out;
  }

  void check_element(const xmlNode* node, const Pattern& element, std::vector<Problem>& out) const;
};

Pat SchemaModel::Impl::read(const xmlNode* n) {
  const std::string k = str(n->name);
  auto p = std::make_shared<Pattern>();
  xmlChar* expected = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("expected"),
                                   reinterpret_cast<const xmlChar*>(kAnnotationNs));
  if (expected) p->expected = str(expected);
  xmlFree(expected);

  if (k == "element" || k == "attribute") {
    p->kind = k == "element" ? Kind::Element : Kind::Attribute;
    p->name = trim(attr(n, "name"));
    if (p->name.empty()) error = "only name=\"...\" is supported for <" + k + ">";
    p->a = read_group(n->children);
    // An attribute without a pattern holds text.
    if (k == "attribute" && p->a->kind == Kind::Empty) p->a = make(Kind::Text, nullptr);
  } else if (k == "group" || k == "define" || k == "start") {
    return read_group(n->children);
  } else if (k == "interleave") {
    Pat out = empty_pattern();
    for (const xmlNode* c = n->children; c; c = c->next)
      if (is_rng(c)) out = interleave(out, read(c));
    return out;
  } else if (k == "mixed") {
    return interleave(make(Kind::Text, nullptr), read_group(n->children));
  } else if (k == "choice") {
    Pat c = read_choice(n->children);
    if (p->expected.empty()) return c;
    auto annotated = std::make_shared<Pattern>(*c);
    annotated->expected = p->expected;
    return annotated;
  } else if (k == "optional") {
    return choice(read_group(n->children), empty_pattern());
  } else if (k == "zeroOrMore") {
    return choice(one_or_more(read_group(n->children)), empty_pattern());
  } else if (k == "oneOrMore") {
    return one_or_more(read_group(n->children));
  } else if (k == "empty") {
    return empty_pattern();
  } else if (k == "notAllowed") {
    return not_allowed();
  } else if (k == "text") {
    p->kind = Kind::Text;
  } else if (k == "ref") {
    p->kind = Kind::Ref;
    p->name = trim(attr(n, "name"));
    p->target = &defines[p->name];
  } else if (k == "value") {
    p->kind = Kind::Value;
    p->name = collapsed(content_of(n));
  } else if (k == "data") {
    p->kind = Kind::Data;
    p->name = trim(attr(n, "type"));
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (!is_rng(c, "param")) continue;
      const std::string facet = trim(attr(c, "name"));
      const std::string value = content_of(c);
      if (facet == "pattern") {
        xmlRegexp* r = xmlRegexpCompile(reinterpret_cast<const xmlChar*>(value.c_str()));
        if (!r) error = "bad pattern " + value;
        p->regexp.reset(r, RegexpDeleter{});
      } else {
        p->params.emplace_back(facet, trim(value));
      }
    }
  } else {
    error = "<" + k + "> is not supported";
  }
  return p;
}

SchemaModel::SchemaModel() : impl_(std::make_unique<Impl>()) {}
SchemaModel::~SchemaModel() = default;

std::unique_ptr<SchemaModel> SchemaModel::build(const xmlDoc* rng, std::string& error) {
  std::unique_ptr<SchemaModel> model(new SchemaModel());
  Impl& m = *model->impl_;
  const xmlNode* root = xmlDocGetRootElement(rng);
  if (root && is_rng(root, "grammar")) {
    for (const xmlNode* c = root->children; c; c = c->next) {
      if (is_rng(c, "define")) m.defines[trim(attr(c, "name"))] = m.read(c);
      if (is_rng(c, "start")) m.start = m.read(c);
    }
  } else if (root && is_rng(root)) {
    m.start = m.read(root);
  }
  if (!m.start) m.error = "no <start>";
  for (const auto& [name, p] : m.defines)
    if (!p) m.error = "<ref name=\"" + name + "\"/> has no <define>";
  if (!m.error.empty()) {
    error = m.error;
    return nullptr;
  }
  return model;
}

std::vector<SchemaModel::Problem> SchemaModel::explain(const xmlDoc* doc) const {
  std::vector<Problem> out;
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return out;
  if (const Pattern* e = element_named(impl_->start, str(root->name)))
    impl_->check_element(root, *e, out);
  else
    out.push_back({root, "the root element is " + tag(root) + "; expected " +
                             expected_list(first_names(impl_->start))});
  return out;
}

void SchemaModel::Impl::check_element(const xmlNode* node, const Pattern& element,
                                      std::vector<Problem>& out) const {
  std::map<std::string, AttributeRule> attributes;
  collect_attributes(element.a, true, attributes);
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    const std::string name = str(a->name);
    const auto rule = attributes.find(name);
    if (rule == attributes.end() || a->ns) {
      out.push_back({node, "unexpected attribute " + name + "= on " + tag(node)});
      continue;
    }
    const std::string value = content_of(reinterpret_cast<const xmlNode*>(a));
    if (!value_allows(rule->second.value, value))
      out.push_back({node, "attribute " + name + "=" + quoted(value) + " of " + tag(node) +
                               " is not valid; expected " + describe_value(rule->second.value) +
                               digit_limit_note(value)});
  }
  for (const auto& [name, rule] : attributes)
    if (rule.required && !xmlHasProp(node, reinterpret_cast<const xmlChar*>(name.c_str())))
      out.push_back({node, tag(node) + " needs the attribute " + name + "=\"...\""});

  ContentKind kind;
  content_kind(element.a, kind);
  const std::string parent = tag(node);
  Pat p = element.a;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (!kind.text && !kind.data && !is_blank(c))
        out.push_back({c, "unexpected text " + quoted(str(c->content)) + " in " + parent +
                              "; expected " + expected_list(first_names(p))});
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string name = str(c->name);
    Pat next = derive(p, name);
    if (next->kind == Kind::NotAllowed) {
      // A required element left out just before this one: say which, and go on after it.
      const std::vector<std::string> wanted = first_names(p);
      for (const std::string& w : wanted) {
        Pat skipped = derive(p, w);
        if (!nullable(p) && derive(skipped, name)->kind != Kind::NotAllowed) {
          out.push_back(
              {c, "expected element <" + w + "> inside " + parent + " before <" + name + ">"});
          p = skipped;
          next = derive(p, name);
          break;
        }
      }
    }
    if (next->kind == Kind::NotAllowed) {
      const std::vector<std::string> wanted = first_names(p);
      std::string message = "unexpected element <" + name + "> in " + parent;
      if (wanted.empty())
        message += kind.data ? "; expected " + describe_value(element.a) + " only"
                             : "; nothing more is allowed there";
      else
        message += "; expected " + expected_list(wanted);
      out.push_back({c, message});
      continue;
    }
    check_element(c, *element_named(p, name), out);
    p = next;
  }
  if (!nullable(p)) {
    const std::vector<std::string> wanted = first_names(p);
    out.push_back({node, wanted.size() == 1
                             ? "expected element <" + wanted[0] + "> inside " + parent
                             : "expected " + expected_list(wanted) + " inside " + parent});
  }
  if (kind.data && !kind.text) {
    const std::string value = content_of(node);
    if (!value_allows(element.a, value))
      out.push_back({node, collapsed(value).empty()
                               ? parent + " is empty; expected " + describe_value(element.a)
                               : parent + " " + quoted(value) + " is not valid; expected " +
                                     describe_value(element.a) + digit_limit_note(value)});
  }
}

}  // namespace vanban
