// A month of meeting data as XML (meetings.rng), then the record checks.
// Oracle besides the sanitizers: the records parse_records streams (given to libxml2 in small
// pieces, each record validated as it is read, then freed) are the whole tree's, with the same
// places, and its messages are parse_and_validate's; a file the whole tree accepts without a
// word never needed the stream to start again.
#include <libxml/tree.h>

#include <cstdio>
#include <cstdlib>

#include "input/meeting_xml_reader.h"
#include "input/safe_xml.h"
#include "support.h"

namespace {

// A record as a reader sees it: name, place, attributes, text.
std::string describe(const xmlNode* n) {
  const vanban::SourcePosition p = vanban::position_of(n);
  std::string out = std::string(reinterpret_cast<const char*>(n->name)) + "@" + std::to_string(p.line) + ":" +
                    std::to_string(p.column);
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    out += " " + std::string(reinterpret_cast<const char*>(a->name)) + "=" + (v ? reinterpret_cast<const char*>(v) : "");
    xmlFree(v);
  }
  xmlChar* text = xmlNodeGetContent(n);
  out += " [" + std::string(text ? reinterpret_cast<const char*>(text) : "") + "]\n";
  xmlFree(text);
  return out;
}

std::string messages(const vanban::Diagnostics& errors) {
  std::string out;
  for (const vanban::Diagnostic& d : errors) out += d.to_string() + "\n";
  return out;
}

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_meetings_xml: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string schema = vanban::fuzz::source_dir() + "/templates/schema/meetings.rng";
  const std::string_view bytes{reinterpret_cast<const char*>(data), size};
  vanban::read_meetings_xml_bytes(bytes, "2026-10.xml", schema);

  std::string streamed;
  int restarts = 0;
  vanban::RecordHandler handler;
  handler.record = [&](const xmlNode* n) { streamed += describe(n); };
  handler.restart = [&] {
    ++restarts;
    streamed.clear();
  };
  vanban::Diagnostics stream_errors, whole_errors;
  // The file is read in pieces of 1 to 61 bytes, cut at different places as the size changes: a
  // fuzzed file is smaller than one piece of a real month.
  vanban::MemoryBytes source(bytes, 1 + size % 61);
  const vanban::XmlDocPtr stream = vanban::parse_records(source, "m.xml", schema, stream_errors, handler);
  const vanban::XmlDocPtr whole =
      vanban::parse_and_validate(bytes, "m.xml", schema, whole_errors, vanban::TextContent::Records);
  check(!stream == !whole, "the stream and the whole tree disagree on the file");
  check(messages(stream_errors) == messages(whole_errors), "the stream's messages are not the whole tree's");
  if (!whole) return 0;
  // A namespace error leaves the file well-formed, with a message: read whole, as it should be.
  check(restarts == 0 || !whole_errors.empty(), "a file the whole tree accepts needed the stream to start again");
  std::string records;
  for (const xmlNode* section = xmlDocGetRootElement(whole.get())->children; section; section = section->next)
    for (const xmlNode* n = section->children; n; n = n->next)
      if (n->type == XML_ELEMENT_NODE) records += describe(n);
  check(streamed == records, "the stream's records are not the whole tree's");
  return 0;
}
