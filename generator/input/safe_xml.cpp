#include "input/safe_xml.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <utility>

#include "input/input_limits.h"
#include "input/schema_model.h"
#include "text/unicode.h"
#include "text/utf8_check.h"

namespace vanban {

void XmlDocDeleter::operator()(xmlDoc* d) const {
  if (!d) return;
  delete static_cast<SourceText*>(d->_private);
  xmlFreeDoc(d);
}

namespace {

constexpr std::size_t npos = std::string_view::npos;

const char* str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

std::string trim_message(const char* m) {
  std::string s = m ? m : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Nothing outside the bytes given is ever read: no external entity, DTD or XInclude.
xmlParserInputPtr deny_external(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlRelaxNGInitTypes();
    xmlSetExternalEntityLoader(deny_external);
  });
}

// parse_records' state: libxml2's progressive RELAX NG validation (as its xmlTextReader drives
// it) and the hand-over of each complete record, which is then freed.
struct RecordStreaming {
  const RecordHandler* handler = nullptr;
  SourceText* source = nullptr;  // the document's while it is parsed (then given to it)
  xmlRelaxNGValidCtxtPtr validation = nullptr;  // none: well-formedness only
  std::size_t max_elements = 0;
  std::size_t elements = 0;
  int depth = 0;  // of the next element to start (the root's is 0)
  // An element libxml2 cannot validate progressively: validated whole once it is complete.
  xmlNode* whole = nullptr;
  xmlNode* text = nullptr;  // a text node not yet validated (it is complete at the next tag)
  bool failed = false;
};

// Per-parse state, reached from the SAX callbacks through ctxt->_private: nothing global.
struct ParseState {
  const SourceText* text = nullptr;  // what libxml2 is given, BOM included
  std::size_t skipped = 0;           // bytes not given to libxml2 (the BOM)
  const std::string* name = nullptr;
  Diagnostics* errors = nullptr;
  std::size_t doctype = npos;
  bool syntax_error = false;
  bool drop_blanks = false;  // TextContent::Records
  startElementNsSAX2Func next_start_element = nullptr;  // libxml2's own handlers
  endElementNsSAX2Func next_end_element = nullptr;
  charactersSAXFunc next_characters = nullptr;
  charactersSAXFunc next_blanks = nullptr;
  charactersSAXFunc next_cdata = nullptr;  // same signature as cdataBlockSAXFunc
  RecordStreaming* streaming = nullptr;  // parse_records only
};

ParseState& state_of(void* ctx) {
  return *static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

// Offset in the whole input of a pointer into libxml2's input buffer (UTF-8 in, UTF-8 out:
// no conversion, so offsets match).
std::size_t offset_in_input(xmlParserCtxtPtr ctxt, const ParseState& st, const xmlChar* p) {
  return st.skipped + static_cast<std::size_t>(ctxt->input->consumed) +
         static_cast<std::size_t>(p - ctxt->input->base);
}

void set_offset(xmlNode* node, std::size_t offset) {
  node->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(offset) + 1);
}

void stop_streaming(xmlParserCtxtPtr ctxt, RecordStreaming& s) {
  s.failed = true;
  xmlStopParser(ctxt);
}

// The text before the tag being read is complete: its parent's content model takes it.
void validate_text(xmlParserCtxtPtr ctxt, RecordStreaming& s) {
  xmlNode* text = std::exchange(s.text, nullptr);
  if (!text || !s.validation || s.whole || s.failed) return;
  static const xmlChar empty[] = "";
  const xmlChar* content = text->content ? text->content : empty;
  if (xmlRelaxNGValidatePushCData(s.validation, content, xmlStrlen(content)) != 1) stop_streaming(ctxt, s);
}

void stream_start(xmlParserCtxtPtr ctxt, RecordStreaming& s, xmlNode* node) {
  if (s.failed) return;
  if (!node->doc->_private) node->doc->_private = s.source;
  ++s.depth;
  // Over the limit, the whole tree says where (parse_and_validate).
  if (++s.elements > s.max_elements) return stop_streaming(ctxt, s);
  validate_text(ctxt, s);
  if (!s.validation || s.whole) return;
  const int valid = xmlRelaxNGValidatePushElement(s.validation, node->doc, node);
  if (valid == 0) s.whole = node;
  if (valid < 0) stop_streaming(ctxt, s);
}

void stream_end(xmlParserCtxtPtr ctxt, RecordStreaming& s, xmlNode* node) {
  if (s.failed) return;
  --s.depth;
  if (s.validation) {
    int valid = 1;
    if (s.whole == node) {
      valid = xmlRelaxNGValidateFullElement(s.validation, node->doc, node);
      s.whole = nullptr;
    } else if (!s.whole) {
      valid = xmlRelaxNGValidatePopElement(s.validation, node->doc, node);
    }
    if (valid != 1) return stop_streaming(ctxt, s);
  }
  if (s.depth != s.handler->depth) return;
  // A record inside an element validated whole must stay until that element is validated:
  // the whole tree is read instead.
  if (s.whole) return stop_streaming(ctxt, s);
  const std::size_t start = offset_of(node);
  s.handler->record(node);
  xmlUnlinkNode(node);
  xmlFreeNode(node);
  // What comes next starts after this record: its bytes are not needed again.
  if (start != npos) s.source->forget_before(start);
}

void on_start_element(void* ctx, const xmlChar* localname, const xmlChar* prefix,
                      const xmlChar* uri, int nb_namespaces, const xmlChar** namespaces,
                      int nb_attributes, int nb_defaulted, const xmlChar** attributes) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ParseState& st = state_of(ctx);
  xmlNode* before = ctxt->node;
  st.next_start_element(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
  if (ctxt->node && ctxt->node != before) {
    // The tag has been read up to its ">" or "/>"; '<' cannot occur in attribute values.
    const std::size_t tag = st.text->rfind("<", offset_in_input(ctxt, st, ctxt->input->cur));
    if (tag != npos) set_offset(ctxt->node, tag);
    if (st.streaming) stream_start(ctxt, *st.streaming, ctxt->node);
  }
}

void on_end_element(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ParseState& st = state_of(ctx);
  xmlNode* node = ctxt->node;
  if (st.streaming) validate_text(ctxt, *st.streaming);
  st.next_end_element(ctx, localname, prefix, uri);
  if (st.streaming && node) stream_end(ctxt, *st.streaming, node);
}

// Records where a text node starts when this chunk created it.
void note_text_start(xmlParserCtxtPtr ctxt, xmlNode* parent, xmlNode* before, const xmlChar* ch,
                     int len, bool cdata) {
  if (!parent || parent->last == before || !parent->last) return;
  const ParseState& st = state_of(ctxt);
  const std::size_t cur = offset_in_input(ctxt, st, ctxt->input->cur);
  std::size_t at;
  const std::less<const xmlChar*> less;
  if (cdata)
    at = st.text->rfind("<![CDATA[", cur);
  else if (!less(ch, ctxt->input->base) && less(ch, ctxt->input->end))
    at = offset_in_input(ctxt, st, ch);  // the chunk points into the input itself
  else
    at = cur >= static_cast<std::size_t>(len) ? cur - static_cast<std::size_t>(len) : 0;
  if (at != npos) set_offset(parent->last, at);
}

bool is_blank(const xmlChar* ch, int len) {
  return std::all_of(ch, ch + len, [](xmlChar c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// characters, ignorableWhitespace and cdataBlock: libxml2's handler, then the text's offset.
// In records, white space that would start a text node is dropped (what follows it, if
// anything, starts the node instead).
template <charactersSAXFunc ParseState::*next, bool cdata>
void on_text(void* ctx, const xmlChar* ch, int len) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  xmlNode* parent = ctxt->node;
  xmlNode* before = parent ? parent->last : nullptr;
  if (!cdata && state_of(ctx).drop_blanks && (!before || before->type != XML_TEXT_NODE) && is_blank(ch, len)) return;
  (state_of(ctx).*next)(ctx, ch, len);
  note_text_start(ctxt, parent, before, ch, len, cdata);
  RecordStreaming* streaming = state_of(ctx).streaming;
  if (streaming && parent && parent->last != before && parent->last) streaming->text = parent->last;
}

// Any DOCTYPE: stop before its internal subset is read, so no entity is ever declared.
void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  ParseState& st = state_of(ctx);
  const std::size_t cur = offset_in_input(ctxt, st, ctxt->input->cur);
  const std::size_t at = st.text->rfind("<!DOCTYPE", cur);
  st.doctype = at == npos ? cur : at;
  xmlStopParser(ctxt);
}

void on_parse_error(void* ctx, xmlErrorPtr e) {
  ParseState& st = state_of(ctx);
  if (st.doctype != npos || e->level == XML_ERR_WARNING) return;
  // Only the first syntax error: what libxml2 says after it mostly follows from it.
  if (st.syntax_error) return;
  st.syntax_error = true;
  st.errors->push_back({*st.name, e->line, e->int2 > 0 ? e->int2 : 1,
                        "not well-formed XML: " + trim_message(e->message)});
}

// The value and place of encoding="..." in an XML declaration, if there is one.
bool declared_encoding(std::string_view s, std::string& value, std::size_t& at) {
  if (s.substr(0, 5) != "<?xml" || s.size() < 6 || !std::isspace(static_cast<unsigned char>(s[5])))
    return false;
  const std::size_t end = s.find("?>");
  const std::string_view decl = s.substr(0, end);
  std::size_t i = decl.find("encoding");
  if (i == npos) return false;
  i = decl.find_first_of("\"'", i);
  if (i == npos) return false;
  const std::size_t close = decl.find(decl[i], i + 1);
  if (close == npos) return false;
  value = std::string(decl.substr(i + 1, close - i - 1));
  at = i + 1;
  return true;
}

bool is_utf8_name(std::string v) {
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v == "utf-8" || v == "utf8";
}

std::string read_file(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  ok = static_cast<bool>(in) || in.eof();
  return out.str();
}

// A schema compiled once per path and shared by every thread: libxml2 validation contexts are
// per call, the compiled grammar is only read.
struct CompiledSchema {
  xmlRelaxNGPtr grammar = nullptr;
  std::unique_ptr<SchemaModel> model;
  std::string error;
  ~CompiledSchema() { xmlRelaxNGFree(grammar); }
};

void collect_schema_error(void* data, xmlErrorPtr e) {
  auto& error = *static_cast<std::string*>(data);
  if (error.empty()) error = "line " + std::to_string(e->line) + ": " + trim_message(e->message);
}

const CompiledSchema& schema_for(const std::string& path) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<CompiledSchema>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[path];
  if (slot) return *slot;
  slot = std::make_unique<CompiledSchema>();
  CompiledSchema& s = *slot;
  bool ok = false;
  // Read here and parsed from memory: the deny-all entity loader would refuse a file URL.
  const std::string rng = read_file(path, ok);
  if (!ok || rng.empty()) {
    s.error = "cannot read the schema";
    return s;
  }
  xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(rng.data(), static_cast<int>(rng.size()));
  xmlRelaxNGSetParserStructuredErrors(pc, collect_schema_error, &s.error);
  s.grammar = xmlRelaxNGParse(pc);
  xmlRelaxNGFreeParserCtxt(pc);
  if (!s.grammar) {
    if (s.error.empty()) s.error = "not a valid RELAX NG schema";
    return s;
  }
  XmlDocPtr doc(xmlReadMemory(rng.data(), static_cast<int>(rng.size()), path.c_str(), "UTF-8",
                              XML_PARSE_NONET));
  if (doc) s.model = SchemaModel::build(doc.get(), s.error);
  return s;
}

struct ValidationState {
  std::vector<std::pair<const xmlNode*, std::string>> messages;
};

void on_validity_error(void* data, xmlErrorPtr e) {
  auto& st = *static_cast<ValidationState*>(data);
  st.messages.emplace_back(static_cast<const xmlNode*>(e->node), trim_message(e->message));
}

void ignore_validity_error(void*, xmlErrorPtr) {}

std::string too_many_elements(std::size_t limit) {
  return "more than " + std::to_string(limit) +
         " elements; vanban reads at most that many from one file (raise the limit with --max-elements N)";
}

// The element after the first `limit` ones in document order, or nullptr if there are no more.
const xmlNode* element_beyond(const xmlNode* root, std::size_t limit) {
  std::size_t count = 0;
  for (const xmlNode* n = root; n;) {
    if (n->type == XML_ELEMENT_NODE && ++count > limit) return n;
    if (n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next) n = n->parent && n->parent != root->parent ? n->parent : nullptr;
    if (n) n = n->next;
  }
  return nullptr;
}

}  // namespace

SourcePosition position_at(std::string_view bytes, std::size_t offset) {
  return SourceText(bytes).at(offset);
}

namespace {

const SourceText* text_of(const xmlNode* node) {
  return node && node->doc ? static_cast<const SourceText*>(node->doc->_private) : nullptr;
}

// Column of the start tag of element `element_name` on the line starting at `start`.
int column_of_element_at(const SourceText& text, std::size_t start, std::string_view element_name) {
  if (start == npos) return 1;
  const std::string_view line = text.from(start).substr(0, text.from(start).find('\n'));
  const std::string open = "<" + std::string(element_name);
  for (std::size_t at = line.find(open); at != npos; at = line.find(open, at + 1)) {
    const std::size_t after = at + open.size();
    const std::string_view rest = text.from(start + after);
    if (rest.empty() || std::string_view(" \t\r\n/>").find(rest[0]) != npos) return text.at(start + at).column;
  }
  return 1;
}

}  // namespace

const SourceText& source_text(const xmlDoc* doc) { return *static_cast<const SourceText*>(doc->_private); }

std::size_t offset_of(const xmlNode* node) {
  const auto v = reinterpret_cast<std::uintptr_t>(node->_private);
  return v == 0 ? npos : static_cast<std::size_t>(v - 1);
}

Diagnostic diagnostic_at(const xmlNode* node, const std::string& name, std::string message) {
  const SourcePosition p = position_of(node);
  return {name, p.line, p.column, std::move(message)};
}

SourcePosition position_of(const xmlNode* node) {
  const SourceText* text = text_of(node);
  std::size_t offset = offset_of(node);
  if (text && offset != npos) {
    // A text node is shown where its first visible character is.
    if (node->type == XML_TEXT_NODE) {
      const std::string_view rest = text->from(offset);
      offset += std::min(rest.find_first_not_of(" \t\r\n"), rest.size());
    }
    return text->at(offset);
  }
  SourcePosition p;
  p.line = static_cast<int>(xmlGetLineNo(node));
  p.column = text && node->type == XML_ELEMENT_NODE ? column_of_element_at(*text, text->line_start(p.line), str(node->name))
                                                    : 1;
  return p;
}

int column_of_element(std::string_view bytes, int line, std::string_view element_name) {
  const SourceText text(bytes);
  return column_of_element_at(text, text.line_start(line), element_name);
}

namespace {

void report_at(Diagnostics& errors, const std::string& name, const SourceText& text, std::size_t offset,
               std::string message) {
  const SourcePosition p = text.at(offset);
  errors.push_back({name, p.line, p.column, std::move(message)});
}

const std::string_view kBom = "\xEF\xBB\xBF";

// What libxml2 is given of `text`, a whole file (without a BOM); none, with why in `errors`, when
// the bytes are not UTF-8 or too many.
std::optional<std::string_view> checked_body(const SourceText& text, const std::string& name, Diagnostics& errors) {
  const std::string_view bytes = text.from(0);
  const std::size_t bom = bytes.substr(0, 3) == kBom ? 3 : 0;
  const std::string_view body = bytes.substr(bom);
  std::string encoding;
  std::size_t encoding_at = 0;
  if (declared_encoding(body, encoding, encoding_at) && !is_utf8_name(encoding)) {
    report_at(errors, name, text, bom + encoding_at,
              "the file declares encoding '" + encoding + "'; only UTF-8 is accepted: save it as UTF-8");
    return std::nullopt;
  }
  std::size_t bad = 0;
  if (!text::is_valid_utf8(body, &bad)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
    report_at(errors, name, text, bom + bad,
              std::string("not UTF-8: byte ") + hex + " is not part of a UTF-8 character; save the file as UTF-8");
    return std::nullopt;
  }
  // XML cannot hold a NUL, not even as a reference; read whole, libxml2 takes one for the end of
  // the file and ignores what follows it, while read in pieces it refuses it.
  if (const std::size_t nul = body.find('\0'); nul != npos) {
    report_at(errors, name, text, bom + nul,
              "byte 0x00 (NUL): XML cannot hold it; is this a binary file, or text saved as UTF-16? "
              "save the file as UTF-8");
    return std::nullopt;
  }
  const InputLimits& limits = input_limits();
  if (body.size() > limits.max_bytes || body.size() > INT_MAX) {
    report_at(errors, name, text, 0, too_large(body.size(), limits.max_bytes));
    return std::nullopt;
  }
  return body;
}

// checked_body's checks on a file given a piece at a time: each piece as it comes, the XML
// declaration once its end has come. What checked_body would refuse is found, though not said:
// the whole file says why.
class PieceChecks {
 public:
  // The next piece, before it is held: false if the file is to be refused.
  bool add(std::string_view piece) { return !std::memchr(piece.data(), 0, piece.size()) && utf8_.add(piece); }
  // After each piece is held in `text`, whose body starts after a BOM of `bom` bytes, and at the
  // `end`: false if the body is too large, or if its declaration names an encoding other than UTF-8.
  bool body(const SourceText& text, std::size_t bom, bool end) {
    return text.end() - bom <= std::min<std::size_t>(input_limits().max_bytes, INT_MAX) &&
           (decided_ || declaration(text.from(bom), end));
  }
  // At the end: false if the last character is cut off.
  bool complete() const { return utf8_.valid(); }

 private:
  // Only a body beginning "<?xml " has a declaration, decided when its "?>" has come (before any
  // record, so before any byte is forgotten).
  bool declaration(std::string_view body, bool end) {
    const std::string_view start = "<?xml";
    const bool possible = body.substr(0, 5) == start.substr(0, std::min(start.size(), body.size())) &&
                          (body.size() < 6 || std::isspace(static_cast<unsigned char>(body[5])));
    if (possible && !end && body.find("?>", searched_ > 0 ? searched_ - 1 : 0) == npos) {
      searched_ = body.size();  // the next search starts where this one ended
      return true;
    }
    decided_ = true;
    std::string encoding;
    std::size_t at = 0;
    return !declared_encoding(body, encoding, at) || is_utf8_name(encoding);
  }

  text::Utf8Check utf8_;
  bool decided_ = false;
  std::size_t searched_ = 0;  // bytes of the body searched for "?>"
};

// The compiled schema at `schema_path`; none, with why in `errors`, when it cannot be used.
const CompiledSchema* usable_schema(const std::string& schema_path, Diagnostics& errors) {
  const CompiledSchema& schema = schema_for(schema_path);
  if (schema.grammar && schema.model) return &schema;
  errors.push_back({schema_path, 0, 0, "schema: " + schema.error});
  return nullptr;
}

struct ParseOutcome {
  xmlDocPtr doc = nullptr;  // owned by the caller; its _private is null
  bool well_formed = false;
};

using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)>;

// vanban's handlers on `ctxt`, in front of libxml2's own.
void install_handlers(xmlParserCtxtPtr ctxt, ParseState& st) {
  xmlSAXHandler* sax = ctxt->sax;
  st.next_start_element = sax->startElementNs;
  st.next_end_element = sax->endElementNs;
  st.next_characters = sax->characters;
  st.next_blanks = sax->ignorableWhitespace;
  st.next_cdata = sax->cdataBlock;
  sax->startElementNs = on_start_element;
  sax->endElementNs = on_end_element;
  sax->characters = on_text<&ParseState::next_characters, false>;
  sax->ignorableWhitespace = on_text<&ParseState::next_blanks, false>;
  sax->cdataBlock = on_text<&ParseState::next_cdata, true>;
  sax->internalSubset = on_doctype;
  sax->serror = on_parse_error;
  ctxt->_private = &st;
}

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_BIG_LINES;

// A parser with vanban's handlers (st's text, name and errors set): one that reads a whole body at
// once, or a push parser, given the file a piece at a time. Pushed a piece at a time, libxml2
// holds only what it has not yet parsed; read at once it copies the whole input, and again to
// convert it from UTF-8 to UTF-8 (three times the file, for a large month). The pieces are
// UTF-8 (PieceChecks), which a push parser is told to read as is: left to guess from the first
// bytes, it took NULs for UTF-16 or UCS-4 and printed its conversion errors on stderr.
ParserCtxtPtr new_parser(ParseState& st, bool push) {
  ParserCtxtPtr ctxt(push ? xmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, st.name->c_str()) : xmlNewParserCtxt(),
                     xmlFreeParserCtxt);
  if (!ctxt) {
    st.errors->push_back({*st.name, 1, 1, "out of memory"});
    return ctxt;
  }
  if (push) {
    xmlCtxtUseOptions(ctxt.get(), kParseOptions | XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt.get(), XML_CHAR_ENCODING_UTF8);
  }
  install_handlers(ctxt.get(), st);
  return ctxt;
}

ParseOutcome outcome(xmlParserCtxtPtr ctxt, xmlDocPtr doc) {
  ParseOutcome out{doc, ctxt->wellFormed != 0};
  if (doc) doc->_private = nullptr;  // a push parse lends the document its text while it runs
  return out;
}

// libxml2 over `body`, the whole file but its BOM.
ParseOutcome parse_body(ParseState& st, std::string_view body) {
  const ParserCtxtPtr ctxt = new_parser(st, false);
  if (!ctxt) return {};
  return outcome(ctxt.get(), xmlCtxtReadMemory(ctxt.get(), body.data(), static_cast<int>(body.size()),
                                               st.name->c_str(), "UTF-8", kParseOptions));
}

// libxml2 over the pieces of `source`, each held in `text` (until the records in it have been
// read) and checked before libxml2 is given it; `refused` at the first thing checked_body would
// refuse, where parsing stops.
ParseOutcome parse_pieces(ParseState& st, ByteSource& source, SourceText& text, bool& refused) {
  const ParserCtxtPtr ctxt = new_parser(st, true);
  if (!ctxt) return {};
  PieceChecks checks;
  bool started = false;  // the first bytes, which say whether there is a BOM, have been given
  while (ctxt->instate != XML_PARSER_EOF) {
    std::string_view piece = source.next();
    const bool end = piece.empty();
    if (!end && !checks.add(piece)) break;
    if (end) text.finish();
    else text.append(piece);
    if (!started) {
      if (text.end() < kBom.size() && !end) continue;
      st.skipped = text.from(0).substr(0, kBom.size()) == kBom ? kBom.size() : 0;
      piece = text.from(st.skipped);
      started = true;
    }
    if (!checks.body(text, st.skipped, end) || (end && !checks.complete())) break;
    xmlParseChunk(ctxt.get(), piece.data(), static_cast<int>(piece.size()), end ? 1 : 0);
    if (end) return outcome(ctxt.get(), std::exchange(ctxt->myDoc, nullptr));
  }
  // Refused, or stopped by a handler.
  refused = ctxt->instate != XML_PARSER_EOF;
  return outcome(ctxt.get(), std::exchange(ctxt->myDoc, nullptr));
}

bool has_doctype(const ParseState& st, const ParseOutcome& parsed) {
  return st.doctype != npos || (parsed.doc && parsed.doc->intSubset);
}

// The elements `depth` levels below `node`, in document order.
template <class F>
void for_each_at_depth(const xmlNode* node, int depth, const F& f) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (depth == 1) f(c);
    else for_each_at_depth(c, depth - 1, f);
  }
}

// parse_and_validate of the whole file `text`, which the document is given.
XmlDocPtr parse_whole(std::unique_ptr<SourceText> text, const std::string& name, const std::string& schema_path,
                      Diagnostics& errors, TextContent content) {
  init_libxml();
  const SourceText& source = *text;
  const std::size_t errors_before = errors.size();
  const std::optional<std::string_view> body = checked_body(source, name, errors);
  if (!body) return nullptr;

  ParseState st;
  st.text = &source;
  st.skipped = source.end() - body->size();
  st.name = &name;
  st.errors = &errors;
  st.drop_blanks = content == TextContent::Records;
  const ParseOutcome parsed = parse_body(st, *body);
  XmlDocPtr doc(parsed.doc);
  // Every message and block asks where it is.
  if (doc) doc->_private = text.release();
  // A DTD can declare entities (bombs, external files): none is accepted, even a harmless one.
  if (has_doctype(st, parsed)) {
    errors.resize(errors_before);
    report_at(errors, name, source, st.doctype == npos ? 0 : st.doctype,
              "a DOCTYPE is not allowed (entities and external files are refused)");
    return nullptr;
  }
  if (!doc || !parsed.well_formed) {
    if (errors.size() == errors_before) report_at(errors, name, source, 0, "not well-formed XML");
    return nullptr;
  }

  // Counted before validation, whose cost grows fastest with the elements.
  const InputLimits& limits = input_limits();
  if (const xmlNode* over = element_beyond(xmlDocGetRootElement(doc.get()), limits.max_elements)) {
    errors.push_back(diagnostic_at(over, name, too_many_elements(limits.max_elements)));
    return nullptr;
  }

  if (schema_path.empty()) return doc;
  const CompiledSchema* usable = usable_schema(schema_path, errors);
  if (!usable) return nullptr;
  const CompiledSchema& schema = *usable;
  ValidationState vs;
  xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema.grammar);
  xmlRelaxNGSetValidStructuredErrors(vc, on_validity_error, &vs);
  const int invalid = xmlRelaxNGValidateDoc(vc, doc.get());
  xmlRelaxNGFreeValidCtxt(vc);
  if (invalid == 0) return doc;

  const auto report = [&](const xmlNode* node, std::string message) {
    errors.push_back(node ? diagnostic_at(node, name, std::move(message)) : Diagnostic{name, 0, 0, std::move(message)});
  };
  for (const auto& problem : schema.model->explain(doc.get()))
    report(problem.node, problem.message);
  // Our reading of the grammar found nothing: fall back on libxml2's own words.
  if (errors.size() == errors_before)
    for (const auto& [node, message] : vs.messages) report(node, message);
  if (errors.size() == errors_before) report_at(errors, name, source, 0, "the document does not follow " + schema_path);
  return nullptr;
}

std::string read_all(ByteSource& source) {
  std::string out;
  source.rewind();
  for (std::string_view piece = source.next(); !piece.empty(); piece = source.next()) out += piece;
  return out;
}

}  // namespace

XmlDocPtr parse_and_validate(std::string_view bytes, const std::string& name, const std::string& schema_path,
                             Diagnostics& errors, TextContent text) {
  return parse_whole(std::make_unique<SourceText>(bytes), name, schema_path, errors, text);
}

XmlDocPtr parse_records(ByteSource& source, const std::string& name, const std::string& schema_path,
                        Diagnostics& errors, const RecordHandler& handler) {
  init_libxml();
  const CompiledSchema* schema = schema_path.empty() ? nullptr : usable_schema(schema_path, errors);
  if (!schema_path.empty() && !schema) return nullptr;

  auto text = std::make_unique<SourceText>();
  Diagnostics ignored;  // a stream that fails is read again whole, which says why
  RecordStreaming streaming;
  streaming.handler = &handler;
  streaming.source = text.get();
  streaming.max_elements = input_limits().max_elements;
  std::unique_ptr<xmlRelaxNGValidCtxt, void (*)(xmlRelaxNGValidCtxtPtr)> validation(
      schema ? xmlRelaxNGNewValidCtxt(schema->grammar) : nullptr, xmlRelaxNGFreeValidCtxt);
  if (validation) xmlRelaxNGSetValidStructuredErrors(validation.get(), ignore_validity_error, nullptr);
  streaming.validation = validation.get();

  ParseState st;
  st.text = text.get();
  st.name = &name;
  st.errors = &ignored;
  st.drop_blanks = true;
  st.streaming = &streaming;
  bool refused = false;
  const ParseOutcome parsed = parse_pieces(st, source, *text, refused);
  XmlDocPtr doc(parsed.doc);
  if (!refused && doc && parsed.well_formed && !streaming.failed && !has_doctype(st, parsed) && ignored.empty()) {
    doc->_private = text.release();
    return doc;
  }

  // Something is wrong, or libxml2 could not validate a record as it streamed: the whole file,
  // with parse_and_validate's checks and messages, and its records if it passes after all.
  handler.restart();
  doc.reset();
  XmlDocPtr whole = parse_whole(std::make_unique<SourceText>(read_all(source)), name, schema_path, errors,
                                TextContent::Records);
  if (whole) for_each_at_depth(xmlDocGetRootElement(whole.get()), handler.depth, handler.record);
  return whole;
}

}  // namespace vanban
