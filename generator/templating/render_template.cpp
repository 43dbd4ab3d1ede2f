#include "templating/render_template.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <charconv>

#include "model/xml_escape.h"
#include "templating/row_sections.h"

namespace vanban {

namespace mustache = kainjow::mustache;

namespace {

// The Rows values of a context, each by the address of the value that stands for it in the
// library's copy, which the row sections look up (RowRenderer).
struct RowLists {
  std::vector<std::pair<const mustache::data*, TemplateValue>> lists;
  std::string error;  // the first error while rendering
};

// An empty kainjow value of the kind of `v`, filled in place by fill_consuming(): kainjow copies a whole
// subtree whenever a value is wrapped or inserted, so building bottom-up would copy every string
// once per level of the tree.
mustache::data shell(const TemplateValue& v, RowLists& rows) {
  switch (v.kind()) {
    case TemplateValue::Kind::String:
      return mustache::data(v.text());
    case TemplateValue::Kind::Flag:
      return mustache::data(v.on());
    case TemplateValue::Kind::List:
      return mustache::data(mustache::data::type::list);
    case TemplateValue::Kind::Rows:
      // Without rows, an empty list: {{^key}} is written. With rows, nothing that a section or a
      // value could write as the rows: they are only written by their row sections.
      if (v.row_count() == 0) return mustache::data(mustache::data::type::list);
      return mustache::data(mustache::lambda([&rows](const std::string&) {
        if (rows.error.empty())
          rows.error = "a list made row by row is used outside a section compiled for its rows";
        return std::string();
      }));
    case TemplateValue::Kind::Map:
      break;
  }
  return mustache::data(mustache::data::type::object);
}

// Fills `out` (from shell()) with `v`, emptying `v` part by part as it is converted: the whole
// tree and the whole copy never exist at once. kainjow offers only const access to what a value
// holds; the values reached here are owned by the non-const `out`, so casting the constness away
// is sound.
void fill_consuming(mustache::data& out, TemplateValue& v, RowLists& rows) {
  const TemplateValue::Kind kind = v.kind();
  if (kind == TemplateValue::Kind::Rows) {
    rows.lists.emplace_back(&out, std::move(v));
    return;
  }
  auto [keys, items] = v.release();
  if (kind == TemplateValue::Kind::List) {
    auto& list = const_cast<mustache::list&>(out.list_value());
    list.reserve(items.size());  // basic_data has no noexcept move: no reallocation
    for (; !items.empty(); items.pop_front()) {
      list.push_back(shell(items.front(), rows));
      fill_consuming(list.back(), items.front(), rows);
    }
  } else if (kind == TemplateValue::Kind::Map) {
    for (std::size_t k = 0; !items.empty(); items.pop_front(), ++k) {
      out.set(keys[k], shell(items.front(), rows));
      fill_consuming(*const_cast<mustache::data*>(out.get(keys[k])), items.front(), rows);
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
  return diagnostic_at_offset(text, offset, name, message.substr(0, at));
}

}  // namespace


// A row section compiled apart: the template of one row of `key`.
struct RowTemplate {
  std::string key;
  mustache::mustache body;
};

struct MarkupTemplate::Impl {
  std::string name;
  mutable mustache::mustache parsed;  // the frame: the text without its row sections
  mutable std::vector<RowTemplate> rows;  // by marker (row_sections.h)
};

MarkupTemplate::MarkupTemplate(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MarkupTemplate::MarkupTemplate(MarkupTemplate&&) noexcept = default;
MarkupTemplate& MarkupTemplate::operator=(MarkupTemplate&&) noexcept = default;
MarkupTemplate::~MarkupTemplate() = default;

const std::string& MarkupTemplate::name() const { return impl_->name; }

Result<MarkupTemplate> MarkupTemplate::compile(const std::string& text, const std::string& name,
                                               const std::vector<std::string>& row_lists) {
  mustache::mustache whole(text);
  if (!whole.is_valid())
    return Result<MarkupTemplate>::failure(parse_error(text, name, whole.error_message()));
  Result<RowSplit> split = split_row_sections(text, row_lists, name);
  if (!split.ok()) return {std::nullopt, split.errors};
  const auto escape = [](const std::string& s) { return xml_escaped(s); };
  auto impl = std::unique_ptr<Impl>(
      new Impl{name, split.value->sections.empty() ? std::move(whole) : mustache::mustache(split.value->frame), {}});
  impl->parsed.set_custom_escape(escape);
  for (RowSection& section : split.value->sections) {
    // Lines of a valid template, whole sections only: they parse.
    impl->rows.push_back({std::move(section.key), mustache::mustache(section.body)});
    impl->rows.back().body.set_custom_escape(escape);
  }
  Result<MarkupTemplate> out;
  out.value.emplace(MarkupTemplate(std::move(impl)));
  return out;
}

namespace {

// Where the library writes: appended to one string, not through a string stream copied at the end.
struct Sink {
  std::string text;
};
Sink& operator<<(Sink& sink, const std::string& text) {
  sink.text += text;
  return sink;
}

// The library's lookup, and at a row section's marker, the section's rows written out right
// there, each made, rendered with its own template and dropped in turn. The marker's line holds
// nothing else (row_sections.h), and everything before it is already written, so the rows land
// in order; the marker is then looked up as true (a list that was written: its line writes
// nothing) or as the list's own false or empty value (its line writes what the section's
// would).
class RowRenderer : public mustache::context<std::string> {
 public:
  RowRenderer(const mustache::data* root, std::vector<RowTemplate>& sections, RowLists& rows, Sink& out)
      : context(root), sections_(sections), rows_(rows), out_(out) {}

  // The library asks through a const lookup; this object is not const, and writing the rows as
  // it asks is the point.
  const mustache::data* get(const std::string& name) const override {
    if (const std::optional<std::size_t> i = row_marker_index(name); i && *i < sections_.size())
      return const_cast<RowRenderer*>(this)->write_rows(sections_[*i]);
    return context::get(name);
  }

 private:
  const mustache::data* write_rows(RowTemplate& section) {
    static const mustache::data kWritten(true);
    const mustache::data* list = context::get(section.key);
    if (!list) return nullptr;
    const auto made = std::find_if(rows_.lists.begin(), rows_.lists.end(),
                                   [&](const auto& entry) { return entry.first == list; });
    if (made != rows_.lists.end()) {
      const TemplateValue source = made->second;  // shares the maker; the table grows below
      if (source.row_count() == 0) return list;
      for (std::size_t i = 0; i < source.row_count() && rows_.error.empty(); ++i) {
        const std::size_t outer = rows_.lists.size();
        TemplateValue row = source.row(i);
        mustache::data data = shell(row, rows_);
        fill_consuming(data, row, rows_);
        write_row(section, &data);
        rows_.lists.erase(rows_.lists.begin() + static_cast<std::ptrdiff_t>(outer), rows_.lists.end());
      }
      return &kWritten;
    }
    if (list->is_non_empty_list()) {
      for (const mustache::data& item : list->list_value()) write_row(section, &item);
      return &kWritten;
    }
    if (list->is_false() || list->is_empty_list()) return list;
    write_row(section, list);  // a value other than a list: its section is written once, in it
    return &kWritten;
  }

  void write_row(RowTemplate& section, const mustache::data* row) {
    push(row);
    section.body.render(*this, out_);
    pop();
    if (!section.body.is_valid() && rows_.error.empty()) rows_.error = section.body.error_message();
  }

  std::vector<RowTemplate>& sections_;
  RowLists& rows_;
  Sink& out_;
};

Result<std::string> render_data(mustache::mustache& frame, std::vector<RowTemplate>& sections,
                                const std::string& name, const mustache::data& data, RowLists& rows) {
  Sink out;
  RowRenderer context(&data, sections, rows, out);
  frame.render(context, out);
  if (!frame.is_valid()) return Result<std::string>::failure({name, 0, 0, frame.error_message()});
  if (!rows.error.empty()) return Result<std::string>::failure({name, 0, 0, rows.error});
  Result<std::string> result;
  result.value = std::move(out.text);
  return result;
}

}  // namespace

Result<std::string> MarkupTemplate::render(const TemplateContext& context) const {
  return render(TemplateContext(context));
}

Result<std::string> MarkupTemplate::render(TemplateContext&& context) const {
  RowLists rows;
  mustache::data data = shell(context, rows);
  fill_consuming(data, context, rows);
  return render_data(impl_->parsed, impl_->rows, impl_->name, data, rows);
}

Result<std::string> MarkupTemplate::render_around(const MarkupTemplate& inner, const TemplateContext& context,
                                                  const std::string& slot) const {
  RowLists rows;
  mustache::data data = shell(context, rows);
  TemplateContext copy = context;
  fill_consuming(data, copy, rows);
  Result<std::string> inner_text = render_data(inner.impl_->parsed, inner.impl_->rows, inner.impl_->name, data, rows);
  if (!inner_text.ok()) return inner_text;
  data.set(slot, mustache::data(std::move(*inner_text.value)));
  return render_data(impl_->parsed, impl_->rows, impl_->name, data, rows);
}

Result<std::string> render_template(const std::string& template_text,
                                    const TemplateContext& context,
                                    const std::string& template_name) {
  Result<MarkupTemplate> compiled = MarkupTemplate::compile(template_text, template_name);
  if (!compiled.ok()) return {std::nullopt, compiled.errors};
  return compiled.value->render(context);
}

}  // namespace vanban
