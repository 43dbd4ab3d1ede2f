#include "input/meeting_xml_reader.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <thread>
#include <utility>
#include <vector>

#include "input/meeting_checks.h"
#include "input/line_index.h"
#include "input/meeting_fields.h"
#include "input/safe_xml.h"
#include "input/xml_node.h"

namespace vanban {

namespace {

using xml::attribute;
using xml::child;
using xml::is;
using xml::is_text;
using xml::str;

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? str(v) : "";
  xmlFree(v);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The attributes of the start tag at `tag` ('<'), in the order written, with the offset of
// each name. The tag is well-formed: libxml2 has read it.
std::vector<std::pair<std::string, std::size_t>> attributes_at(std::string_view s,
                                                               std::size_t tag) {
  std::vector<std::pair<std::string, std::size_t>> out;
  std::size_t i = tag + 1;
  while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
  for (;;) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i >= s.size() || s[i] == '/' || s[i] == '>') return out;
    const std::size_t name = i;
    while (i < s.size() && s[i] != '=' && !is_space(s[i])) ++i;
    out.emplace_back(std::string(s.substr(name, i - name)), name);
    i = s.find('=', i);
    if (i == s.npos) return out;
    i = s.find_first_of("\"'", i);
    if (i == s.npos) return out;
    i = s.find(s[i], i + 1);
    if (i == s.npos) return out;
    ++i;
  }
}

class MeetingXmlReader {
 public:
  MeetingXmlReader(std::string_view bytes, const LineIndex& lines, const std::string& name, Diagnostics& errors)
      : bytes_(bytes), lines_(lines), file_(name), errors_(errors) {}

  // The month the file names; its records go to `sink`.
  MeetingMonth read(const xmlNode* root, MeetingSink& sink) {
    MeetingMonth m;
    const std::string year = attribute(root, "year"), month = attribute(root, "month");
    std::from_chars(year.data(), year.data() + year.size(), m.year);
    std::from_chars(month.data(), month.data() + month.size(), m.month);
    for (const xmlNode* section = root->children; section; section = section->next) {
      for (const xmlNode* n = section->children; n; n = n->next) {
        if (is(n, "branch")) sink.add(read_branch(record(n), errors_));
        if (is(n, "cadre")) sink.add(read_cadre(record(n), errors_));
        if (is(n, "assign")) sink.add(read_assignment(record(n), errors_));
        if (is(n, "meeting")) sink.add(meeting(n));
      }
    }
    return m;
  }

 private:
  // The document's own LineIndex answers (input/safe_xml.h).
  SourcePosition position(const xmlNode* n) const { return position_of(n, bytes_); }

  RawRecord record(const xmlNode* n) const {
    RawRecord r;
    const SourcePosition p = position(n);
    r.source.file = file_;
    r.source.line = p.line;
    r.source.column = p.column;
    const std::size_t tag = offset_of(n);
    if (tag == std::string_view::npos) return r;
    // Each attribute's place counted on from the one before, not looked up again.
    SourcePosition a = p;
    std::size_t at = tag;
    for (const auto& [attr, offset] : attributes_at(bytes_, tag)) {
      a = lines_.after(a, at, offset);
      at = offset;
      r.add(attr, a.line, a.column, clean_text(attribute(n, attr.c_str())));
    }
    return r;
  }

  Meeting meeting(const xmlNode* n) {
    RawRecord r = record(n);
    RawLists lists;
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (is(c, "topic")) lists.topics.push_back(clean_text(content(c)));
      if (is(c, "proposal")) lists.proposals.push_back(clean_text(content(c)));
      if (is(c, "opinion")) {
        const SourcePosition p = position(c);
        lists.opinions.push_back(
            {clean_text(attribute(c, "topic")), clean_text(content(c)), p.line, p.column});
      }
      if (is(c, "quality")) {
        const SourcePosition p = position(c);
        r.add("quality", p.line, p.column, clean_text(content(c)));
      }
    }
    return read_meeting(r, std::move(lists), errors_);
  }

  std::string_view bytes_;
  const LineIndex& lines_;
  SharedPath file_;  // one copy for all the records
  Diagnostics& errors_;
};

}  // namespace

Result<MeetingData> read_meetings_xml(const std::string& path, const std::string& schema_path) {
  return read_file_with<MeetingData>(
      path, [&](std::string_view bytes) { return read_meetings_xml_bytes(bytes, path, schema_path); });
}

Result<MeetingData> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                            const std::string& schema_path) {
  MeetingDataSink sink;
  Result<MeetingMonth> read = read_meetings_xml_bytes(bytes, name, schema_path, sink);
  Result<MeetingData> result;
  result.errors = std::move(read.errors);
  if (read.ok()) {
    result.value = std::move(sink.checked());
    result.value->month = *read.value;
  }
  return result;
}

Result<MeetingMonth> read_meetings_xml(const std::string& path, const std::string& schema_path, MeetingSink& sink) {
  return read_file_with<MeetingMonth>(
      path, [&](std::string_view bytes) { return read_meetings_xml_bytes(bytes, path, schema_path, sink); });
}

Result<MeetingMonth> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                             const std::string& schema_path, MeetingSink& sink) {
  Result<MeetingMonth> result;
  XmlDocPtr doc = parse_and_validate(bytes, name, schema_path, result.errors, TextContent::Records);
  if (!doc) return result;
  const MeetingMonth month =
      MeetingXmlReader(bytes, document_lines(doc.get()), name, result.errors).read(xmlDocGetRootElement(doc.get()), sink);
  // Nothing reads the tree any more: it is freed while the records are checked.
  std::jthread free_tree([&doc] { doc.reset(); });
  const bool kept = sink.check(month, result.errors);
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                   });
  if (kept) result.value = month;
  return result;
}

}  // namespace vanban
