// The templating step that turns a month's data into document markup (templating/
// render_template.h). The first byte picks either one of the shipped templates
// (templates/documents/*.mustache) or a fuzzed template text; the rest of the input becomes the
// view: a tree of strings, flags, lists and maps under the names the shipped templates use.
// Oracle: a shipped template renders well-formed XML whatever the values, since {{x}} escapes
// them ({{{markup}}} excepted: it takes markup fragments, which the fuzzer does not make).
#include <fuzzer/FuzzedDataProvider.h>
#include <libxml/parser.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
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
  vanban::Result<std::string> out = vanban::render_template(text, view, "fuzz.mustache");
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
