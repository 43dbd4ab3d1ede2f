#include "templating/template_context.h"

namespace vanban {

TemplateValue TemplateValue::flag(bool on) {
  TemplateValue v;
  v.kind_ = Kind::Flag;
  v.on_ = on;
  return v;
}

TemplateValue TemplateValue::list() {
  TemplateValue v;
  v.kind_ = Kind::List;
  return v;
}

TemplateValue TemplateValue::rows(std::size_t count, RowMaker make) {
  TemplateValue v;
  v.kind_ = Kind::Rows;
  v.rows_ = std::make_shared<const RowSource>(RowSource{count, std::move(make)});
  return v;
}

std::size_t TemplateValue::row_count() const { return rows_ ? rows_->count : 0; }

TemplateValue TemplateValue::row(std::size_t i) const { return rows_->make(i); }

TemplateValue& TemplateValue::set(const std::string& key, TemplateValue value) {
  auto item = items_.begin();
  for (const std::string& k : keys_) {
    if (k == key) return *item = std::move(value);
    ++item;
  }
  keys_.push_back(key);
  return items_.emplace_back(std::move(value));
}

TemplateValue& TemplateValue::add(TemplateValue value) {
  return items_.emplace_back(std::move(value));
}

std::pair<std::vector<std::string>, std::list<TemplateValue>> TemplateValue::release() {
  return {std::move(keys_), std::move(items_)};
}

const TemplateValue* TemplateValue::find(const std::string& key) const {
  auto item = items_.begin();
  for (const std::string& k : keys_) {
    if (k == key) return &*item;
    ++item;
  }
  return nullptr;
}

}  // namespace vanban
