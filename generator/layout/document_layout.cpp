#include "layout/document_layout.h"

#include <cmath>
#include <string>
#include <unordered_map>

#include "layout/chart_layout.h"
#include "layout/guide_layout.h"
#include "layout/header_layout.h"
#include "layout/paginator.h"
#include "layout/paragraph_layout.h"
#include "layout/table_layout.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace {

constexpr double kBoxPadding = 8;  // pt between a box's frame and its text
constexpr int kMaxTocPasses = 3;

// The measured charts and tables of a document and which of each comes next, shared by the
// flows of boxes.
struct ChartQueue {
  const std::vector<ChartGeometry>& geometry;
  const std::vector<TableMeasure>& tables;
  std::size_t next = 0;
  std::size_t next_table = 0;
};

// Turns the body's blocks into flow items with the keep flags that implement the pagination
// rules: no orphan (first line alone at a page foot), no widow (last line alone at a page head),
// a heading never last on a page, table header rows kept with the first body row.
class BodyFlow {
 public:
  BodyFlow(const ResolvedDocument& doc, const FontSet& fonts, double width, double body_height,
           const std::vector<TocEntry>& toc, ChartQueue& charts)
      : BodyFlow(*doc.profile, fonts, width, body_height, toc, charts) {
    body_.keep_together = doc.keep_together.get();
    source_file = doc.source_file;
  }

  void add_blocks(const std::vector<Block>& blocks, int depth) {
    for (const Block& b : blocks) add_block(b, depth);
  }

  // Fixed fragments (header, closing, cover): one item each.
  void add_fragment(Fragment f, double space_before, bool keep_with_next) {
    push({std::move(f), space_before, keep_with_next, -1});
  }

  void break_page() { break_pending_ = true; }

  void add_block(const Block& b, int depth) {
    switch (b.kind) {
      case Block::Kind::Paragraph:
        add_lines(layout_paragraph(b.inlines, body_, width_, fonts_), false);
        break;
      case Block::Kind::Heading: {
        ParagraphStyle st = body_;
        const TextStyle& h = profile_.style(Element::Heading);
        st.size = h.size;
        st.bold = h.bold;
        st.italic = h.italic;
        add_lines(layout_paragraph(b.inlines, st, width_, fonts_), true);
        break;
      }
      case Block::Kind::OrderedList:
      case Block::Kind::DashList: {
        for (const ListItem& item : b.items)
          add_list_item(item, depth);
        break;
      }
      case Block::Kind::Table:
        add_table(b);
        break;
      case Block::Kind::Chart:
        push({layout_chart(b.chart, charts_.geometry.at(charts_.next++), profile_.style(Element::TableText), fonts_),
              profile_.body.paragraph_space, false, -1});
        break;
      case Block::Kind::PageBreak:
        break_page();
        break;
      case Block::Kind::Toc:
        add_toc(b.title);
        break;
      case Block::Kind::Box:
        add_box(b, depth);
        break;
      case Block::Kind::Notes:
        break_page();
        push({layout_notes(b.title, profile_.style(Element::Heading), body_.line_height * 1.4, width_,
                           body_height_, fonts_),
              0, false, -1});
        break;
    }
  }

  std::vector<FlowItem> items;
  std::vector<std::vector<Fragment>> table_headers;
  Diagnostics problems;  // tables that cannot fit, at their lines of the source file
  std::string source_file;

 private:
  void push(FlowItem item) {
    item.page_break_before = break_pending_;
    break_pending_ = false;
    items.push_back(std::move(item));
  }

  // Khoản and điểm are set like paragraphs whose first line starts with the marker ("1.", "a)").
  void add_list_item(const ListItem& item, int depth) {
    const std::string& marker = item.marker;
    bool marked = false;
    for (const Block& b : item.blocks) {
      if (!marked && b.kind == Block::Kind::Paragraph) {
        Inlines runs = b.inlines;
        runs.insert(runs.begin(), TextRun{marker + " ", false, false});
        add_lines(layout_paragraph(runs, body_, width_, fonts_), false);
        marked = true;
      } else if (!marked) {
        add_lines(layout_paragraph({{marker, false, false}}, body_, width_, fonts_), true);
        marked = true;
        add_block(b, depth + 1);
      } else {
        add_block(b, depth + 1);
      }
    }
  }

  void add_lines(std::vector<Fragment> lines, bool keep_all) {
    const std::size_t n = lines.size();
    for (std::size_t i = 0; i < n; ++i) {
      // Line 1 stays with line 2 (no orphan); the next-to-last with the last (no widow).
      const bool keep = keep_all || (n >= 2 && (i == 0 || i + 2 == n));
      push({std::move(lines[i]), i == 0 ? profile_.body.paragraph_space : 0, keep, -1});
    }
  }

  void add_table(const Block& block) {
    const TextStyle& style = profile_.style(Element::TableText);
    const TableMeasure& measured = charts_.tables.at(charts_.next_table++);
    LaidOutTable t = layout_table(block.table, style, width_, fonts_, body_.keep_together, &measured);
    if (t.overflow > 0) {
      auto mm = [](double pt) { return std::to_string(static_cast<int>(std::ceil(to_mm(Pt(pt)).value))); };
      problems.push_back({source_file, block.source_line, block.source_column,
                          "the table is wider than the text block (" + mm(width_) + " mm): at " +
                              text::format_figure(t.size, 1) + " pt, the smallest size layout '" + profile_.family +
                              "' allows, its columns need at least " + mm(width_ + t.overflow) +
                              " mm; use fewer columns or shorter words in them"});
    }
    const int id = static_cast<int>(table_headers.size());
    table_headers.emplace_back(t.rows.begin(), t.rows.begin() + t.header_rows);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const bool header = static_cast<int>(i) < t.header_rows;
      push({std::move(t.rows[i]), i == 0 ? profile_.body.paragraph_space : 0, t.keep_with_next[i], header ? -1 : id});
    }
    if (t.header_rows == 0) table_headers.back().clear();
  }

  void add_toc(const std::string& title) {
    ParagraphStyle entry = body_;
    entry.bold = entry.italic = false;
    entry.left_indent = std::max(0.0, body_.first_indent);  // where a long title goes on
    auto lines = layout_toc(title, toc_, profile_.style(Element::Heading), entry, width_, fonts_);
    for (std::size_t i = 0; i < lines.size(); ++i) push({std::move(lines[i]), 0, i == 0, -1});
    break_page();  // the body starts on the page after the contents
  }

  // A framed block (the discussion questions): its content laid out narrower and kept whole,
  // unless it is taller than a page, when it flows like ordinary text between two rules.
  void add_box(const Block& box, int depth) {
    BodyFlow inner(profile_, fonts_, width_ - 2 * kBoxPadding, body_height_, toc_, charts_);
    inner.body_.keep_together = body_.keep_together;
    inner.source_file = source_file;
    if (!box.title.empty()) {
      ParagraphStyle st = inner.body_;
      const TextStyle& h = profile_.style(Element::Heading);
      st.size = h.size;
      st.bold = true;
      st.first_indent = 0;
      st.align = LineAlign::Center;
      inner.add_lines(layout_paragraph({{box.title, false, false}}, st, inner.width_, fonts_), true);
    }
    inner.add_blocks(box.blocks, depth);
    problems.insert(problems.end(), inner.problems.begin(), inner.problems.end());
    Fragment framed;
    for (std::size_t i = 0; i < inner.items.size(); ++i)
      framed.append_below(inner.items[i].fragment, kBoxPadding, i == 0 ? kBoxPadding : inner.items[i].space_before);
    framed.height += kBoxPadding;
    if (framed.height <= body_height_) {
      PathItem frame;
      frame.line_width = 0.8;
      frame.ops = {{PathOp::Kind::MoveTo, 0, 0},
                   {PathOp::Kind::LineTo, width_, 0},
                   {PathOp::Kind::LineTo, width_, framed.height},
                   {PathOp::Kind::LineTo, 0, framed.height},
                   {PathOp::Kind::Close}};
      framed.paths.push_back(std::move(frame));
      push({std::move(framed), profile_.body.paragraph_space * 2, false, -1});
      return;
    }
    Fragment rule;
    rule.height = kBoxPadding;
    rule.paths.push_back(make_rule(0, 0, width_, 0, 0.8));
    push({rule, profile_.body.paragraph_space * 2, true, -1});
    for (FlowItem& item : inner.items) {
      Fragment shifted;
      shifted.height = item.fragment.height;
      shifted.place(item.fragment, kBoxPadding, 0);
      push({std::move(shifted), item.space_before, item.keep_with_next, -1});
    }
    push({rule, 0, false, -1});
  }

  BodyFlow(const Profile& profile, const FontSet& fonts, double width, double body_height,
           const std::vector<TocEntry>& toc, ChartQueue& charts)
      : profile_(profile), fonts_(fonts), width_(width), body_height_(body_height), toc_(toc), charts_(charts) {
    const TextStyle& body = profile_.style(Element::Body);
    body_.size = body.size;
    body_.bold = body.bold;
    body_.italic = body.italic;
    body_.line_height = profile_.body.line_height * body.size;
    body_.first_indent = to_pt(Mm(profile_.body.first_line_indent)).value;
  }

  const Profile& profile_;
  const FontSet& fonts_;
  double width_;
  double body_height_;
  const std::vector<TocEntry>& toc_;
  ChartQueue& charts_;
  ParagraphStyle body_;
  bool break_pending_ = false;
};

void add_page_number(Page& page, int number, const Profile& profile, const FontSet& fonts, double left,
                     double width) {
  const TextStyle& st = profile.style(Element::PageNumber);
  const std::string text = std::to_string(number);
  const double w = fonts.face(font_style(st.bold, st.italic)).text_width(text, st.size);
  page.texts.push_back({left + (width - w) / 2, to_pt(profile.page_numbers.from_top).value,
                        font_style(st.bold, st.italic), st.size, text});
}

// The body area in pt. Mirrored pages swap their side margins on even pages.
struct Geometry {
  double page_width, page_height, left, right, top, width, body_height;
  bool mirrored;

  double left_of(int page_number) const { return mirrored && page_number % 2 == 0 ? right : left; }
};

Geometry geometry_of(const PageSetup& page) {
  return {to_pt(page.width).value,
          to_pt(page.height).value,
          to_pt(page.left).value,
          to_pt(page.right).value,
          to_pt(page.top).value,
          to_pt(page.width - page.left - page.right).value,
          to_pt(page.height - page.top - page.bottom).value,
          page.mirrored};
}

// Every chart in reading order, measured for the column it stands in (a box's is narrower).
void measure_blocks(const std::vector<Block>& blocks, const TextStyle& style, double width, const FontSet& fonts,
                    std::vector<ChartGeometry>& out) {
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::Chart) out.push_back(measure_chart(b.chart, style, width, fonts));
    for (const ListItem& item : b.items) measure_blocks(item.blocks, style, width, fonts, out);
    measure_blocks(b.blocks, style, width - 2 * kBoxPadding, fonts, out);
  }
}

void measure_table_blocks(const std::vector<Block>& blocks, const TextStyle& style, double width, const FontSet& fonts,
                          const text::KeepTogether* keep, std::vector<TableMeasure>& out) {
  for (const Block& b : blocks) {
    if (b.kind == Block::Kind::Table) out.push_back(measure_table(b.table, style, width, fonts, keep));
    for (const ListItem& item : b.items) measure_table_blocks(item.blocks, style, width, fonts, keep, out);
    measure_table_blocks(b.blocks, style, width - 2 * kBoxPadding, fonts, keep, out);
  }
}

// One pass: flow the whole document with the given table-of-contents page numbers, paginate.
// Fills `heading_pages` with the printed page number of each heading the contents list.
Pages layout_pass(const ResolvedDocument& doc, const FontSet& fonts, const Geometry& g,
                  const std::vector<TocEntry>& toc, const std::vector<ChartGeometry>& charts,
                  const std::vector<TableMeasure>& tables, std::vector<int>& heading_pages) {
  const Profile& p = *doc.profile;
  ChartQueue chart_queue{charts, tables};
  BodyFlow flow(doc, fonts, g.width, g.body_height, toc, chart_queue);
  if (!doc.cover.empty()) {
    flow.add_fragment(layout_cover(doc.cover, fonts, g.width, g.body_height, doc.keep_together.get()), 0, false);
    flow.break_page();
  } else {
    // The header, type name, subject and "Kính gửi:" open page 1 together with the first lines.
    // Laid out once: the engine's check did it at this width (ResolvedDocument::header).
    flow.add_fragment(doc.header ? *doc.header : layout_header(doc, fonts, g.width), 0, true);
    Fragment title = layout_title_block(doc, fonts, g.width);
    if (title.height > 0) flow.add_fragment(std::move(title), p.header.gap_after_header, true);
    Fragment address = layout_address_block(doc, fonts, g.width);
    if (address.height > 0) flow.add_fragment(std::move(address), p.body.paragraph_space * 2, true);
  }
  const std::size_t body_start = flow.items.size();
  std::vector<std::size_t> heading_items;  // item index of each contents heading's first line
  for (std::size_t i = 0, next = 0; i < doc.body.size(); ++i) {
    if (next < doc.contents.size() && doc.contents[next].block == i) {
      heading_items.push_back(flow.items.size());
      ++next;
    }
    flow.add_block(doc.body[i], 0);
  }
  if (doc.has_closing()) {
    // The signature block keeps at least the last two body items (lines or rows) with it.
    const std::size_t body_end = flow.items.size();
    for (std::size_t i = body_end >= body_start + 2 ? body_end - 2 : body_start; i < body_end; ++i)
      flow.items[i].keep_with_next = true;
    flow.add_fragment(layout_closing(doc, fonts, g.width), p.body.paragraph_space * 2, false);
  }

  const auto pages = paginate(flow.items, flow.table_headers, g.body_height);
  std::unordered_map<const Fragment*, int> page_of;
  for (std::size_t n = 0; n < pages.size(); ++n)
    for (const PlacedFragment& placed : pages[n]) page_of.emplace(placed.fragment, static_cast<int>(n) + 1);
  heading_pages.clear();
  for (std::size_t item : heading_items)
    heading_pages.push_back(item < flow.items.size() ? page_of[&flow.items[item].fragment] : 0);

  Pages out;
  out.info = doc.info;
  out.signature_field = doc.signature_field;
  out.problems = std::move(flow.problems);
  for (std::size_t n = 0; n < pages.size(); ++n) {
    Page page;
    page.width = g.page_width;
    page.height = g.page_height;
    const int number = static_cast<int>(n) + 1;
    const double left = g.left_of(number);
    for (const PlacedFragment& placed : pages[n]) place_on_page(page, *placed.fragment, left, g.top + placed.y);
    if (number >= p.page_numbers.first_numbered_page) add_page_number(page, number, p, fonts, left, g.width);
    out.pages.push_back(std::move(page));
  }
  return out;
}

bool has_toc(const std::vector<Block>& body) {
  for (const Block& b : body)
    if (b.kind == Block::Kind::Toc) return true;
  return false;
}

}  // namespace

std::vector<ChartGeometry> measure_charts(const ResolvedDocument& doc, const FontSet& fonts) {
  std::vector<ChartGeometry> out;
  measure_blocks(doc.body, doc.profile->style(Element::TableText), geometry_of(doc.profile->page).width, fonts, out);
  return out;
}

std::vector<TableMeasure> measure_tables(const ResolvedDocument& doc, const FontSet& fonts) {
  std::vector<TableMeasure> out;
  measure_table_blocks(doc.body, doc.profile->style(Element::TableText), geometry_of(doc.profile->page).width, fonts,
                       doc.keep_together.get(), out);
  return out;
}

Pages layout_document(const ResolvedDocument& doc, const FontSet& fonts) {
  const Geometry g = geometry_of(doc.profile->page);
  // An unmeasured document (as resolved, in tests) is measured here, by the same function.
  const std::vector<ChartGeometry> measured = doc.charts.empty() ? measure_charts(doc, fonts) : doc.charts;
  const std::vector<TableMeasure> tables = doc.tables.empty() ? measure_tables(doc, fonts) : doc.tables;

  std::vector<TocEntry> toc;
  if (has_toc(doc.body))
    for (const ContentsEntry& e : doc.contents) toc.push_back({e.text, 0});
  std::vector<int> heading_pages;
  Pages pages = layout_pass(doc, fonts, g, toc, measured, tables, heading_pages);
  // The contents need the pages of the headings, which need the contents laid out: entries
  // keep room for their numbers, so a second pass normally settles it.
  for (int pass = 1; pass < kMaxTocPasses && !toc.empty(); ++pass) {
    bool changed = false;
    for (std::size_t i = 0; i < toc.size() && i < heading_pages.size(); ++i) {
      changed = changed || toc[i].page != heading_pages[i];
      toc[i].page = heading_pages[i];
    }
    if (!changed) break;
    pages = layout_pass(doc, fonts, g, toc, measured, tables, heading_pages);
  }
  return pages;
}

}  // namespace vanban
