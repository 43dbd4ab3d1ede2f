#include "serve/draft_markup.h"

#include <algorithm>
#include <cstring>

#include "model/inline_marks.h"
#include "model/xml_escape.h"

namespace vanban::serve {

namespace {

// One line of text per field: line breaks typed into a field become spaces (the markup
// collapses white space anyway), so the line map stays exact.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

std::string inline_xml(std::string_view marked) {
  std::string out;
  for (const TextRun& run : parse_marks(one_line(marked))) {
    if (run.bold) out += "<b>";
    if (run.italic) out += "<i>";
    append_xml_escaped(out, run.text);
    if (run.italic) out += "</i>";
    if (run.bold) out += "</b>";
  }
  return out;
}

bool has_styled_run(std::string_view text) {
  for (const TextRun& run : parse_marks(text))
    if (run.bold || run.italic) return true;
  return false;
}

class Writer {
 public:
  void line(int depth, const std::string& text, const std::string& field = {}) {
    out_.xml.append(2 * depth, ' ');
    out_.xml += text;
    out_.xml += '\n';
    out_.line_fields.push_back(field);
  }
  // <name>escaped text</name>
  void element(int depth, const char* name, std::string_view text, const std::string& field) {
    line(depth, std::string("<") + name + ">" + xml_escaped(one_line(text)) + "</" + name + ">", field);
  }
  // A typed line the layout prints in its own style: checked for marks.
  void plain(int depth, const char* name, std::string_view text, const std::string& field) {
    if (has_styled_run(text)) mark_problem(2 * depth + static_cast<int>(std::strlen(name)) + 3, field);
    element(depth, name, text, field);
  }
  void marked(int depth, const char* name, std::string_view text, const std::string& field) {
    line(depth, std::string("<") + name + ">" + inline_xml(text) + "</" + name + ">", field);
  }
  // A problem at `column` of the next line.
  void mark_problem(int column, const std::string& field) {
    out_.styled_plain_lines.push_back({static_cast<int>(out_.line_fields.size()) + 1, column, field});
  }
  DraftMarkup take() { return std::move(out_); }

 private:
  DraftMarkup out_;
};

void write_block(Writer& w, const DraftBlock& b, const std::string& field) {
  switch (b.kind) {
    case DraftBlock::Kind::Paragraph: w.marked(2, "p", b.text, field); return;
    case DraftBlock::Kind::Heading: w.marked(2, "h", b.text, field); return;
    case DraftBlock::Kind::NumberedList:
    case DraftBlock::Kind::BulletList: {
      const char* tag = b.kind == DraftBlock::Kind::NumberedList ? "ol" : "ul";
      w.line(2, std::string("<") + tag + ">", field);
      for (std::size_t i = 0; i < b.items.size(); ++i)
        w.line(3, "<li><p>" + inline_xml(b.items[i]) + "</p></li>", field + ".items." + std::to_string(i));
      w.line(2, std::string("</") + tag + ">", field);
      return;
    }
    case DraftBlock::Kind::Table:
      w.line(2, "<table>", field);
      for (std::size_t r = 0; r < b.rows.size(); ++r) {
        const std::string row = field + ".rows." + std::to_string(r);
        w.line(3, "<tr>", row);
        for (std::size_t c = 0; c < b.rows[r].size(); ++c)
          w.marked(4, r == 0 ? "th" : "td", b.rows[r][c], row + "." + std::to_string(c));
        w.line(3, "</tr>", row);
      }
      w.line(2, "</table>", field);
      return;
  }
}

}  // namespace

const char* const kStyledPlainLine =
    "dòng này in theo kiểu chữ cố định của bố cục, không in đậm hay nghiêng được: hãy bỏ các dấu * "
    "(chữ **đậm** và *nghiêng* chỉ có trong phần Nội dung)";

std::string DraftMarkup::field_of_line(int line) const {
  for (int i = std::min<int>(line, static_cast<int>(line_fields.size())); i >= 1; --i)
    if (!line_fields[i - 1].empty()) return line_fields[i - 1];
  return {};
}

DraftMarkup draft_to_markup(const Draft& d) {
  Writer w;
  w.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  w.line(0, "<document layout=\"" + xml_escaped(d.layout) + "\" type=\"" + xml_escaped(d.type) + "\">", "type");
  if (!d.urgency.empty()) w.element(1, "urgency", d.urgency, "urgency");
  w.line(1, "<issuer>", "issuer");
  if (!d.issuer.parent.empty()) w.element(2, "parent", d.issuer.parent, "issuer.parent");
  w.element(2, "name", d.issuer.name, "issuer.name");
  w.element(2, "code", d.issuer.code, "issuer.code");
  if (!d.issuer.unit.empty()) w.element(2, "unit", d.issuer.unit, "issuer.unit");
  w.line(1, "</issuer>", "issuer");
  if (!d.number.empty()) w.element(1, "number", d.number, "number");
  w.plain(1, "place", d.place, "place");
  w.element(1, "date", d.date, "date");
  w.plain(1, "subject", d.subject, "subject");
  if (!d.to.empty()) {
    w.line(1, "<to>", "to");
    for (std::size_t i = 0; i < d.to.size(); ++i) w.plain(2, "recipient", d.to[i], "to." + std::to_string(i));
    w.line(1, "</to>", "to");
  }
  w.line(1, "<body>", "body");
  for (std::size_t i = 0; i < d.body.size(); ++i) write_block(w, d.body[i], "body." + std::to_string(i));
  w.line(1, "</body>", "body");
  w.line(1, "<signature>", "signature");
  for (std::size_t i = 0; i < d.signature.authority.size(); ++i)
    w.element(2, "authority", d.signature.authority[i], "signature.authority." + std::to_string(i));
  w.element(2, "role", d.signature.role, "signature.role");
  w.element(2, "signer", d.signature.signer, "signature.signer");
  w.line(1, "</signature>", "signature");
  if (!d.recipients.empty() || !d.archive.empty()) {
    w.line(1, "<recipients>", "recipients");
    for (std::size_t g = 0; g < d.recipients.size(); ++g) {
      const DraftRecipientGroup& group = d.recipients[g];
      const std::string field = "recipients." + std::to_string(g);
      const int depth = group.purpose.empty() ? 2 : 3;
      if (!group.purpose.empty()) {
        if (has_styled_run(group.purpose)) w.mark_problem(21, field + ".purpose");  // after <group purpose="
        w.line(2, "<group purpose=\"" + xml_escaped(one_line(group.purpose)) + "\">", field + ".purpose");
      }
      for (std::size_t n = 0; n < group.names.size(); ++n)
        w.plain(depth, "recipient", group.names[n], field + ".names." + std::to_string(n));
      if (!group.purpose.empty()) w.line(2, "</group>", field);
    }
    if (!d.archive.empty()) w.plain(2, "archive", d.archive, "archive");
    w.line(1, "</recipients>", "recipients");
  }
  w.line(0, "</document>");
  return w.take();
}

}  // namespace vanban::serve
