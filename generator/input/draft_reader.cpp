#include "input/draft_reader.h"

#include <libxml/tree.h>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "model/inline_marks.h"
#include "text/unicode.h"

namespace vanban {

namespace {

class DraftReader {
 public:
  explicit DraftReader(const std::string& name) : name_(name) {}

  Draft read(const xmlNode* root, Diagnostics& errors);

 private:
  void refuse(const xmlNode* n, const std::string& message) {
    errors_->push_back(diagnostic_at(n, name_, message));
  }
  void cannot_edit(const xmlNode* n) {
    refuse(n, std::string("<") + xml::str(n->name) +
                  "> cannot be edited on the compose page; edit this file in a text editor");
  }
  // Text of a one-line field.
  std::string text(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string out = xml::trimmed(text::collapse_whitespace(text::to_nfc(v ? xml::str(v) : "")));
    xmlFree(v);
    return out;
  }
  // Mixed content with <b>, <i>, <q> as marked text (model/inline_marks.h).
  std::string marked(const xmlNode* n) {
    Inlines runs;
    collect(n, false, false, runs);
    for (TextRun& r : runs) r.text = text::collapse_whitespace(text::to_nfc(r.text));
    std::string out = xml::trimmed(write_marks(runs));
    return out;
  }
  void collect(const xmlNode* n, bool bold, bool italic, Inlines& runs);
  std::vector<std::string> texts(const xmlNode* parent, const char* name);
  DraftBlock block(const xmlNode* n);
  void recipients(const xmlNode* n, Draft& d);

  const std::string& name_;
  Diagnostics* errors_ = nullptr;
};

void DraftReader::collect(const xmlNode* n, bool bold, bool italic, Inlines& runs) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (xml::is_text(c)) {
      runs.push_back({xml::str(c->content), bold, italic});
    } else if (xml::is(c, "b") || xml::is(c, "i")) {
      collect(c, bold || xml::is(c, "b"), italic || xml::is(c, "i"), runs);
    } else if (xml::is(c, "q")) {  // a quoted run is its text in quotation marks
      runs.push_back({"\u201C", bold, italic});
      collect(c, bold, italic, runs);
      runs.push_back({"\u201D", bold, italic});
    } else if (c->type == XML_ELEMENT_NODE) {
      cannot_edit(c);
    }
  }
}

std::vector<std::string> DraftReader::texts(const xmlNode* parent, const char* name) {
  std::vector<std::string> out;
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (xml::is(c, name)) out.push_back(text(c));
    else if (c->type == XML_ELEMENT_NODE) cannot_edit(c);
  }
  return out;
}

DraftBlock DraftReader::block(const xmlNode* n) {
  DraftBlock b;
  if (xml::is(n, "p") || xml::is(n, "h")) {
    b.kind = xml::is(n, "p") ? DraftBlock::Kind::Paragraph : DraftBlock::Kind::Heading;
    if (xml::is(n, "h") && xml::attribute(n, "level") == "2") cannot_edit(n);
    b.text = marked(n);
  } else if (xml::is(n, "ol") || xml::is(n, "ul")) {
    b.kind = xml::is(n, "ol") ? DraftBlock::Kind::NumberedList : DraftBlock::Kind::BulletList;
    for (const xmlNode* li = n->children; li; li = li->next) {
      if (li->type != XML_ELEMENT_NODE) continue;
      const xmlNode* p = xml::is(li, "li") ? li->children : nullptr;
      while (p && p->type != XML_ELEMENT_NODE) p = p->next;
      const xmlNode* after = p ? p->next : nullptr;
      while (after && after->type != XML_ELEMENT_NODE) after = after->next;
      if (!p || !xml::is(p, "p") || after) {  // one paragraph per item, no nested list
        cannot_edit(after ? after : li);
        continue;
      }
      b.items.push_back(marked(p));
    }
  } else if (xml::is(n, "table")) {
    b.kind = DraftBlock::Kind::Table;
    for (const xmlNode* tr = n->children; tr; tr = tr->next) {
      if (tr->type != XML_ELEMENT_NODE) continue;
      if (!xml::is(tr, "tr")) {
        cannot_edit(tr);
        continue;
      }
      std::vector<std::string> cells;
      for (const xmlNode* cell = tr->children; cell; cell = cell->next) {
        if (cell->type != XML_ELEMENT_NODE) continue;
        // Header cells on the first row only, one column each: what the page's table editor makes.
        const bool header_row = b.rows.empty();
        if (!xml::is(cell, header_row ? "th" : "td") || !xml::attribute(cell, "colspan").empty() ||
            !xml::attribute(cell, "align").empty())
          cannot_edit(cell);
        cells.push_back(marked(cell));
      }
      b.rows.push_back(std::move(cells));
    }
  } else {
    cannot_edit(n);
  }
  return b;
}

void DraftReader::recipients(const xmlNode* n, Draft& d) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (xml::is(c, "recipient")) {
      d.recipients.push_back({{}, {text(c)}});
    } else if (xml::is(c, "group")) {
      d.recipients.push_back({xml::trimmed(text::collapse_whitespace(text::to_nfc(xml::attribute(c, "purpose")))),
                              texts(c, "recipient")});
    } else if (xml::is(c, "archive")) {
      d.archive = text(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      cannot_edit(c);
    }
  }
}

Draft DraftReader::read(const xmlNode* root, Diagnostics& errors) {
  errors_ = &errors;
  Draft d;
  if (!xml::is(root, "document")) {
    refuse(root, "expected <document>, the root of a document's markup");
    return d;
  }
  d.layout = xml::attribute(root, "layout");
  d.type = xml::attribute(root, "type");
  if (!xml::attribute(root, "edition").empty()) refuse(root, "edition= cannot be edited on the compose page");
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (xml::is(c, "urgency")) d.urgency = text(c);
    else if (xml::is(c, "number")) d.number = text(c);
    else if (xml::is(c, "place")) d.place = text(c);
    else if (xml::is(c, "date")) d.date = text(c);
    else if (xml::is(c, "subject")) d.subject = text(c);
    else if (xml::is(c, "to")) d.to = texts(c, "recipient");
    else if (xml::is(c, "recipients")) recipients(c, d);
    else if (xml::is(c, "issuer")) {
      for (const xmlNode* f = c->children; f; f = f->next) {
        if (xml::is(f, "parent")) d.issuer.parent = text(f);
        else if (xml::is(f, "name")) d.issuer.name = text(f);
        else if (xml::is(f, "code")) d.issuer.code = text(f);
        else if (xml::is(f, "unit")) d.issuer.unit = text(f);
        else if (f->type == XML_ELEMENT_NODE) cannot_edit(f);
      }
    } else if (xml::is(c, "body")) {
      for (const xmlNode* b = c->children; b; b = b->next)
        if (b->type == XML_ELEMENT_NODE) d.body.push_back(block(b));
    } else if (xml::is(c, "signature")) {
      for (const xmlNode* f = c->children; f; f = f->next) {
        if (xml::is(f, "authority")) d.signature.authority.push_back(text(f));
        else if (xml::is(f, "role")) d.signature.role = text(f);
        else if (xml::is(f, "signer")) d.signature.signer = text(f);
        else if (f->type == XML_ELEMENT_NODE) cannot_edit(f);
      }
    } else {
      cannot_edit(c);  // secrecy, keywords, cover, unnumbered: not on the compose page
    }
  }
  return d;
}

}  // namespace

Result<Draft> read_draft(std::string_view bytes, const std::string& name) {
  Result<Draft> out;
  XmlDocPtr doc = parse_and_validate(bytes, name, "", out.errors);
  if (!doc) return out;
  Draft d = DraftReader(name).read(xmlDocGetRootElement(doc.get()), out.errors);
  if (out.errors.empty()) out.value = std::move(d);
  return out;
}

}  // namespace vanban
