// The values a template sees: a tree of strings, flags, lists and maps, independent of the
// Mustache library (only templating/render_template.cpp knows it).
//   {{name}}            a string of the current map, escaped for XML
//   {{#list}}...{{/list}}  once per item; an item's keys (or {{.}} for a string) are in scope
//   {{#flag}}...{{/flag}}  when true; {{^flag}}...{{/flag}} when false or absent
// A long list can be given as rows made one at a time while the template renders (rows()): a
// month's summary lists every defaulting cadre, and need not hold them all at once.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vanban {

class TemplateValue {
 public:
  enum class Kind { String, Flag, List, Map, Rows };
  // Makes row i (a map, or a string for {{.}}) of a Rows value.
  using RowMaker = std::function<TemplateValue(std::size_t)>;

  TemplateValue() = default;  // an empty map
  explicit TemplateValue(std::string text) : kind_(Kind::String), text_(std::move(text)) {}
  static TemplateValue flag(bool on);
  static TemplateValue list();
  // A list of `count` rows, each made by `make` when the template reaches it and dropped once
  // rendered: whatever `make` reads must outlive the rendering. Only for a key the template was
  // compiled to render row by row (MarkupTemplate::compile, row_lists).
  static TemplateValue rows(std::size_t count, RowMaker make);

  // References returned below stay valid while the tree lives (items are kept in a list), so a
  // template's tree can be filled in any order.
  // Map: sets `key` (replacing an earlier value) and returns the stored value.
  TemplateValue& set(const std::string& key, TemplateValue value);
  TemplateValue& set(const std::string& key, std::string text) {
    return set(key, TemplateValue(std::move(text)));
  }
  TemplateValue& set(const std::string& key, const char* text) {
    return set(key, TemplateValue(std::string(text)));
  }
  void set_flag(const std::string& key, bool on) { set(key, flag(on)); }
  // Map: a new empty list under `key`, to append to.
  TemplateValue& set_list(const std::string& key) { return set(key, list()); }
  // List: appends `value` and returns the stored one.
  TemplateValue& add(TemplateValue value);
  // List: appends a new empty map.
  TemplateValue& add_map() { return add(TemplateValue()); }

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }  // String
  bool on() const { return on_; }                      // Flag
  const std::list<TemplateValue>& items() const { return items_; }  // List items, Map values
  const std::vector<std::string>& keys() const { return keys_; }    // Map: in the order of items()
  const TemplateValue* find(const std::string& key) const;            // Map; nullptr if absent
  std::size_t row_count() const;                                      // Rows
  TemplateValue row(std::size_t i) const;                             // Rows: makes row i

  // Map or list: hands over its keys (a map's) and values, leaving it empty, so that whoever
  // converts a large tree can free each part as soon as it is converted.
  std::pair<std::vector<std::string>, std::list<TemplateValue>> release();

 private:
  Kind kind_ = Kind::Map;
  std::string text_;
  bool on_ = false;
  std::list<TemplateValue> items_;
  std::vector<std::string> keys_;
  struct RowSource {
    std::size_t count;
    RowMaker make;
  };
  std::shared_ptr<const RowSource> rows_;  // Rows; shared by copies
};

// The root of what one template renders: a map.
using TemplateContext = TemplateValue;

}  // namespace vanban
