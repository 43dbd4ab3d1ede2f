#include "input/meeting_xml_reader.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <utility>
#include <vector>

#include "input/meeting_checks.h"
#include "input/meeting_fields.h"
#include "input/safe_xml.h"
#include "input/xml_node.h"

namespace vanban {

namespace {

using xml::attribute;
using xml::is;
using xml::str;

std::string content(const xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string out = v ? str(v) : "";
  xmlFree(v);
  return out;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The attributes of the start tag `s` begins with, in the order written, with the offset of each
// name in `s`. The tag is well-formed: libxml2 has read it.
std::vector<std::pair<std::string, std::size_t>> attributes_of_tag(std::string_view s) {
  std::vector<std::pair<std::string, std::size_t>> out;
  std::size_t i = 1;
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

// One record at a time, as parse_records hands them over.
class MeetingXmlReader {
 public:
  MeetingXmlReader(const std::string& name, MeetingSink& sink, Diagnostics& errors)
      : file_(name), sink_(sink), errors_(errors) {}

  void read(const xmlNode* n) {
    if (is(n, "branch")) sink_.add(read_branch(record(n), errors_));
    if (is(n, "cadre")) sink_.add(read_cadre(record(n), errors_));
    if (is(n, "assign")) sink_.add(read_assignment(record(n), errors_));
    if (is(n, "meeting")) sink_.add(meeting(n));
  }

 private:
  RawRecord record(const xmlNode* n) const {
    RawRecord r;
    const SourcePosition p = position_of(n);
    r.source.file = file_;
    r.source.line = p.line;
    r.source.column = p.column;
    const std::size_t tag = offset_of(n);
    if (tag == std::string_view::npos) return r;
    // Each attribute's place counted on from the one before, not looked up again.
    SourcePosition a = p;
    std::size_t at = tag;
    const SourceText& text = source_text(n->doc);
    for (const auto& [attr, offset] : attributes_of_tag(text.from(tag))) {
      a = text.after(a, at, tag + offset);
      at = tag + offset;
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
        const SourcePosition p = position_of(c);
        lists.opinions.push_back(
            {clean_text(attribute(c, "topic")), clean_text(content(c)), p.line, p.column});
      }
      if (is(c, "quality")) {
        const SourcePosition p = position_of(c);
        r.add("quality", p.line, p.column, clean_text(content(c)));
      }
    }
    return read_meeting(r, std::move(lists), errors_);
  }

  SharedPath file_;  // one copy for all the records
  MeetingSink& sink_;
  Diagnostics& errors_;
};

// The month the root names.
MeetingMonth month_of(const xmlNode* root) {
  MeetingMonth m;
  const std::string year = attribute(root, "year"), month = attribute(root, "month");
  std::from_chars(year.data(), year.data() + year.size(), m.year);
  std::from_chars(month.data(), month.data() + month.size(), m.month);
  return m;
}

// The records of `source` into `sink`, then the sink's checks.
Result<MeetingMonth> read_meetings(ByteSource& source, const std::string& name, const std::string& schema_path,
                                   MeetingSink& sink) {
  Result<MeetingMonth> result;
  MeetingXmlReader reader(name, sink, result.errors);
  RecordHandler handler;
  handler.record = [&](const xmlNode* n) { reader.read(n); };
  handler.restart = [&] {
    result.errors.clear();
    sink.restart();
  };
  XmlDocPtr doc = parse_records(source, name, schema_path, result.errors, handler);
  if (!doc) return result;
  const MeetingMonth month = month_of(xmlDocGetRootElement(doc.get()));
  const bool kept = sink.check(month, result.errors);
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                   });
  if (kept) result.value = month;
  return result;
}

}  // namespace

Result<MeetingData> read_meetings_xml(const std::string& path, const std::string& schema_path) {
  MeetingDataSink sink;
  return sink.collect(read_meetings_xml(path, schema_path, sink));
}

Result<MeetingData> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                            const std::string& schema_path) {
  MeetingDataSink sink;
  return sink.collect(read_meetings_xml_bytes(bytes, name, schema_path, sink));
}

Result<MeetingMonth> read_meetings_xml(const std::string& path, const std::string& schema_path, MeetingSink& sink) {
  Result<MeetingMonth> result;
  read_in_pieces(path, kRecordChunk, result.errors, [&](ByteSource& source) {
    result = read_meetings(source, path, schema_path, sink);
    return result.ok();
  });
  return result;
}

Result<MeetingMonth> read_meetings_xml_bytes(std::string_view bytes, const std::string& name,
                                             const std::string& schema_path, MeetingSink& sink) {
  MemoryBytes source(bytes, kRecordChunk);
  return read_meetings(source, name, schema_path, sink);
}

}  // namespace vanban
