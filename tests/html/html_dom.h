// A minimal HTML tokenizer and tree for the html tests: enough to query what write_html
// produces (every element closed, attributes double-quoted) and to notice any tag or attribute
// a hostile string might have smuggled in. Not a general HTML parser.
#pragma once

#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::test {

inline std::string decode_entities(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool matched = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        matched = true;
        break;
      }
    }
    if (!matched) out += s[i++];
  }
  return out;
}

struct Node {
  std::string tag;  // empty for a text node
  std::map<std::string, std::string> attributes;  // decoded values
  std::string text;                               // text nodes: decoded
  int parent = -1;
  std::vector<int> children;
};

class Dom {
 public:
  explicit Dom(std::string_view html) {
    nodes_.push_back(Node{"#document", {}, {}, -1, {}});
    int current = 0;
    std::size_t i = 0;
    while (i < html.size()) {
      if (html[i] != '<') {
        std::size_t end = html.find('<', i);
        if (end == std::string_view::npos) end = html.size();
        add_text(current, html.substr(i, end - i));
        i = end;
        continue;
      }
      if (html.substr(i, 2) == "<!") {
        i = html.find('>', i) + 1;
        continue;
      }
      const bool closing = html.substr(i, 2) == "</";
      std::size_t p = i + (closing ? 2 : 1);
      std::string name;
      while (p < html.size() && std::isalnum(static_cast<unsigned char>(html[p]))) {
        name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++])));
      }
      if (closing) {
        i = html.find('>', p) + 1;
        if (nodes_[current].tag != name) {
          errors_.push_back("</" + name + "> closes <" + nodes_[current].tag + ">");
        } else {
          current = nodes_[current].parent;
        }
        continue;
      }
      Node node{name, {}, {}, current, {}};
      p = read_attributes(html, p, node);
      i = p;
      const int index = static_cast<int>(nodes_.size());
      nodes_.push_back(std::move(node));
      nodes_[current].children.push_back(index);
      tags_.push_back(name);
      if (name == "meta" || name == "col" || name == "br" || name == "img" || name == "link") {
        continue;
      }
      if (name == "style" || name == "title" || name == "script") {
        // Raw text up to the closing tag, as an HTML parser reads it.
        std::size_t end = html.find("</" + name, i);
        if (end == std::string_view::npos) end = html.size();
        add_text(index, name == "title" ? decode_entities(html.substr(i, end - i))
                                        : std::string(html.substr(i, end - i)),
                 true);
        i = html.find('>', end);
        i = i == std::string_view::npos ? html.size() : i + 1;
        continue;
      }
      current = index;
    }
    if (current != 0) errors_.push_back("<" + nodes_[current].tag + "> never closed");
  }

  const std::vector<std::string>& errors() const { return errors_; }
  const std::vector<std::string>& tags() const { return tags_; }  // in document order
  const Node& node(int i) const { return nodes_[i]; }

  // Elements under `root` (depth first, document order) with that tag and, if given, class.
  std::vector<int> find(std::string_view tag, std::string_view css_class = {},
                        int root = 0) const {
    std::vector<int> found;
    collect(root, tag, css_class, found);
    return found;
  }
  int first(std::string_view tag, std::string_view css_class = {}, int root = 0) const {
    auto all = find(tag, css_class, root);
    return all.empty() ? -1 : all.front();
  }
  std::string text(int i) const {
    if (i < 0) return "<missing>";
    const Node& n = nodes_[i];
    if (n.tag.empty()) return n.text;
    std::string out;
    for (int c : n.children) out += text(c);
    return out;
  }
  std::string attribute(int i, const std::string& name) const {
    if (i < 0) return "<missing>";
    auto it = nodes_[i].attributes.find(name);
    return it == nodes_[i].attributes.end() ? "<none>" : it->second;
  }
  // Texts of the elements `find` returns.
  std::vector<std::string> texts(std::string_view tag, std::string_view css_class = {},
                                 int root = 0) const {
    std::vector<std::string> out;
    for (int i : find(tag, css_class, root)) out.push_back(text(i));
    return out;
  }
  // Element children's tags.
  std::vector<std::string> child_tags(int i) const {
    std::vector<std::string> out;
    for (int c : nodes_[i].children) {
      if (!nodes_[c].tag.empty()) out.push_back(nodes_[c].tag);
    }
    return out;
  }

 private:
  static bool has_class(const Node& n, std::string_view css_class) {
    auto it = n.attributes.find("class");
    if (it == n.attributes.end()) return false;
    std::string_view classes = it->second;
    std::size_t start = 0;
    while (start <= classes.size()) {
      std::size_t end = classes.find(' ', start);
      if (end == std::string_view::npos) end = classes.size();
      if (classes.substr(start, end - start) == css_class) return true;
      start = end + 1;
    }
    return false;
  }

  void collect(int i, std::string_view tag, std::string_view css_class,
               std::vector<int>& found) const {
    for (int c : nodes_[i].children) {
      const Node& n = nodes_[c];
      if (n.tag == tag && (css_class.empty() || has_class(n, css_class))) found.push_back(c);
      collect(c, tag, css_class, found);
    }
  }

  void add_text(int parent, std::string_view raw, bool decoded = false) {
    Node n;
    n.parent = parent;
    n.text = decoded ? std::string(raw) : decode_entities(raw);
    nodes_[parent].children.push_back(static_cast<int>(nodes_.size()));
    nodes_.push_back(std::move(n));
  }

  std::size_t read_attributes(std::string_view html, std::size_t p, Node& node) {
    while (p < html.size() && html[p] != '>') {
      if (std::isspace(static_cast<unsigned char>(html[p]))) {
        ++p;
        continue;
      }
      std::string name;
      while (p < html.size() && html[p] != '=' && html[p] != '>' &&
             !std::isspace(static_cast<unsigned char>(html[p]))) {
        name += html[p++];
      }
      std::string value;
      if (p < html.size() && html[p] == '=') {
        ++p;
        if (html[p] == '"' || html[p] == '\'') {
          const char quote = html[p++];
          const std::size_t end = html.find(quote, p);
          value = decode_entities(html.substr(p, end - p));
          p = end + 1;
        } else {
          const std::size_t start = p;
          while (p < html.size() && html[p] != '>' &&
                 !std::isspace(static_cast<unsigned char>(html[p]))) {
            ++p;
          }
          value = decode_entities(html.substr(start, p - start));
        }
      }
      node.attributes[name] = value;
    }
    return p + 1;
  }

  std::vector<Node> nodes_;
  std::vector<std::string> tags_;
  std::vector<std::string> errors_;
};

}  // namespace vanban::test
