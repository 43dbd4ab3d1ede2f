#include "input/markup_reader.h"

#include <libxml/tree.h>

#include <bitset>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <optional>

#include "input/safe_xml.h"
#include "input/xml_node.h"
#include "text/unicode.h"
#include "text/utf8_decode.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

using xml::attribute;
using xml::child;
using xml::is;
using xml::is_text;
using xml::str;
using xml::trimmed;

// Whitespace of XML text: collapsed, NFC.
std::string normal(std::string_view raw) { return text::collapse_whitespace(text::to_nfc(raw)); }

// The schema has checked the form of every number: parsing cannot fail.
double number(const std::string& s) {
  double v = 0;
  const std::string t = trimmed(normal(s));
  std::from_chars(t.data() + (t.starts_with('+') ? 1 : 0), t.data() + t.size(), v);
  return v;
}

// A table wider than this cannot be shown on an A4 page; it also bounds the work of layout.
constexpr int kMaxColumns = 64;

// A whole number as the schema writes it ("+02" included), if it lies in [low, high]. Parsed
// exactly, never through a double: "3000000000" must not become an undefined int.
std::optional<int> whole_number(const std::string& s, int low, int high) {
  const std::string t = trimmed(normal(s));
  const char* first = t.data() + (t.starts_with('+') ? 1 : 0);
  const char* last = t.data() + t.size();
  int v = 0;
  const auto [end, ec] = std::from_chars(first, last, v);
  if (ec != std::errc{} || end != last || v < low || v > high) return std::nullopt;
  return v;
}

// One space between words, none at the edges of the block, runs of one style merged.
void tidy(Inlines& runs) {
  bool after_space = true;
  for (TextRun& r : runs) {
    std::string t;
    for (char c : r.text) {
      if (c == ' ' && after_space) continue;
      t += c;
      after_space = c == ' ';
    }
    r.text = std::move(t);
  }
  Inlines out;
  for (TextRun& r : runs) {
    if (r.text.empty()) continue;
    if (!out.empty() && out.back().bold == r.bold && out.back().italic == r.italic)
      out.back().text += r.text;
    else
      out.push_back(std::move(r));
  }
  if (!out.empty() && out.back().text.ends_with(' ')) out.back().text.pop_back();
  if (!out.empty() && out.back().text.empty()) out.pop_back();
  runs = std::move(out);
}

class MarkupReader {
 public:
  MarkupReader(std::string_view bytes, const std::string& name, const ReadOptions& options,
               Diagnostics& errors)
      : bytes_(bytes), name_(name), options_(options), errors_(errors) {}

  Document read(const xmlNode* root);

 private:
  void error(const xmlNode* at, std::string message) {
    errors_.push_back(diagnostic_at(at, name_, std::move(message)));
  }
  void check_drawable(std::string_view nfc, const xmlNode* at);
  // `drawn` = false for metadata that never reaches the page (keywords): no glyph check.
  std::string plain(const xmlNode* element, bool drawn = true);
  std::vector<std::string> plain_children(const xmlNode* element, const char* child,
                                          bool drawn = true);
  void add_inlines(const xmlNode* parent, bool bold, bool italic, Inlines& out);
  Inlines inlines(const xmlNode* element) {
    Inlines out;
    add_inlines(element, false, false, out);
    tidy(out);
    return out;
  }
  Block block(const xmlNode* n);
  std::vector<Block> blocks(const xmlNode* parent);
  Table table(const xmlNode* n);
  Chart chart(const xmlNode* n);
  Recipients recipients(const xmlNode* n);
  std::vector<CoverLine> cover(const xmlNode* n);

  // Code points of the Latin blocks already found drawable: the fonts are asked once for each,
  // not for every character of the document.
  std::bitset<0x2000> drawable_;
  std::string_view bytes_;
  const std::string& name_;
  const ReadOptions& options_;
  Diagnostics& errors_;
};

// The first character of `nfc` the fonts cannot draw, at its own place in the source when it
// is written there as such (not as a reference or decomposed).
void MarkupReader::check_drawable(std::string_view nfc, const xmlNode* at) {
  if (!options_.can_draw) return;
  const auto* p = reinterpret_cast<const unsigned char*>(nfc.data());
  const auto* end = p + nfc.size();
  while (p < end) {
    const char32_t cp = text::next_code_point(p, end);
    const bool remembered = cp < drawable_.size();
    if (remembered && drawable_[cp]) continue;
    if (cp == ' ' || options_.can_draw(cp)) {
      if (remembered) drawable_.set(cp);
      continue;
    }
    const std::string ch = text::to_utf8(std::u32string(1, cp));
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    const std::string message = std::string("character ") + code + " '" + ch +
                                "' cannot be drawn with " +
                                (options_.font_name.empty() ? "the font" : options_.font_name) +
                                "; use Vietnamese letters or change the font";
    const std::size_t start = offset_of(at);
    const std::size_t found = start == std::string_view::npos ? start : bytes_.find(ch, start);
    if (found != std::string_view::npos && is_text(at)) {
      const SourcePosition p = source_text(at->doc).at(found);
      errors_.push_back({name_, p.line, p.column, message});
    } else {
      error(at, message);
    }
    return;
  }
}

std::string MarkupReader::plain(const xmlNode* element, bool drawn) {
  std::string out;
  for (const xmlNode* c = element->children; c; c = c->next) {
    if (!is_text(c)) continue;
    const std::string t = normal(str(c->content));
    if (drawn) check_drawable(t, c);
    out += t;
  }
  return trimmed(text::collapse_whitespace(out));
}

std::vector<std::string> MarkupReader::plain_children(const xmlNode* element, const char* child,
                                                      bool drawn) {
  std::vector<std::string> out;
  for (const xmlNode* c = element->children; c; c = c->next)
    if (is(c, child)) out.push_back(plain(c, drawn));
  return out;
}

void MarkupReader::add_inlines(const xmlNode* parent, bool bold, bool italic, Inlines& out) {
  for (const xmlNode* c = parent->children; c; c = c->next) {
    if (is_text(c)) {
      TextRun run{normal(str(c->content)), bold, italic};
      check_drawable(run.text, c);
      out.push_back(std::move(run));
    } else if (is(c, "b")) {
      add_inlines(c, true, italic, out);
    } else if (is(c, "i")) {
      add_inlines(c, bold, true, out);
    } else if (is(c, "q")) {
      out.push_back({"\u201C", bold, italic});
      add_inlines(c, bold, italic, out);
      out.push_back({"\u201D", bold, italic});
    } else if (is(c, "pct")) {
      const std::string decimals = attribute(c, "decimals");
      if (number(attribute(c, "den")) == 0)
        error(c, "<pct num=\"" + trimmed(normal(attribute(c, "num"))) + "\" den=\"" +
                     trimmed(normal(attribute(c, "den"))) + "\"/> divides by zero; expected a den other than 0");
      out.push_back(
          {text::format_percent(number(attribute(c, "num")), number(attribute(c, "den")),
                                whole_number(decimals, 0, 6).value_or(2)),
           bold, italic});
    }
  }
}

Table MarkupReader::table(const xmlNode* n) {
  Table t;
  const std::string most = std::to_string(kMaxColumns);
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "col")) {
      if (t.column_weights.size() == static_cast<std::size_t>(kMaxColumns))
        error(c, "more than " + most + " <col> in one <table>; a table has at most " + most + " columns");
      else
        t.column_weights.push_back(number(attribute(c, "width")));
    }
    if (!is(c, "tr")) continue;
    TableRow row;
    long long width = 0;
    for (const xmlNode* d = c->children; d; d = d->next) {
      if (!is(d, "td") && !is(d, "th")) continue;
      TableCell cell;
      cell.header = is(d, "th");
      cell.content = inlines(d);
      const std::string align = trimmed(normal(attribute(d, "align")));
      cell.align = align == "right"    ? Align::Right
                   : align == "center" ? Align::Center
                                       : Align::Left;
      const std::string span = attribute(d, "colspan");
      if (!span.empty()) {
        const std::optional<int> columns = whole_number(span, 1, kMaxColumns);
        if (!columns)
          error(d, "colspan=\"" + trimmed(normal(span)) + "\" is too wide; expected a whole number from 1 to " +
                       most + " (a table has at most " + most + " columns)");
        cell.column_span = columns.value_or(1);
      }
      width += cell.column_span;
      if (cell.align == Align::Right && !cell.content.empty()) {
        std::string whole;
        for (const TextRun& r : cell.content) whole += r.text;
        std::string grouped = text::group_digits_if_integer(whole);
        if (grouped != whole)
          cell.content = {
              TextRun{std::move(grouped), cell.content[0].bold, cell.content[0].italic}};
      }
      row.cells.push_back(std::move(cell));
    }
    if (width > kMaxColumns)
      error(c, "this row is " + std::to_string(width) + " columns wide; a table has at most " + most + " columns");
    t.rows.push_back(std::move(row));
  }
  return t;
}

Chart MarkupReader::chart(const xmlNode* n) {
  Chart c;
  c.title = trimmed(normal(attribute(n, "title")));
  check_drawable(c.title, n);
  c.unit = trimmed(normal(attribute(n, "unit")));
  check_drawable(c.unit, n);
  c.maximum = number(attribute(n, "max"));
  const std::string decimals = attribute(n, "decimals");
  if (!decimals.empty()) c.decimals = whole_number(decimals, 0, 3).value_or(c.decimals);
  for (const xmlNode* bar = n->children; bar; bar = bar->next) {
    if (!is(bar, "bar")) continue;
    const std::string value = trimmed(normal(attribute(bar, "value")));
    ChartBar b{trimmed(normal(attribute(bar, "label"))), number(value)};
    check_drawable(b.label, bar);
    // The schema cannot compare two attributes: a bar longer than the scale is refused here.
    if (c.maximum > 0 && b.value > c.maximum)
      error(bar, "attribute value='" + value + "' of <bar> is above max='" +
                     trimmed(normal(attribute(n, "max"))) + "' of <chart>");
    c.bars.push_back(std::move(b));
  }
  return c;
}

Block MarkupReader::block(const xmlNode* n) {
  Block b;
  const SourcePosition at = position_of(n);
  b.source_line = at.line;
  b.source_column = at.column;
  if (is(n, "p") || is(n, "h")) {
    b.kind = is(n, "p") ? Block::Kind::Paragraph : Block::Kind::Heading;
    b.inlines = inlines(n);
    if (trimmed(normal(attribute(n, "level"))) == "2") b.level = 2;
  } else if (is(n, "ol") || is(n, "ul")) {
    b.kind = is(n, "ol") ? Block::Kind::OrderedList : Block::Kind::DashList;
    for (const xmlNode* li = n->children; li; li = li->next)
      if (is(li, "li")) b.items.push_back(ListItem{blocks(li), {}});
  } else if (is(n, "chart")) {
    b.kind = Block::Kind::Chart;
    b.chart = chart(n);
  } else if (is(n, "pagebreak")) {
    b.kind = Block::Kind::PageBreak;
  } else if (is(n, "toc") || is(n, "notes")) {
    b.kind = is(n, "toc") ? Block::Kind::Toc : Block::Kind::Notes;
    b.title = trimmed(normal(attribute(n, "title")));
    check_drawable(b.title, n);
  } else if (is(n, "box")) {
    b.kind = Block::Kind::Box;
    b.title = trimmed(normal(attribute(n, "title")));
    check_drawable(b.title, n);
    b.blocks = blocks(n);
  } else {
    b.kind = Block::Kind::Table;
    b.table = table(n);
  }
  return b;
}

std::vector<Block> MarkupReader::blocks(const xmlNode* parent) {
  std::vector<Block> out;
  for (const xmlNode* c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) out.push_back(block(c));
  return out;
}

Recipients MarkupReader::recipients(const xmlNode* n) {
  Recipients r;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (is(c, "group")) {
      RecipientGroup g{plain_children(c, "recipient"), trimmed(normal(attribute(c, "purpose")))};
      check_drawable(g.purpose, c);
      r.entries.push_back(std::move(g));
    } else if (is(c, "recipient")) {
      r.entries.push_back({{plain(c)}, ""});
    } else if (is(c, "archive")) {
      r.archive = plain(c);
    }
  }
  return r;
}

std::vector<CoverLine> MarkupReader::cover(const xmlNode* n) {
  static constexpr std::pair<const char*, CoverLine::Role> kRoles[] = {
      {"organisation", CoverLine::Role::Organisation}, {"title", CoverLine::Role::Title},
      {"subtitle", CoverLine::Role::Subtitle},         {"issuer", CoverLine::Role::Issuer},
      {"place", CoverLine::Role::Place}};
  std::vector<CoverLine> lines;
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (!is(c, "line")) continue;
    const std::string role = trimmed(normal(attribute(c, "role")));
    CoverLine line{CoverLine::Role::Title, plain(c)};
    for (const auto& [name, value] : kRoles)
      if (role == name) line.role = value;
    lines.push_back(std::move(line));
  }
  return lines;
}

Document MarkupReader::read(const xmlNode* root) {
  Document d;
  d.source_file = name_;
  const SourcePosition p = position_of(root);
  d.line = p.line;
  d.column = p.column;
  d.layout = trimmed(normal(attribute(root, "layout")));
  d.type = trimmed(normal(attribute(root, "type")));
  d.edition = trimmed(normal(attribute(root, "edition")));
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (is(c, "keywords"))
      d.keywords = plain_children(c, "keyword", false);
    else if (is(c, "urgency"))
      d.urgency = plain(c);
    else if (is(c, "secrecy"))
      d.secrecy = plain(c);
    else if (is(c, "number"))
      d.number = plain(c);
    else if (is(c, "unnumbered"))
      d.unnumbered = true;
    else if (is(c, "external-signing"))
      d.external_signing_field = trimmed(normal(attribute(c, "field")));
    else if (is(c, "place"))
      d.place = plain(c);
    else if (is(c, "subject"))
      d.subject = plain(c);
    else if (is(c, "cover"))
      d.cover = cover(c);
    else if (is(c, "to"))
      d.to = plain_children(c, "recipient");
    else if (is(c, "body"))
      d.body = blocks(c);
    else if (is(c, "recipients"))
      d.recipients = recipients(c);
    else if (is(c, "date")) {
      const std::string text = plain(c);
      if (auto date = parse_iso_date(text))
        d.date = *date;
      else
        error(c, "date '" + text + "' does not exist; expected YYYY-MM-DD");
    } else if (is(c, "issuer")) {
      for (const xmlNode* f = c->children; f; f = f->next) {
        if (is(f, "parent")) d.issuer.parent = plain(f);
        if (is(f, "name")) d.issuer.name = plain(f);
        if (is(f, "code")) d.issuer.code = plain(f);
        if (is(f, "unit")) d.issuer.unit = plain(f);
      }
    } else if (is(c, "signature")) {
      for (const xmlNode* f = c->children; f; f = f->next) {
        if (is(f, "authority")) d.signature.authority.push_back(plain(f));
        if (is(f, "role")) d.signature.role = plain(f);
        if (is(f, "signer")) d.signature.signer = plain(f);
      }
    }
  }
  return d;
}

}  // namespace

Result<Document> read_document(const std::string& path, const ReadOptions& options) {
  return read_file_with<Document>(
      path, [&](std::string_view bytes) { return read_document_bytes(bytes, path, options); });
}

Result<Document> read_document_bytes(std::string_view bytes, const std::string& name,
                                     const ReadOptions& options) {
  return read_validated<Document>(bytes, name, options.schema_path, [&](const xmlNode* root, Diagnostics& errors) {
    return MarkupReader(bytes, name, options, errors).read(root);
  });
}

}  // namespace vanban
