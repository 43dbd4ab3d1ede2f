#include "templating/render_template.h"

#include <kainjow/mustache.hpp>

#include <charconv>

#include "model/xml_escape.h"

namespace vanban {

namespace mustache = kainjow::mustache;

namespace {

// An empty kainjow value of the kind of `v`, filled in place by fill(): kainjow copies a whole
// subtree whenever a value is wrapped or inserted, so building bottom-up would copy every string
// once per level of the tree.
mustache::data shell(const TemplateValue& v) {
  switch (v.kind()) {
    case TemplateValue::Kind::String:
      return mustache::data(v.text());
    case TemplateValue::Kind::Flag:
      return mustache::data(v.on());
    case TemplateValue::Kind::List:
      return mustache::data(mustache::data::type::list);
    case TemplateValue::Kind::Map:
      break;
  }
  return mustache::data(mustache::data::type::object);
}

// kainjow offers only const access to what a value holds; the values reached here are owned by
// the non-const `out`, so casting the constness away is sound.
void fill(mustache::data& out, const TemplateValue& v) {
  if (v.kind() == TemplateValue::Kind::List) {
    auto& items = const_cast<mustache::list&>(out.list_value());
    items.reserve(v.items().size());  // basic_data has no noexcept move: no reallocation
    for (const TemplateValue& item : v.items()) {
      items.push_back(shell(item));
      fill(items.back(), item);
    }
  } else if (v.kind() == TemplateValue::Kind::Map) {
    auto item = v.items().begin();
    for (const std::string& key : v.keys()) {
      out.set(key, shell(*item));
      fill(*const_cast<mustache::data*>(out.get(key)), *item++);
    }
  }
}

mustache::data to_data(const TemplateValue& v) {
  mustache::data out = shell(v);
  fill(out, v);
  return out;
}

// The same, emptying `v` part by part as it is converted: the whole tree and the whole copy never
// exist at once (a month's summary holds a value for every defaulting cadre).
void fill_consuming(mustache::data& out, TemplateValue& v) {
  const TemplateValue::Kind kind = v.kind();
  auto [keys, items] = v.release();
  if (kind == TemplateValue::Kind::List) {
    auto& list = const_cast<mustache::list&>(out.list_value());
    list.reserve(items.size());  // basic_data has no noexcept move: no reallocation
    for (; !items.empty(); items.pop_front()) {
      list.push_back(shell(items.front()));
      fill_consuming(list.back(), items.front());
    }
  } else if (kind == TemplateValue::Kind::Map) {
    for (std::size_t k = 0; !items.empty(); items.pop_front(), ++k) {
      out.set(keys[k], shell(items.front()));
      fill_consuming(*const_cast<mustache::data*>(out.get(keys[k])), items.front());
    }
  }
}

// kainjow reports "Unclosed section "x" at 123" with a byte offset; messages name a line and a
// column (in characters) instead, as every other vanban message does.
Diagnostic parse_error(const std::string& text, const std::string& name, std::string message) {
  Diagnostic d{name, 0, 0, message};
  const std::size_t at = message.rfind(" at ");
  std::size_t offset = 0;
  if (at == std::string::npos) return d;
  const char* first = message.data() + at + 4;
  const char* last = message.data() + message.size();
  if (std::from_chars(first, last, offset).ptr != last || offset > text.size()) return d;
  d.message = message.substr(0, at);
  d.line = 1;
  d.column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++d.line;
      d.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++d.column;
    }
  }
  return d;
}

}  // namespace


struct MarkupTemplate::Impl {
  std::string name;
  mutable mustache::mustache parsed;
};

MarkupTemplate::MarkupTemplate(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MarkupTemplate::MarkupTemplate(MarkupTemplate&&) noexcept = default;
MarkupTemplate& MarkupTemplate::operator=(MarkupTemplate&&) noexcept = default;
MarkupTemplate::~MarkupTemplate() = default;

const std::string& MarkupTemplate::name() const { return impl_->name; }

Result<MarkupTemplate> MarkupTemplate::compile(const std::string& text, const std::string& name) {
  auto impl = std::unique_ptr<Impl>(new Impl{name, mustache::mustache(text)});
  if (!impl->parsed.is_valid())
    return Result<MarkupTemplate>::failure(
        parse_error(text, name, impl->parsed.error_message()));
  impl->parsed.set_custom_escape([](const std::string& text) { return xml_escaped(text); });
  Result<MarkupTemplate> out;
  out.value.emplace(MarkupTemplate(std::move(impl)));
  return out;
}

namespace {

Result<std::string> render_data(mustache::mustache& parsed, const std::string& name, const mustache::data& data) {
  Result<std::string> out;
  std::string text = parsed.render(data);
  if (!parsed.is_valid()) return Result<std::string>::failure({name, 0, 0, parsed.error_message()});
  out.value = std::move(text);
  return out;
}

}  // namespace

Result<std::string> MarkupTemplate::render(const TemplateContext& context) const {
  return render_data(impl_->parsed, impl_->name, to_data(context));
}

Result<std::string> MarkupTemplate::render(TemplateContext&& context) const {
  mustache::data data = shell(context);
  fill_consuming(data, context);
  return render_data(impl_->parsed, impl_->name, data);
}

Result<std::string> MarkupTemplate::render_around(const MarkupTemplate& inner, const TemplateContext& context,
                                                  const std::string& slot) const {
  mustache::data data = to_data(context);
  Result<std::string> inner_text = render_data(inner.impl_->parsed, inner.impl_->name, data);
  if (!inner_text.ok()) return inner_text;
  data.set(slot, mustache::data(std::move(*inner_text.value)));
  return render_data(impl_->parsed, impl_->name, data);
}

Result<std::string> render_template(const std::string& template_text,
                                    const TemplateContext& context,
                                    const std::string& template_name) {
  Result<MarkupTemplate> compiled = MarkupTemplate::compile(template_text, template_name);
  if (!compiled.ok()) return {std::nullopt, compiled.errors};
  return compiled.value->render(context);
}

}  // namespace vanban
