// The templating step that turns a month's data into document markup (templating/
// render_template.h). The first byte picks either one of the shipped templates
// (templates/documents/*.mustache) or a fuzzed template text; the rest of the input becomes the
// view: a tree of strings, flags, lists and maps under the names the shipped templates use.
// Oracles: a shipped template renders well-formed XML whatever the values, since {{x}} escapes
// them ({{{markup}}} excepted: it takes markup fragments, which the fuzzer does not make); and a
// template compiled to write one or two of its lists a row at a time (row_sections.h) writes
// exactly what it writes with the whole lists, when both compile.
#include <fuzzer/FuzzedDataProvider.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <regex>
#include <set>
#include <vector>

#include "model/xml_escape.h"
#include "support.h"
#include "templating/render_template.h"

namespace {

struct Shipped {
  std::string name;
  std::string text;
  bool escapes_all = true;  // no {{{x}}} or {{&x}}: the output must be well-formed XML
};
std::vector<Shipped> shipped;
std::vector<std::string> names;  // every name the shipped templates use

// View strings come from readers that emit valid UTF-8: bytes above ASCII become "ư".
std::string text_value(FuzzedDataProvider& in) {
  std::string out;
  for (unsigned char c : in.ConsumeRandomLengthString(256)) out += c < 0x80 ? std::string(1, c) : "ư";
  return out;
}

std::string key(FuzzedDataProvider& in) {
  if (names.empty() || in.ConsumeBool()) return text_value(in);
  return names[in.ConsumeIntegralInRange<std::size_t>(0, names.size() - 1)];
}

void fill_map(vanban::TemplateValue& map, FuzzedDataProvider& in, int depth);

vanban::TemplateValue value(FuzzedDataProvider& in, int depth) {
  switch (depth >= 4 ? 0 : in.ConsumeIntegralInRange(0, 3)) {
    case 1: return vanban::TemplateValue::flag(in.ConsumeBool());
    case 2: {
      vanban::TemplateValue list = vanban::TemplateValue::list();
      for (int n = in.ConsumeIntegralInRange(0, 4); n > 0 && in.remaining_bytes() > 0; --n)
        list.add(value(in, depth + 1));
      return list;
    }
    case 3: {
      vanban::TemplateValue map;
      fill_map(map, in, depth + 1);
      return map;
    }
    default: {
      std::string text = text_value(in);
      // {{x}} puts xml_escaped(x) in markup: no character may open or break markup.
      if (vanban::xml_escaped(text).find_first_of("<>\"'") != std::string::npos) std::abort();
      return vanban::TemplateValue(std::move(text));
    }
  }
}

void fill_map(vanban::TemplateValue& map, FuzzedDataProvider& in, int depth) {
  for (int n = in.ConsumeIntegralInRange(0, 12); n > 0 && in.remaining_bytes() > 0; --n) {
    std::string k = key(in);
    map.set(k, value(in, depth));
  }
}

// `v` with each list under a key of `row_keys` given as rows made one at a time.
vanban::TemplateValue as_rows(const vanban::TemplateValue& v, const std::set<std::string>& row_keys, bool row_key) {
  using Kind = vanban::TemplateValue::Kind;
  if (v.kind() == Kind::List) {
    auto items = std::make_shared<std::vector<vanban::TemplateValue>>();
    for (const vanban::TemplateValue& item : v.items()) items->push_back(as_rows(item, row_keys, false));
    if (row_key)
      return vanban::TemplateValue::rows(items->size(), [items](std::size_t i) { return (*items)[i]; });
    vanban::TemplateValue list = vanban::TemplateValue::list();
    for (vanban::TemplateValue& item : *items) list.add(std::move(item));
    return list;
  }
  if (v.kind() != Kind::Map) return v;
  vanban::TemplateValue map;
  auto key = v.keys().begin();
  for (const vanban::TemplateValue& item : v.items()) {
    map.set(*key, as_rows(item, row_keys, row_keys.count(*key) > 0));
    ++key;
  }
  return map;
}

// The keys anywhere in `v` whose value is a list.
void list_keys(const vanban::TemplateValue& v, std::set<std::string>& out) {
  auto key = v.keys().begin();
  for (const vanban::TemplateValue& item : v.items()) {
    if (v.kind() == vanban::TemplateValue::Kind::Map && item.kind() == vanban::TemplateValue::Kind::List)
      out.insert(*key);
    list_keys(item, out);
    if (v.kind() == vanban::TemplateValue::Kind::Map) ++key;
  }
}

// The rows oracle: `text` with its sections of one or two keys (chosen by `pick`, among those
// the view gives a list, when there are) compiled apart.
void check_rows(const std::string& text, const vanban::TemplateContext& view, unsigned pick,
                const vanban::Result<std::string>& whole) {
  static const std::regex section(R"(\{\{#\s*([A-Za-z0-9_.-]+)\s*\}\})");
  std::vector<std::string> keys;
  std::set<std::string> lists;
  list_keys(view, lists);
  for (std::sregex_iterator m(text.begin(), text.end(), section), end; m != end; ++m)
    if (lists.count((*m)[1])) keys.push_back((*m)[1]);
  if (keys.empty())
    for (std::sregex_iterator m(text.begin(), text.end(), section), end; m != end; ++m) keys.push_back((*m)[1]);
  if (keys.empty() || !whole.ok()) return;
  const std::set<std::string> row_keys{keys[pick % keys.size()], keys[pick / 7 % keys.size()]};
  vanban::Result<vanban::MarkupTemplate> compiled =
      vanban::MarkupTemplate::compile(text, "fuzz.mustache", {row_keys.begin(), row_keys.end()});
  // Tags beside other text, a row list printed as a value ({{gaps}}), another delimiter: refused,
  // with a place.
  if (!compiled.ok()) return;
  const vanban::Result<std::string> rows = compiled.value->render(as_rows(view, row_keys, false));
  if (!rows.ok() || *rows.value != *whole.value) {
    std::fprintf(stderr, "fuzz_template: written a row at a time (%s):\n%s\nwhole:\n%s\n", row_keys.begin()->c_str(),
                 rows.ok() ? rows.value->c_str() : rows.errors.front().to_string().c_str(), whole.value->c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::regex tag(R"(\{\{[#^/&{]?\s*([A-Za-z0-9_.-]+))");
  std::set<std::string> found;
  for (const auto& entry :
       std::filesystem::directory_iterator(vanban::fuzz::source_dir() + "/templates/documents")) {
    Shipped t{entry.path().filename().string(), vanban::fuzz::read_file(entry.path().string())};
    t.escapes_all = t.text.find("{{{") == std::string::npos && t.text.find("{{&") == std::string::npos;
    for (std::sregex_iterator m(t.text.begin(), t.text.end(), tag), end; m != end; ++m)
      found.insert((*m)[1]);
    shipped.push_back(std::move(t));
  }
  std::sort(shipped.begin(), shipped.end(), [](auto& a, auto& b) { return a.name < b.name; });
  names.assign(found.begin(), found.end());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  const auto pick = in.ConsumeIntegral<uint8_t>();
  const Shipped* fixed = pick < 128 ? &shipped[pick % shipped.size()] : nullptr;
  const std::string text = fixed ? fixed->text : in.ConsumeRandomLengthString(8192);
  vanban::TemplateContext view;
  fill_map(view, in, 0);
  // Lists under the template's own section names, which random keys seldom hit: each item a map
  // of the fuzzer's, so that rows differ (the rows oracle compares their order and contents).
  static const std::regex section_tag(R"(\{\{#\s*([A-Za-z0-9_.-]+)\s*\}\})");
  for (std::sregex_iterator m(text.begin(), text.end(), section_tag), end; m != end && in.ConsumeBool(); ++m) {
    vanban::TemplateValue& list = view.set_list((*m)[1]);
    for (int n = in.ConsumeIntegralInRange(0, 3); n > 0; --n) fill_map(list.add_map(), in, 2);
  }
  vanban::Result<std::string> out = vanban::render_template(text, view, "fuzz.mustache");
  check_rows(text, view, pick, out);
  if (fixed && fixed->escapes_all) {
    if (!out.ok()) std::abort();  // a shipped template compiles and renders any view
    xmlDocPtr doc = xmlReadMemory(out.value->data(), static_cast<int>(out.value->size()),
                                  "fuzz.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                           XML_PARSE_NOWARNING);
    if (!doc) {
      std::fprintf(stderr, "fuzz_template: %s renders markup that is not well-formed:\n%s\n",
                   fixed->name.c_str(), out.value->c_str());
      std::abort();
    }
    xmlFreeDoc(doc);
  }
  return 0;
}
