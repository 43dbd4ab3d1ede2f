// The one way vanban parses XML (libxml2): no network, no entity substitution, no DTD loading,
// no HUGE; a document with a DTD is refused (entity bombs, external entities); then RELAX NG
// validation. Errors are FILE:LINE:COL with what was expected. Internal to input/.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "input/byte_source.h"
#include "input/source_text.h"
#include "model/diagnostic.h"

typedef struct _xmlDoc xmlDoc;
typedef struct _xmlNode xmlNode;

namespace vanban {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const;
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Mixed: text is kept as written (document markup, where a space between two inline elements
// is a word space). Records: a data file whose text content is trimmed by its reader; white space
// between elements is not kept in the tree, where its nodes were about half of a large meeting
// file's memory.
enum class TextContent { Mixed, Records };

// Parses `bytes` (must be UTF-8; a BOM is accepted) and validates it against the RELAX NG
// schema at `schema_path` (cached per path; an empty path checks well-formedness only, for readers
// that accept what the schema does not yet, such as a half-written draft). On failure, `errors` holds every problem found.
// The document keeps the SourceText of `bytes` (in doc->_private): `bytes` must outlive it.
XmlDocPtr parse_and_validate(std::string_view bytes, const std::string& name,
                             const std::string& schema_path, Diagnostics& errors,
                             TextContent text = TextContent::Mixed);

// Where parse_records hands the records of a data file: the elements `depth` levels below the
// root (2 for root > section > record).
struct RecordHandler {
  int depth = 2;
  // Each record, complete and valid, in file order. Inside the call it has its attributes,
  // children and places (position_of); after it, it is freed.
  std::function<void(const xmlNode*)> record;
  // The records given so far are to be forgotten: they will be given again (or the file
  // refused). Called when the stream cannot be trusted, before the file is read whole.
  std::function<void()> restart;
};

// parse_and_validate for a data file too large to hold, as a tree or as bytes: `source` is read a
// piece at a time, each piece given to libxml2 and held only until the records in it have been
// read; the records are validated (libxml2's progressive RELAX NG validation) and handed to
// `handler` one at a time as they are read, so that memory does not grow with the file. The value
// is the document, for its root's and sections' attributes (the records and their bytes may be
// gone from it). Anything wrong (the bytes, syntax, a DOCTYPE, the schema, the element limit)
// is found again by parse_and_validate on the whole file, read again from `source`, whose
// messages are the ones given: the same as parse_and_validate's, whatever the path. Tests and
// fuzzing give small pieces, to cut the file everywhere.
constexpr std::size_t kRecordChunk = 64 * 1024;  // the pieces a file is read in
XmlDocPtr parse_records(ByteSource& source, const std::string& name, const std::string& schema_path,
                        Diagnostics& errors, const RecordHandler& handler);

// Column of the start tag of element `element_name` on `line` of `bytes` (1-based), for
// validation messages where libxml2 only knows the line. 1 if not found.
int column_of_element(std::string_view bytes, int line, std::string_view element_name);

// Where `offset` is in `bytes`, counted from the start (for one message; a document from
// parse_and_validate keeps its SourceText for the many).
SourcePosition position_at(std::string_view bytes, std::size_t offset);
// The text a document from parse_and_validate or parse_records was parsed from, with the
// place of every offset in it: O(log n).
const SourceText& source_text(const xmlDoc* doc);
// Byte offset in the parsed bytes where `node` (an element's start tag, or a text node) of a
// document from parse_and_validate starts; npos if unknown.
std::size_t offset_of(const xmlNode* node);
// Where `node` starts in the file it was parsed from; for a text node, its first character that
// is not white space.
SourcePosition position_of(const xmlNode* node);

// "NAME:LINE:COL: message" at the start tag of `node`.
Diagnostic diagnostic_at(const xmlNode* node, const std::string& name, std::string message);

}  // namespace vanban
