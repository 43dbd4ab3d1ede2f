#include "html/html_writer.h"

#include <algorithm>

#include "html/html_style.h"
#include "html/html_text.h"
#include "profile/chart_labels.h"
#include "text/unicode.h"
#include "text/vietnamese_format.h"

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

// Charts are drawn in an SVG whose user unit is 1 pt of the text column, with the geometry of
// layout/chart_layout.cpp. The browser measures the text, this writer cannot: labels and values
// are given an estimated width, generous so that nothing is clipped.
namespace chart {
constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kLineHeight = 1.25;  // of the text size, as single spacing * 1.1 in the PDF
constexpr double kRowGap = 5;
constexpr double kLabelGap = 6;
constexpr double kValueGap = 4;
constexpr double kTickLength = 3;
constexpr double kBarShare = 0.85;
constexpr double kScaleShare = 0.85;
constexpr double kMaxLabelShare = 0.4;
constexpr double kBaselineShift = 0.34;  // of the size: centres letters on a row's middle
constexpr double kAscent = 0.89, kDescent = 0.22;
constexpr const char* kBarFill = "#99a8bd";
constexpr const char* kGridColor = "#b8b8b8";

// In em: a space is narrow, other letters and digits rarely pass 0.55 em in a serif face.
double estimated_width(std::string_view s, double size) {
  double em = 0;
  for (char32_t cp : text::to_u32(s)) em += cp == U' ' ? 0.25 : 0.55;
  return em * size;
}

// Greedy lines of at most `width` (a longer word stands alone): SVG text does not wrap.
std::vector<std::string> wrap(const std::string& label, double size, double width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= label.size()) {
    std::size_t end = label.find(' ', start);
    if (end == std::string::npos) end = label.size();
    const std::string word = label.substr(start, end - start);
    if (!lines.empty() && estimated_width(lines.back() + ' ' + word, size) <= width)
      lines.back() += ' ' + word;
    else
      lines.push_back(word);
    start = end + 1;
  }
  return lines;
}
}  // namespace chart

// Appends the page to one string; every document string passes through append_escaped.
class HtmlBuilder {
 public:
  // A resolved document always has its profile (resolve() sets it).
  HtmlBuilder(const ResolvedDocument& doc, std::string& out)
      : doc_(doc), profile_(*doc.profile), out_(out) {}

  void build() {
    head();
    out_ += "<body>\n<div class=\"sheet\">\n";
    if (doc_.cover.empty()) {
      header();
      out_ += "<main>\n";
      title();
    } else {
      cover();
      out_ += "<main>\n";
    }
    addresses();
    out_ += "<div class=\"content\">\n";
    blocks(doc_.body, 0);
    out_ += "</div>\n</main>\n";
    footer();
    out_ += "</div>\n</body>\n</html>\n";
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

  // <tag style>text</tag>; nothing for an empty text.
  void styled(const char* tag, const StyledText& t, const char* css_class = nullptr) {
    if (t.empty()) return;
    open(tag, t, css_class);
    text(t.text);
    close(tag);
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
    text(t.text);
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
    for (const auto& line : doc_.issuer_lines) styled("p", line);
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

  void inlines(const Inlines& runs) {
    for (const auto& run : runs) {
      if (run.bold) out_ += "<strong>";
      if (run.italic) out_ += "<em>";
      text(run.text);
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
  void block(const Block& b, int list_depth, const std::string* lead) {
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
        if (list_depth == 0 && box_depth_ == 0) {
          // Top-level headings are what the table of contents links to.
          out_ += "<h2 id=\"muc-" + std::to_string(++heading_count_) + "\">";
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
        ++box_depth_;
        blocks(b.blocks, list_depth);
        --box_depth_;
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
        chart_figure(b.chart);
        return;
    }
  }

  // The contents link to the headings; a page on screen has no page numbers.
  void toc(const std::string& title) {
    out_ += "<nav class=\"toc\">\n<h2>";
    text(title);
    out_ += "</h2>\n<ol>\n";
    int n = 0;
    for (const Block& b : doc_.body) {
      if (b.kind != Block::Kind::Heading || b.level != 1) continue;
      out_ += "<li><a href=\"#muc-" + std::to_string(++n) + "\">";
      inlines(b.inlines);
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
    const bool ordered = b.kind == Block::Kind::OrderedList;
    const char* tag = ordered ? "ol" : "ul";
    out_ += '<';
    out_ += tag;
    out_ += ">\n";
    for (std::size_t i = 0; i < b.items.size(); ++i) {
      const std::string m = list_marker(profile_, ordered, list_depth, static_cast<int>(i));
      const auto& item = b.items[i];
      out_ += "<li>";
      if (item.blocks.empty()) lone_marker(m);
      for (std::size_t k = 0; k < item.blocks.size(); ++k) {
        block(item.blocks[k], list_depth + 1, k == 0 ? &m : nullptr);
      }
      close("li");
    }
    close(tag);
  }

  void cell(const TableCell& c, const char* tag, const char* scope) {
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
    if (c.align == Align::Center) out_ += " class=\"al-c\"";
    if (c.align == Align::Right) out_ += " class=\"al-r\"";
    out_ += '>';
    inlines(c.content);
    out_ += "</";
    out_ += tag;
    out_ += '>';
  }

  void table(const Table& t) {
    out_ += "<table>\n";
    const int columns = t.column_count();
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
      out_ += "<tr>";
      for (const auto& c : t.rows[r].cells) {
        if (in_head) {
          cell(c, "th", "col");
        } else {
          cell(c, c.header ? "th" : "td", c.header ? "row" : nullptr);
        }
      }
      out_ += "</tr>\n";
      if (r + 1 == header_rows) out_ += "</thead>\n";
    }
    if (static_cast<int>(t.rows.size()) > header_rows) out_ += "</tbody>\n";
    out_ += "</table>\n";
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
  // table that only screen readers see.
  void chart_figure(const Chart& c) {
    using namespace chart;
    const PageSetup& page = profile_.page;
    const double width = (page.width - page.left - page.right) * kPtPerMm;
    const double size = profile_.style(Element::TableText).size;
    const double line_height = size * kLineHeight;

    const double scale_end = chart_scale_end(c);
    double label_width = 0, value_width = 0;
    for (const ChartBar& bar : c.bars) {
      label_width = std::max(label_width, estimated_width(bar.label, size));
      value_width = std::max(value_width, estimated_width(chart_value_text(bar.value, c), size));
    }
    label_width = std::min(label_width, width * kMaxLabelShare);
    std::vector<std::vector<std::string>> labels;
    for (const ChartBar& bar : c.bars) labels.push_back(wrap(bar.label, size, label_width));
    for (const auto& lines : labels)  // a word longer than the column widens it
      for (const std::string& line : lines)
        label_width = std::max(label_width, estimated_width(line, size));
    const double scale_size = size * kScaleShare;
    const double plot_x = label_width + kLabelGap;
    const double last_scale_half = estimated_width(chart_scale_text(scale_end, c), scale_size) / 2;
    const double plot_width =
        std::max(0.0, width - plot_x - std::max(kValueGap + value_width, last_scale_half));
    double plot_bottom = 0;
    for (const auto& lines : labels)
      plot_bottom += std::max<double>(lines.size(), 1) * line_height + kRowGap;
    const double scale_baseline = plot_bottom + kTickLength + 1 + kAscent * scale_size;
    const double height = scale_baseline + kDescent * scale_size;

    out_ += "<figure style=\"margin:0 0 ";
    append_number(out_, profile_.body.paragraph_space);
    out_ += "pt;break-inside:avoid\">\n<figcaption style=\"font-weight:bold;text-align:center\">";
    text(c.title);
    out_ += "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"";
    text(c.title);
    out_ += "\" viewBox=\"0 0 ";
    append_number(out_, width);
    out_ += ' ';
    append_number(out_, height);
    out_ += "\" width=\"100%\" font-size=\"";
    append_number(out_, size);
    out_ += "\" style=\"display:block;margin-top:6pt\"><title>";
    text(c.title);
    out_ += "</title>\n";
    for (int k = 0; k <= 4; ++k) {
      const double x = plot_x + plot_width * k / 4;
      svg_line(x, 0, x, plot_bottom, k == 0 ? 0.6 : 0.4, k == 0 ? "#000" : kGridColor);
      svg_line(x, plot_bottom, x, plot_bottom + kTickLength, 0.5, "#000");
      svg_text(x, scale_baseline, chart_scale_text(scale_end * k / 4, c), "middle", scale_size);
    }
    svg_line(plot_x, plot_bottom, plot_x + plot_width, plot_bottom, 0.5, "#000");
    double top = kRowGap / 2;
    for (std::size_t i = 0; i < c.bars.size(); ++i) {
      const ChartBar& bar = c.bars[i];
      const double row_height = std::max<double>(labels[i].size(), 1) * line_height;
      const double middle = top + row_height / 2;
      double y = middle - (labels[i].size() - 1) * line_height / 2 + kBaselineShift * size;
      for (const std::string& line : labels[i]) {
        svg_text(label_width, y, line, "end");
        y += line_height;
      }
      const double length = plot_width * std::clamp(bar.value / scale_end, 0.0, 1.0);
      out_ += "<rect x=\"";
      append_number(out_, plot_x);
      out_ += "\" y=\"";
      append_number(out_, middle - size * kBarShare / 2);
      out_ += "\" width=\"";
      append_number(out_, length);
      out_ += "\" height=\"";
      append_number(out_, size * kBarShare);
      out_ += "\" fill=\"";
      out_ += kBarFill;
      out_ += "\" stroke=\"#000\" stroke-width=\"0.5\"></rect>\n";
      svg_text(plot_x + length + kValueGap, middle + kBaselineShift * size,
               chart_value_text(bar.value, c), nullptr, 0, true);
      top += row_height + kRowGap;
    }
    out_ += "</svg>\n<table class=\"vh\">\n<caption>";
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
    const bool has_signature =
        !doc_.authority.empty() || !doc_.role.empty() || !doc_.signer.empty();
    const bool has_recipients = !doc_.recipients_label.empty() || !doc_.recipients.empty();
    if (!has_signature && !has_recipients) return;
    out_ += "<footer class=\"doc-footer\">\n";
    if (has_signature) {
      out_ += "<div class=\"signature\">\n";
      for (const StyledText& line : doc_.authority) styled("p", line);
      styled("p", doc_.role);
      out_ += "<div class=\"signing-space\"></div>\n";
      styled("p", doc_.signer);
      out_ += "</div>\n";
    }
    if (has_recipients) recipients();
    out_ += "</footer>\n";
  }

  void line_items(const std::vector<std::string>& lines) {
    for (const auto& line : lines) {
      out_ += "<li>";
      text(line);
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
  int heading_count_ = 0;  // top-level headings so far: their ids for the contents
  int box_depth_ = 0;
};

}  // namespace

std::string write_html(const ResolvedDocument& doc) {
  std::string out;
  // The stylesheet and markup are about 8 KiB; text roughly doubles with its tags.
  out.reserve(12 * 1024 + text_size(doc.body) + 64 * doc.recipients.size());
  HtmlBuilder(doc, out).build();
  return out;
}

}  // namespace vanban
