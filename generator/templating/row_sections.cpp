#include "templating/row_sections.h"

#include <algorithm>

namespace vanban {

namespace {

constexpr char kMarkerStart = '\x1f';

struct Tag {
  char kind;  // '#', '^', '/', '=' (delimiters), '!' (comment), '>' (partial), or 0 for a value
  std::string name;  // of a section, or the value's
  std::size_t begin, end;  // [begin, end) in the text, braces included
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string trimmed(const std::string& s, std::size_t from, std::size_t to) {
  while (from < to && space(s[from])) ++from;
  while (to > from && space(s[to - 1])) --to;
  return s.substr(from, to - from);
}

// Every tag, found as the Mustache library finds them with the default delimiters: from "{{" to
// the next "}}", or "}}}" after "{{{".
std::vector<Tag> tags_of(const std::string& text) {
  std::vector<Tag> tags;
  std::size_t at = 0;
  while ((at = text.find("{{", at)) != std::string::npos) {
    std::size_t inner = at + 2;
    const bool triple = inner < text.size() && text[inner] == '{';
    if (triple) ++inner;
    const std::string close = triple ? "}}}" : "}}";
    const std::size_t end = text.find(close, inner);
    if (end == std::string::npos) break;  // the library reported it already
    const std::string contents = trimmed(text, inner, end);
    Tag tag{0, {}, at, end + close.size()};
    if (!triple && !contents.empty() && std::string("#^/=!>").find(contents[0]) != std::string::npos) {
      tag.kind = contents[0];
      tag.name = trimmed(contents, 1, contents.size());
    } else {
      tag.name = !triple && !contents.empty() && contents[0] == '&' ? trimmed(contents, 1, contents.size()) : contents;
    }
    at = tag.end;
    tags.push_back(std::move(tag));
  }
  return tags;
}

bool blank(char c) { return c == ' ' || c == '\t'; }

// Where the line holding [begin, end) starts, when nothing but blanks comes before it on its line.
std::optional<std::size_t> alone_from(const std::string& text, std::size_t begin) {
  while (begin > 0 && blank(text[begin - 1])) --begin;
  if (begin > 0 && text[begin - 1] != '\n' && text[begin - 1] != '\r') return std::nullopt;
  return begin;
}

// Past the end of the line holding [begin, end) (its line break included), when nothing but blanks
// comes after it on its line.
std::optional<std::size_t> alone_to(const std::string& text, std::size_t end) {
  while (end < text.size() && blank(text[end])) ++end;
  if (end == text.size()) return end;
  if (text.compare(end, 2, "\r\n") == 0) return end + 2;
  if (text[end] == '\n' || text[end] == '\r') return end + 1;
  return std::nullopt;
}

class Splitter {
 public:
  Splitter(const std::string& text, const std::vector<std::string>& row_lists, const std::string& name)
      : text_(text), row_lists_(row_lists), name_(name), tags_(tags_of(text)) {}

  Result<RowSplit> split() {
    RowSplit out;
    std::size_t next = 0;
    out.frame = cut(0, text_.size(), next, out.sections);
    if (error_) return Result<RowSplit>::failure(*error_);
    Result<RowSplit> r;
    r.value = std::move(out);
    return r;
  }

 private:
  bool row_list(const Tag& t) const {
    return t.kind == '#' && std::find(row_lists_.begin(), row_lists_.end(), t.name) != row_lists_.end();
  }

  // {{key}}, {{{key}}} or {{&key}} of a row list: the library would print the list as one value.
  bool printed_row_list(const Tag& t) const {
    return t.kind == 0 && std::find(row_lists_.begin(), row_lists_.end(), t.name) != row_lists_.end();
  }

  void fail(std::size_t offset, std::string message) {
    if (!error_) error_ = diagnostic_at_offset(text_, offset, name_, std::move(message));
  }

  // The index of the tag that closes the section opened by tags_[open].
  std::size_t closing(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open + 1; i < tags_.size(); ++i) {
      if (tags_[i].kind == '#' || tags_[i].kind == '^') ++depth;
      if (tags_[i].kind == '/' && depth-- == 0) return i;
    }
    return tags_.size();
  }

  // [from, to) of the text with its row sections cut out; `next` is the first tag at or after `from`.
  std::string cut(std::size_t from, std::size_t to, std::size_t& next, std::vector<RowSection>& sections) {
    std::string out;
    while (next < tags_.size() && tags_[next].begin < to && !error_) {
      const Tag& open = tags_[next];
      if (open.kind == '=' && !row_lists_.empty()) {
        fail(open.begin, "this template renders lists row by row and cannot change its delimiters");
        break;
      }
      if (printed_row_list(open)) {
        fail(open.begin, "the rows of \"" + open.name + "\" are written one at a time and cannot be printed as a "
                         "value; write them with {{#" + open.name + "}} ... {{/" + open.name + "}}");
        break;
      }
      if (!row_list(open)) {
        ++next;
        continue;
      }
      const std::size_t close_index = closing(next);
      if (close_index == tags_.size()) {
        fail(open.begin, "unclosed section \"" + open.name + "\"");
        break;
      }
      const Tag& close = tags_[close_index];
      const std::optional<std::size_t> body_from = alone_to(text_, open.end);
      const std::optional<std::size_t> body_to = alone_from(text_, close.begin);
      const std::string rule = "the rows of \"" + open.name + "\" are written one at a time: {{#" +
                               open.name + "}} and {{/" + open.name + "}} must each stand alone on a line";
      if (!alone_from(text_, open.begin) || !body_from || close.begin < *body_from) {
        fail(open.begin, rule);
        break;
      }
      if (!body_to || !alone_to(text_, close.end)) {
        fail(close.begin, rule);
        break;
      }
      const std::size_t index = sections.size();
      sections.push_back({open.name, {}});
      ++next;
      std::string body = cut(*body_from, *body_to, next, sections);
      sections[index].body = std::move(body);
      const std::string marker = row_marker(index);
      out.append(text_, from, open.begin - from);
      out += "{{#" + marker + "}}{{/" + marker + "}}";
      from = close.end;
      next = close_index + 1;
    }
    out.append(text_, from, to - from);
    return out;
  }

  const std::string& text_;
  const std::vector<std::string>& row_lists_;
  const std::string& name_;
  std::vector<Tag> tags_;
  std::optional<Diagnostic> error_;
};

}  // namespace

Result<RowSplit> split_row_sections(const std::string& text, const std::vector<std::string>& row_lists,
                                    const std::string& name) {
  return Splitter(text, row_lists, name).split();
}

std::string row_marker(std::size_t i) { return kMarkerStart + std::to_string(i); }

std::optional<std::size_t> row_marker_index(const std::string& tag_name) {
  if (tag_name.size() < 2 || tag_name[0] != kMarkerStart) return std::nullopt;
  std::size_t i = 0;
  for (std::size_t k = 1; k < tag_name.size(); ++k) {
    if (tag_name[k] < '0' || tag_name[k] > '9') return std::nullopt;
    i = i * 10 + static_cast<std::size_t>(tag_name[k] - '0');
  }
  return i;
}

}  // namespace vanban
