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

namespace vanban {

void XmlDocDeleter::operator()(xmlDoc* d) const {
  if (!d) return;
  delete static_cast<LineIndex*>(d->_private);
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
  const LineIndex* lines = nullptr;  // lent to the document while it is parsed
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
  std::string_view bytes;   // everything, BOM included
  std::size_t skipped = 0;  // bytes not given to libxml2 (the BOM)
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
  if (!node->doc->_private) node->doc->_private = const_cast<LineIndex*>(s.lines);
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
  s.handler->record(node);
  xmlUnlinkNode(node);
  xmlFreeNode(node);
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
    const std::size_t tag = st.bytes.rfind('<', offset_in_input(ctxt, st, ctxt->input->cur));
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
    at = st.bytes.rfind("<![CDATA[", cur);
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
  const std::size_t at = st.bytes.rfind("<!DOCTYPE", cur);
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

std::string too_large(std::size_t bytes, std::size_t limit) {
  return "the file is " + std::to_string(bytes) + " bytes, over the limit of " + std::to_string(limit) +
         " bytes (" + std::to_string(limit >> 20) + " MB) for one input file; raise it with --max-input-mb N";
}

SourcePosition position_at(std::string_view bytes, std::size_t offset) {
  return LineIndex(bytes).at(offset);
}

namespace {

const LineIndex* index_of(const xmlNode* node) {
  return node && node->doc ? static_cast<const LineIndex*>(node->doc->_private) : nullptr;
}

// Column of the start tag of element `element_name` on the line starting at `start`.
int column_of_element_at(std::string_view bytes, std::size_t start, std::string_view element_name,
                         const LineIndex& lines) {
  if (start == npos) return 1;
  const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
  const std::string open = "<" + std::string(element_name);
  for (std::size_t at = bytes.find(open, start); at != npos && at < end;
       at = bytes.find(open, at + 1)) {
    const std::size_t after = at + open.size();
    if (after >= bytes.size() || std::string_view(" \t\r\n/>").find(bytes[after]) != npos)
      return lines.at(at).column;
  }
  return 1;
}

}  // namespace

const LineIndex& document_lines(const xmlDoc* doc) { return *static_cast<const LineIndex*>(doc->_private); }

SourcePosition position_in_document(const xmlNode* node, std::string_view bytes, std::size_t offset) {
  const LineIndex* lines = index_of(node);
  return lines ? lines->at(offset) : position_at(bytes, offset);
}

std::size_t offset_of(const xmlNode* node) {
  const auto v = reinterpret_cast<std::uintptr_t>(node->_private);
  return v == 0 ? npos : static_cast<std::size_t>(v - 1);
}

Diagnostic diagnostic_at(const xmlNode* node, std::string_view bytes, const std::string& name, std::string message) {
  const SourcePosition p = position_of(node, bytes);
  return {name, p.line, p.column, std::move(message)};
}

SourcePosition position_of(const xmlNode* node, std::string_view bytes) {
  std::size_t offset = offset_of(node);
  // A text node is shown where its first visible character is.
  if (offset != npos && node->type == XML_TEXT_NODE)
    offset = std::min(bytes.find_first_not_of(" \t\r\n", offset), bytes.size());
  if (offset != npos) return position_in_document(node, bytes, offset);
  SourcePosition p;
  p.line = static_cast<int>(xmlGetLineNo(node));
  if (node->type == XML_ELEMENT_NODE) {
    const LineIndex* lines = index_of(node);
    p.column = lines ? column_of_element_at(bytes, lines->line_start(p.line), str(node->name), *lines)
                     : column_of_element(bytes, p.line, str(node->name));
  } else {
    p.column = 1;
  }
  return p;
}

int column_of_element(std::string_view bytes, int line, std::string_view element_name) {
  const LineIndex lines(bytes);
  return column_of_element_at(bytes, lines.line_start(line), element_name, lines);
}

namespace {

// A diagnostic at `offset` of `bytes`.
void report_at(Diagnostics& errors, const std::string& name, std::string_view bytes, std::size_t offset,
               std::string message) {
  const SourcePosition p = position_at(bytes, offset);
  errors.push_back({name, p.line, p.column, std::move(message)});
}

// What libxml2 is given of `bytes` (without a BOM); none, with why in `errors`, when the bytes
// are not UTF-8 or too many.
std::optional<std::string_view> checked_body(std::string_view bytes, const std::string& name, Diagnostics& errors) {
  const std::size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  const std::string_view body = bytes.substr(bom);
  std::string encoding;
  std::size_t encoding_at = 0;
  if (declared_encoding(body, encoding, encoding_at) && !is_utf8_name(encoding)) {
    report_at(errors, name, bytes, bom + encoding_at,
              "the file declares encoding '" + encoding + "'; only UTF-8 is accepted: save it as UTF-8");
    return std::nullopt;
  }
  std::size_t bad = 0;
  if (!text::is_valid_utf8(body, &bad)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(body[bad]));
    report_at(errors, name, bytes, bom + bad,
              std::string("not UTF-8: byte ") + hex + " is not part of a UTF-8 character; save the file as UTF-8");
    return std::nullopt;
  }
  // XML cannot hold a NUL, not even as a reference; read whole, libxml2 takes one for the end of
  // the file and ignores what follows it, while read in pieces it refuses it.
  if (const std::size_t nul = body.find('\0'); nul != npos) {
    report_at(errors, name, bytes, bom + nul,
              "byte 0x00 (NUL): XML cannot hold it; is this a binary file, or text saved as UTF-16? "
              "save the file as UTF-8");
    return std::nullopt;
  }
  const InputLimits& limits = input_limits();
  if (body.size() > limits.max_bytes || body.size() > INT_MAX) {
    report_at(errors, name, bytes, 0, too_large(body.size(), limits.max_bytes));
    return std::nullopt;
  }
  return body;
}

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

// libxml2 over `body` with vanban's handlers (st.bytes, name, errors and options set): `chunk`
// bytes at a time, or all at once when it is 0. Pushed a piece at a time, libxml2 holds only what
// it has not yet parsed; read at once it copies the whole input, and again to convert it from
// UTF-8 to UTF-8 (three times the file, for a large month). The body is UTF-8 (checked_body),
// which a push parser is told to read as is: left to guess from the first bytes, it took NULs
// for UTF-16 or UCS-4 and printed its conversion errors on stderr.
ParseOutcome run_parser(ParseState& st, std::string_view body, std::size_t chunk = 0) {
  ParserCtxtPtr ctxt(chunk > 0 ? xmlCreatePushParserCtxt(nullptr, nullptr, nullptr, 0, st.name->c_str())
                               : xmlNewParserCtxt(),
                     xmlFreeParserCtxt);
  if (!ctxt) {
    st.errors->push_back({*st.name, 1, 1, "out of memory"});
    return {};
  }
  install_handlers(ctxt.get(), st);
  ParseOutcome out;
  if (chunk == 0) {
    out.doc = xmlCtxtReadMemory(ctxt.get(), body.data(), static_cast<int>(body.size()), st.name->c_str(), "UTF-8",
                                kParseOptions);
  } else {
    xmlCtxtUseOptions(ctxt.get(), kParseOptions | XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(ctxt.get(), XML_CHAR_ENCODING_UTF8);
    for (std::size_t at = 0; ctxt->instate != XML_PARSER_EOF;) {
      const std::size_t n = std::min(body.size() - at, chunk);
      const bool last = at + n == body.size();
      xmlParseChunk(ctxt.get(), body.data() + at, static_cast<int>(n), last ? 1 : 0);
      at += n;
      if (last) break;
    }
    out.doc = std::exchange(ctxt->myDoc, nullptr);
  }
  out.well_formed = ctxt->wellFormed != 0;
  if (out.doc) out.doc->_private = nullptr;  // a streaming parse lends its LineIndex while it runs
  return out;
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

}  // namespace

XmlDocPtr parse_and_validate(std::string_view bytes, const std::string& name,
                             const std::string& schema_path, Diagnostics& errors, TextContent text) {
  init_libxml();
  const std::size_t errors_before = errors.size();
  const std::optional<std::string_view> body = checked_body(bytes, name, errors);
  if (!body) return nullptr;

  ParseState st;
  st.bytes = bytes;
  st.skipped = bytes.size() - body->size();
  st.name = &name;
  st.errors = &errors;
  st.drop_blanks = text == TextContent::Records;
  const ParseOutcome parsed = run_parser(st, *body);
  XmlDocPtr doc(parsed.doc);
  // Built once: every message and block asks where it is.
  if (doc) doc->_private = new LineIndex(bytes);
  // A DTD can declare entities (bombs, external files): none is accepted, even a harmless one.
  if (has_doctype(st, parsed)) {
    errors.resize(errors_before);
    report_at(errors, name, bytes, st.doctype == npos ? 0 : st.doctype,
              "a DOCTYPE is not allowed (entities and external files are refused)");
    return nullptr;
  }
  if (!doc || !parsed.well_formed) {
    if (errors.size() == errors_before) report_at(errors, name, bytes, 0, "not well-formed XML");
    return nullptr;
  }

  // Counted before validation, whose cost grows fastest with the elements.
  const InputLimits& limits = input_limits();
  if (const xmlNode* over = element_beyond(xmlDocGetRootElement(doc.get()), limits.max_elements)) {
    const SourcePosition p = position_of(over, bytes);
    errors.push_back({name, p.line, p.column, too_many_elements(limits.max_elements)});
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
    const SourcePosition p = node ? position_of(node, bytes) : SourcePosition{0, 0};
    errors.push_back({name, p.line, p.column, std::move(message)});
  };
  for (const auto& problem : schema.model->explain(doc.get()))
    report(problem.node, problem.message);
  // Our reading of the grammar found nothing: fall back on libxml2's own words.
  if (errors.size() == errors_before)
    for (const auto& [node, message] : vs.messages) report(node, message);
  if (errors.size() == errors_before) report_at(errors, name, bytes, 0, "the document does not follow " + schema_path);
  return nullptr;
}

XmlDocPtr parse_records(std::string_view bytes, const std::string& name, const std::string& schema_path,
                        Diagnostics& errors, const RecordHandler& handler, std::size_t chunk) {
  init_libxml();
  const std::optional<std::string_view> body = checked_body(bytes, name, errors);
  if (!body) return nullptr;
  const CompiledSchema* schema = schema_path.empty() ? nullptr : usable_schema(schema_path, errors);
  if (!schema_path.empty() && !schema) return nullptr;

  auto lines = std::make_unique<LineIndex>(bytes);
  Diagnostics ignored;  // a stream that fails is read again whole, which says why
  RecordStreaming streaming;
  streaming.handler = &handler;
  streaming.lines = lines.get();
  streaming.max_elements = input_limits().max_elements;
  std::unique_ptr<xmlRelaxNGValidCtxt, void (*)(xmlRelaxNGValidCtxtPtr)> validation(
      schema ? xmlRelaxNGNewValidCtxt(schema->grammar) : nullptr, xmlRelaxNGFreeValidCtxt);
  if (validation) xmlRelaxNGSetValidStructuredErrors(validation.get(), ignore_validity_error, nullptr);
  streaming.validation = validation.get();

  ParseState st;
  st.bytes = bytes;
  st.skipped = bytes.size() - body->size();
  st.name = &name;
  st.errors = &ignored;
  st.drop_blanks = true;
  st.streaming = &streaming;
  const ParseOutcome parsed = run_parser(st, *body, std::max<std::size_t>(chunk, 1));
  XmlDocPtr doc(parsed.doc);
  if (doc && parsed.well_formed && !streaming.failed && !has_doctype(st, parsed) && ignored.empty()) {
    doc->_private = lines.release();
    return doc;
  }

  // Something is wrong, or libxml2 could not validate a record as it streamed: the whole tree,
  // with parse_and_validate's checks and messages, and its records if it passes after all.
  handler.restart();
  XmlDocPtr whole = parse_and_validate(bytes, name, schema_path, errors, TextContent::Records);
  if (whole) for_each_at_depth(xmlDocGetRootElement(whole.get()), handler.depth, handler.record);
  return whole;
}

}  // namespace vanban
