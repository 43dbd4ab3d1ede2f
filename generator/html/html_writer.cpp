#include "html/html_writer.h"

#include <algorithm>

#include "html/html_style.h"
#include "html/html_text.h"
#include "html/kept_html.h"
#include "profile/chart_labels.h"

namespace vanban {

namespace {

using html::append_escaped;
using html::append_number;

std::size_t text_size(const Inlines& inlines) {
  std::size_t n = 0;
  for (const auto& run : inlines) n += run.text.size() + 20;
  return n;
}

std::size_t text_size(const std::vector<Block>& blocks) {
  std::size_t n = 0;
  for (const auto& block : blocks) {
    n += text_size(block.inlines) + 16;
    for (const auto& item : block.items) n += text_size(item.blocks) + 48;
    for (const auto& row : block.table.rows) {
      for (const auto& cell : row.cells) n += text_size(cell.content) + 24;
    }
  }
  return n;
}

// Charts are drawn in an SVG whose user unit is 1 pt of the text column, from the geometry that
// layout measured with the real fonts (ResolvedDocument::charts), so it is the PDF's picture.
constexpr const char* kBarFill = "#99a8bd";
constexpr const char* kGridColor = "#b8b8b8";
// The smallest share of its printed size a chart is shown at: its 11 pt labels stay above 10 px.
constexpr double kChartMinScale = 0.7;

// Appends the page to one string; every document string passes through append_escaped.
class HtmlBuilder {
 public:
  // A resolved document always has its profile (resolve() sets it).
  HtmlBuilder(const ResolvedDocument& doc, std::string& out)
      : doc_(doc), profile_(*doc.profile), out_(out) {}

  void page(const HtmlSheet& sheet) {
    head();
    out_ += "<body>\n";
    append_sheet(out_, sheet, kPageText);
    out_ += "</body>\n</html>\n";
  }

  // The sheet's parts, each written into `out_` and taken from it in turn.
  HtmlSheet sheet() {
    HtmlSheet parts;
    auto take = [this](std::string& part, std::size_t next_size) {
      part = std::move(out_);
      out_.clear();
      out_.reserve(next_size);
    };
    // Text roughly doubles with its tags.
    const std::size_t text_bytes = 1024 + text_size(doc_.body) + 64 * doc_.recipients.size();
    out_.clear();
    if (doc_.cover.empty()) {
      header();
      take(parts.before_text, text_bytes);
      title();
    } else {
      cover();
      take(parts.before_text, text_bytes);
    }
    addresses();
    out_ += "<div class=\"content\">\n";
    // Headings the contents list get the ids its links point to.
    for (std::size_t i = 0, next = 0; i < doc_.body.size(); ++i) {
      const bool listed = next < doc_.contents.size() && doc_.contents[next].block == i;
      if (listed) ++next;
      block(doc_.body[i], 0, nullptr, listed ? static_cast<int>(next) : 0);
    }
    out_ += "</div>\n";
    take(parts.text, 1024);
    footer();
    take(parts.after_text, 0);
    return parts;
  }

  // The element that holds the sheet's text: <main> on a page of its own, a <div> inside a site
  // page's <article>.
  struct TextElement {
    std::string_view open, close;
  };
  static constexpr TextElement kPageText{"<main>\n", "</main>\n"};
  static constexpr TextElement kSiteText{"<div class=\"doc-body\">\n", "</div>\n"};

  static void append_sheet(std::string& out, const HtmlSheet& sheet, TextElement element) {
    out += "<div class=\"sheet\">\n";
    out += sheet.before_text;
    out += element.open;
    out += sheet.text;
    out += element.close;
    out += sheet.after_text;
    out += "</div>\n";
  }

 private:
  void text(std::string_view s) { append_escaped(out_, s); }

  void meta(const char* name, const std::string& content) {
    if (content.empty()) return;
    out_ += "<meta name=\"";
    out_ += name;
    out_ += "\" content=\"";
    text(content);
    out_ += "\">\n";
  }

  void head() {
    out_ +=
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    text(doc_.info.title);
    out_ += "</title>\n";
    meta("author", doc_.info.author);
    meta("description", doc_.info.subject);
    meta("keywords", doc_.info.keywords);
    out_ += "<style>\n";
    html::append_stylesheet(out_, profile_);
    out_ += "</style>\n</head>\n";
  }

  void open(const char* tag, const StyledText& t, const char* css_class = nullptr) {
    out_ += '<';
    out_ += tag;
    if (css_class) {
      out_ += " class=\"";
      out_ += css_class;
      out_ += '"';
    }
    out_ += " style=\"";
    html::append_font(out_, t.style);
    out_ += "\">";
  }

  void close(const char* tag) {
    out_ += "</";
    out_ += tag;
    out_ += ">\n";
  }

  // Short-measure text (header, titles, signature): what layout keeps on one line (names, dates,
  // a number and its unit) goes in nested inline blocks (html/kept_html.h), so the browser
  // breaks these lines where the PDF does, and a phone's narrow column still wraps inside a
  // name too long for it, between its parts.
  void kept_text(std::string_view s) {
    if (!doc_.keep_together) return text(s);
    append_kept_html(out_, s, *doc_.keep_together);
  }

  // <tag style>text</tag>; nothing for an empty text.
  void styled(const char* tag, const StyledText& t, const char* css_class = nullptr) {
    if (t.empty()) return;
    open(tag, t, css_class);
    kept_text(t.text);
    close(tag);
  }

  // An issuer line broken where the PDF's header broke it: the browser's own balancing of the
  // name's kept phrases differs ("ỦY BAN MTTQ / VIỆT NAM TỈNH ..."); a phone still wraps each line.
  void issuer_line(std::size_t i) {
    const StyledText& t = doc_.issuer_lines[i];
    if (i >= doc_.issuer_breaks.size() || doc_.issuer_breaks[i].size() < 2) return styled("p", t);
    open("p", t);
    for (std::size_t j = 0; j < doc_.issuer_breaks[i].size(); ++j) {
      if (j > 0) out_ += "<br>";
      kept_text(doc_.issuer_breaks[i][j]);
    }
    close("p");
  }

  void rule(double share) {
    out_ += "<span class=\"rule\" style=\"width:";
    append_number(out_, share * 100);
    out_ += "%\"></span>";
  }

  // A line with a rule under it, `share` of the text's width.
  void ruled(const StyledText& t, double share) {
    open("p", t);
    out_ += "<span class=\"ruled\">";
    kept_text(t.text);
    rule(share);
    out_ += "</span>";
    close("p");
  }

  void boxed(const StyledText& t) {
    if (t.empty()) return;
    open("p", t);
    out_ += "<span class=\"box\">";
    text(t.text);
    out_ += "</span>";
    close("p");
  }

  // Grid cells in order: issuer | title, then number ... | place-date.
  void header() {
    const HeaderSetup& setup = profile_.header;
    // The issuer cell shrinks to its widest line, the measure of the rule under it (as in
    // the PDF).
    out_ += "<header class=\"doc-header\">\n<div class=\"issuer\">\n";
    for (std::size_t i = 0; i < doc_.issuer_lines.size(); ++i) issuer_line(i);
    styled("p", doc_.issuer_mark);
    if (setup.issuer_rule > 0) rule(setup.issuer_rule);
    out_ += "</div>\n<div class=\"national\">\n";
    for (std::size_t i = 0; i < doc_.title_lines.size(); ++i) {
      const StyledText& line = doc_.title_lines[i];
      if (i + 1 == doc_.title_lines.size() && setup.rule_under_title) {
        ruled(line, 1);
      } else {
        styled("p", line);
      }
    }
    out_ += "</div>\n<div class=\"number\">\n";
    styled("p", doc_.number);
    styled("p", doc_.letter_subject, "letter-subject");
    boxed(doc_.urgency);
    boxed(doc_.secrecy);
    out_ += "</div>\n<div class=\"place-date\">\n";
    styled("p", doc_.place_date);
    out_ += "</div>\n</header>\n";
  }

  // The type name is the h1 and the subject its subtitle. A công văn has no type name: its
  // h1 is the trích yếu (already visible in the header), hidden from sight but not from
  // screen readers and outlines.
  void title() {
    if (!doc_.type_name.empty()) {
      out_ += "<hgroup>\n";
      styled("h1", doc_.type_name);
      if (!doc_.subject.empty()) {
        if (profile_.header.subject_rule > 0) {
          ruled(doc_.subject, profile_.header.subject_rule);
        } else {
          styled("p", doc_.subject);
        }
      }
      out_ += "</hgroup>\n";
      return;
    }
    const std::string& hidden =
        doc_.letter_subject.empty() ? doc_.info.title : doc_.letter_subject.text;
    if (hidden.empty()) return;
    out_ += "<h1 class=\"vh\">";
    text(hidden);
    out_ += "</h1>\n";
  }

  // A booklet's cover instead of the official header: its title line is the page's h1.
  void cover() {
    out_ += "<header class=\"cover\">\n";
    for (const ResolvedCoverLine& line : doc_.cover) {
      switch (line.role) {
        case CoverLine::Role::Organisation: styled("p", line.text, "cover-organisation"); break;
        case CoverLine::Role::Title: styled("h1", line.text, "cover-title"); break;
        case CoverLine::Role::Subtitle: styled("p", line.text, "cover-subtitle"); break;
        case CoverLine::Role::Issuer: styled("p", line.text, "cover-issuer"); break;
        case CoverLine::Role::Place: styled("p", line.text, "cover-place"); break;
      }
    }
    out_ += "</header>\n";
  }

  void addresses() {
    if (doc_.address_label.empty() && doc_.addresses.empty()) return;
    out_ += "<div class=\"to\">\n";
    styled("p", doc_.address_label);
    if (!doc_.addresses.empty()) {
      out_ += "<ul>\n";
      for (const auto& address : doc_.addresses) styled("li", address);
      out_ += "</ul>\n";
    }
    out_ += "</div>\n";
  }

  // `kept`: a table cell's narrow measure, where names hold together as in the PDF's tables.
  void inlines(const Inlines& runs, bool kept = false) {
    for (const auto& run : runs) {
      if (run.bold) out_ += "<strong>";
      if (run.italic) out_ += "<em>";
      if (kept) {
        kept_text(run.text);
      } else {
        text(run.text);
      }
      if (run.italic) out_ += "</em>";
      if (run.bold) out_ += "</strong>";
    }
  }

  void marker(const std::string& m) {
    out_ += "<span class=\"marker\">";
    text(m);
    out_ += "</span> ";
  }

  // `list_depth` counts the lists around the blocks, for the markers of nested lists.
  void blocks(const std::vector<Block>& list, int list_depth) {
    for (const auto& b : list) block(b, list_depth, nullptr);
  }

  // `lead` is the marker of the list item this block opens: inside the first line of a
  // paragraph, so that it takes the paragraph's indent as in the PDF; else on a line of its own.
  // `contents_number` > 0: the heading is that entry of the contents.
  void block(const Block& b, int list_depth, const std::string* lead, int contents_number = 0) {
    switch (b.kind) {
      case Block::Kind::Paragraph:
        out_ += "<p>";
        if (lead) marker(*lead);
        inlines(b.inlines);
        close("p");
        return;
      case Block::Kind::Heading:
        if (lead) lone_marker(*lead);
        if (b.level == 2) {
          out_ += "<h3>";
          inlines(b.inlines);
          close("h3");
          return;
        }
        if (contents_number > 0) {
          out_ += "<h2 id=\"muc-" + std::to_string(contents_number) + "\">";
        } else {
          out_ += "<h2>";
        }
        inlines(b.inlines);
        close("h2");
        return;
      case Block::Kind::PageBreak:
        out_ += "<div class=\"page-break\"></div>\n";
        return;
      case Block::Kind::Toc:
        toc(b.title);
        return;
      case Block::Kind::Box:
        if (lead) lone_marker(*lead);
        out_ += "<aside class=\"frame\">\n";
        if (!b.title.empty()) {
          out_ += "<p class=\"frame-title\">";
          text(b.title);
          out_ += "</p>\n";
        }
        blocks(b.blocks, list_depth);
        out_ += "</aside>\n";
        return;
      case Block::Kind::Notes:
        out_ += "<section class=\"notes\">\n<h2>";
        text(b.title);
        out_ += "</h2>\n<div class=\"note-lines\"></div>\n</section>\n";
        return;
      case Block::Kind::OrderedList:
      case Block::Kind::DashList:
        if (lead) lone_marker(*lead);
        list(b, list_depth);
        return;
      case Block::Kind::Table:
        if (lead) lone_marker(*lead);
        table(b.table);
        return;
      case Block::Kind::Chart:
        if (lead) lone_marker(*lead);
        chart_figure(b.chart, doc_.charts.at(chart_count_++));
        return;
    }
  }

  // The contents link to the headings; a page on screen has no page numbers.
  void toc(const std::string& title) {
    out_ += "<nav class=\"toc\">\n<h2>";
    text(title);
    out_ += "</h2>\n<ol>\n";
    for (std::size_t i = 0; i < doc_.contents.size(); ++i) {
      const ContentsEntry& entry = doc_.contents[i];
      out_ += "<li><a href=\"#muc-" + std::to_string(i + 1) + "\">";
      inlines(doc_.body[entry.block].inlines);
      out_ += "</a></li>\n";
    }
    out_ += "</ol>\n</nav>\n<div class=\"page-break\"></div>\n";
  }

  void lone_marker(const std::string& m) {
    out_ += "<p>";
    marker(m);
    close("p");
  }

  void list(const Block& b, int list_depth) {
    const char* tag = b.kind == Block::Kind::OrderedList ? "ol" : "ul";
    out_ += '<';
    out_ += tag;
    out_ += ">\n";
    for (const ListItem& item : b.items) {
      const std::string& m = item.marker;
      out_ += "<li>";
      if (item.blocks.empty()) lone_marker(m);
      for (std::size_t k = 0; k < item.blocks.size(); ++k) {
        block(item.blocks[k], list_depth + 1, k == 0 ? &m : nullptr);
      }
      close("li");
    }
    close(tag);
  }

  // `whole`: the PDF's column keeps its soft phrases whole, and so does the page ("keep").
  void cell(const TableCell& c, const char* tag, const char* scope, bool whole) {
    out_ += '<';
    out_ += tag;
    if (scope) {
      out_ += " scope=\"";
      out_ += scope;
      out_ += '"';
    }
    if (c.column_span > 1) {
      out_ += " colspan=\"";
      out_ += std::to_string(c.column_span);
      out_ += '"';
    }
    std::string classes = c.align == Align::Center ? "al-c" : c.align == Align::Right ? "al-r" : "";
    if (whole) classes += classes.empty() ? "keep" : " keep";
    if (!classes.empty()) out_ += " class=\"" + classes + "\"";
    out_ += '>';
    inlines(c.content, true);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }

  // In a box of its own that scrolls sideways when the screen is narrower than the table.
  void table(const Table& t) {
    out_ += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\">\n<table>\n";
    const int columns = t.column_count();
    const std::size_t index = table_count_++;
    const std::vector<bool> none;
    const std::vector<bool>& whole = index < doc_.tables.size() ? doc_.tables[index].whole_soft_phrases : none;
    double total = 0;
    for (double w : t.column_weights) total += w > 0 ? w : 0;
    if (static_cast<int>(t.column_weights.size()) == columns && total > 0) {
      out_ += "<colgroup>";
      for (double w : t.column_weights) {
        out_ += "<col style=\"width:";
        append_number(out_, (w > 0 ? w : 0) * 100 / total);
        out_ += "%\">";
      }
      out_ += "</colgroup>\n";
    }
    const int header_rows = t.header_row_count();
    for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
      if (r == 0 && header_rows > 0) out_ += "<thead>\n";
      if (r == header_rows) out_ += "<tbody>\n";
      const bool in_head = r < header_rows;
      // A group's heading row is printed with its first member row (as in the PDF).
      out_ += !in_head && r + 1 < static_cast<int>(t.rows.size()) && t.rows[r].heads_group(columns)
                  ? "<tr class=\"group-head\">"
                  : "<tr>";
      std::size_t col = 0;
      for (const auto& c : t.rows[r].cells) {
        const bool keep = c.column_span <= 1 && col < whole.size() && whole[col];
        if (in_head) {
          cell(c, "th", "col", keep);
        } else {
          cell(c, c.header ? "th" : "td", c.header ? "row" : nullptr, keep);
        }
        col += static_cast<std::size_t>(std::max(1, c.column_span));
      }
      out_ += "</tr>\n";
      if (r + 1 == header_rows) out_ += "</thead>\n";
    }
    if (static_cast<int>(t.rows.size()) > header_rows) out_ += "</tbody>\n";
    out_ += "</table>\n</div>\n";
  }

  void svg_line(double x1, double y1, double x2, double y2, double width, const char* color) {
    out_ += "<line x1=\"";
    append_number(out_, x1);
    out_ += "\" y1=\"";
    append_number(out_, y1);
    out_ += "\" x2=\"";
    append_number(out_, x2);
    out_ += "\" y2=\"";
    append_number(out_, y2);
    out_ += "\" stroke=\"";
    out_ += color;
    out_ += "\" stroke-width=\"";
    append_number(out_, width);
    out_ += "\"></line>\n";
  }

  // <text x y [anchor] [size]>s</text>; `halo`: on a white outline, so that gridlines never
  // run through it.
  void svg_text(double x, double y, std::string_view s, const char* anchor, double size = 0,
                bool halo = false) {
    out_ += "<text x=\"";
    append_number(out_, x);
    out_ += "\" y=\"";
    append_number(out_, y);
    out_ += '"';
    if (halo)
      out_ +=
          " stroke=\"#fff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    if (anchor) {
      out_ += " text-anchor=\"";
      out_ += anchor;
      out_ += '"';
    }
    if (size > 0) {
      out_ += " font-size=\"";
      append_number(out_, size);
      out_ += '"';
    }
    out_ += '>';
    text(s);
    out_ += "</text>\n";
  }

  // A figure: the title as its caption, the bars as an SVG image, and the same figures as a
  // table that only screen readers see. Labels are anchored at the end and scale labels at the
  // middle, so that they stay in place should the browser substitute another face.
  void chart_figure(const Chart& c, const ChartGeometry& g) {
    out_ += "<figure class=\"chart\">\n<figcaption>";
    text(c.title);
    // On a phone the picture would shrink its labels below reading size: it keeps at least
    // kChartMinScale of its printed size and scrolls sideways in its own box, as a table does.
    out_ += "</figcaption>\n<div class=\"chart-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"";
    text(c.title);
    out_ += "\"><svg style=\"min-width:";
    append_number(out_, g.width * kChartMinScale);
    out_ += "pt\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"";
    text(c.title);
    out_ += "\" viewBox=\"0 0 ";
    append_number(out_, g.width);
    out_ += ' ';
    append_number(out_, g.height);
    // A browser's glyphs may overhang the measured widths by a pixel: let them show.
    out_ += "\" width=\"100%\" overflow=\"visible\" font-size=\"";
    append_number(out_, profile_.style(Element::TableText).size);
    out_ += "\"><title>";
    text(c.title);
    out_ += "</title>\n";
    for (const ChartLine& l : g.lines) svg_line(l.x1, l.y1, l.x2, l.y2, l.width, l.grid ? kGridColor : "#000");
    for (const ChartText& t : g.scale) svg_text(t.x + t.width / 2, t.baseline, t.text, "middle", t.size);
    for (const ChartText& t : g.labels) svg_text(t.x + t.width, t.baseline, t.text, "end", t.size);
    for (const ChartRect& r : g.bars) {
      out_ += "<rect x=\"";
      append_number(out_, r.x);
      out_ += "\" y=\"";
      append_number(out_, r.y);
      out_ += "\" width=\"";
      append_number(out_, r.width);
      out_ += "\" height=\"";
      append_number(out_, r.height);
      out_ += "\" fill=\"";
      out_ += kBarFill;
      out_ += "\" stroke=\"#000\" stroke-width=\"0.5\"></rect>\n";
    }
    for (const ChartText& t : g.values) svg_text(t.x, t.baseline, t.text, nullptr, t.size, true);
    out_ += "</svg></div>\n<table class=\"vh\">\n<caption>";
    text(c.title);
    out_ += "</caption>\n<tbody>\n";
    for (const ChartBar& bar : c.bars) {
      out_ += "<tr><th scope=\"row\">";
      text(bar.label);
      out_ += "</th><td>";
      text(chart_value_text(bar.value, c));
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody>\n</table>\n</figure>\n";
  }

  // The signature comes first in reading order; CSS puts it in the right half.
  void footer() {
    if (!doc_.has_closing()) return;
    out_ += "<footer class=\"doc-footer\">\n";
    if (doc_.has_signature()) {
      out_ += "<div class=\"signature\">\n";
      for (const StyledText& line : doc_.authority) styled("p", line);
      styled("p", doc_.role);
      out_ += "<div class=\"signing-space\"></div>\n";
      styled("p", doc_.signer);
      out_ += "</div>\n";
    }
    if (doc_.has_recipients()) recipients();
    out_ += "</footer>\n";
  }

  // The item prefix ("- ") in a box of its own, so that a wrapped line hangs after it.
  void line_items(const std::vector<std::string>& lines) {
    const std::string& prefix = profile_.recipients.item_prefix;
    for (const auto& line : lines) {
      out_ += "<li>";
      if (!prefix.empty() && line.compare(0, prefix.size(), prefix) == 0) {
        out_ += "<span class=\"item-prefix\">";
        text(prefix);
        out_ += "</span><span>";
        text(std::string_view(line).substr(prefix.size()));
        out_ += "</span>";
      } else {
        text(line);
      }
      out_ += "</li>\n";
    }
  }

  void recipients() {
    out_ += "<div class=\"recipients\">\n";
    styled("p", doc_.recipients_label);
    out_ += "<ul>\n";
    for (const auto& r : doc_.recipients) {
      if (r.purpose.empty()) {
        line_items(r.lines);
        continue;
      }
      out_ += "<li class=\"group\"><ul>\n";
      line_items(r.lines);
      out_ +=
          "</ul><span class=\"brace\" aria-hidden=\"true\"><span class=\"up\"></span>"
          "<span class=\"down\"></span></span><span class=\"purpose\">";
      text(r.purpose);
      out_ += "</span></li>\n";
    }
    out_ += "</ul>\n</div>\n";
  }

  const ResolvedDocument& doc_;
  const Profile& profile_;
  std::string& out_;
  std::size_t chart_count_ = 0;  // charts so far: the index of the next one's geometry
  std::size_t table_count_ = 0;  // tables so far: the index of the next one's soft columns
};

}  // namespace

HtmlSheet build_html_sheet(const ResolvedDocument& doc) {
  std::string scratch;
  return HtmlBuilder(doc, scratch).sheet();
}

std::string write_html(const ResolvedDocument& doc, const HtmlSheet& sheet) {
  std::string out;
  // The stylesheet and head are about 8 KiB.
  out.reserve(8 * 1024 + sheet.before_text.size() + sheet.text.size() + sheet.after_text.size());
  HtmlBuilder(doc, out).page(sheet);
  return out;
}

std::string write_html(const ResolvedDocument& doc) { return write_html(doc, build_html_sheet(doc)); }

std::string site_sheet(const HtmlSheet& sheet) {
  std::string out;
  out.reserve(64 + sheet.before_text.size() + sheet.text.size() + sheet.after_text.size());
  HtmlBuilder::append_sheet(out, sheet, HtmlBuilder::kSiteText);
  return out;
}

}  // namespace vanban
