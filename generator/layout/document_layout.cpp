#include "layout/document_layout.h"

#include "layout/header_layout.h"
#include "layout/paginator.h"
#include "layout/paragraph_layout.h"
#include "layout/table_layout.h"

namespace vanban {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

// Turns the body's blocks into flow items with the keep flags that implement the pagination
// rules: no orphan (first line alone at a page foot), no widow (last line alone at a page head),
// a heading never last on a page, table header rows kept with the first body row.
class BodyFlow {
 public:
  BodyFlow(const ResolvedDocument& doc, const FontSet& fonts, double width)
      : profile_(*doc.profile), fonts_(fonts), width_(width) {
    const TextStyle& body = profile_.style(Element::Body);
    body_.size = body.size;
    body_.bold = body.bold;
    body_.italic = body.italic;
    body_.line_height = profile_.body.line_height * body.size;
    body_.first_indent = profile_.body.first_line_indent * kPtPerMm;
  }

  void add_blocks(const std::vector<Block>& blocks, int depth) {
    for (const Block& b : blocks) add_block(b, depth);
  }

  // Fixed fragments (header, closing): one item each.
  void add_fragment(Fragment f, double space_before, bool keep_with_next) {
    items.push_back({std::move(f), space_before, keep_with_next, -1});
  }

  std::vector<FlowItem> items;
  std::vector<std::vector<Fragment>> table_headers;

 private:
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
        const bool ordered = b.kind == Block::Kind::OrderedList;
        for (std::size_t i = 0; i < b.items.size(); ++i)
          add_list_item(b.items[i], list_marker(profile_, ordered, depth, static_cast<int>(i)), depth);
        break;
      }
      case Block::Kind::Table:
        add_table(b.table);
        break;
    }
  }

  // Khoản and điểm are set like paragraphs whose first line starts with the marker ("1.", "a)").
  void add_list_item(const ListItem& item, const std::string& marker, int depth) {
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
      items.push_back({std::move(lines[i]), i == 0 ? profile_.body.paragraph_space : 0, keep, -1});
    }
  }

  void add_table(const Table& table) {
    LaidOutTable t = layout_table(table, profile_.style(Element::TableText), width_, fonts_);
    const int id = static_cast<int>(table_headers.size());
    table_headers.emplace_back(t.rows.begin(), t.rows.begin() + t.header_rows);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const bool header = static_cast<int>(i) < t.header_rows;
      items.push_back({std::move(t.rows[i]), i == 0 ? profile_.body.paragraph_space : 0, header,
                       header ? -1 : id});
    }
    if (t.header_rows == 0) table_headers.back().clear();
  }

  const Profile& profile_;
  const FontSet& fonts_;
  double width_;
  ParagraphStyle body_;
};

void add_page_number(Page& page, int number, const Profile& profile, const FontSet& fonts, double left,
                     double width) {
  const TextStyle& st = profile.style(Element::PageNumber);
  const std::string text = std::to_string(number);
  const double w = fonts.face(font_style(st.bold, st.italic)).text_width(text, st.size);
  page.texts.push_back({left + (width - w) / 2, profile.page_numbers.from_top * kPtPerMm,
                        font_style(st.bold, st.italic), st.size, text});
}

}  // namespace

Pages layout_document(const ResolvedDocument& doc, const FontSet& fonts) {
  const Profile& p = *doc.profile;
  const double page_width = p.page.width * kPtPerMm, page_height = p.page.height * kPtPerMm;
  const double left = p.page.left * kPtPerMm, top = p.page.top * kPtPerMm;
  const double width = page_width - left - p.page.right * kPtPerMm;
  const double body_height = page_height - top - p.page.bottom * kPtPerMm;

  BodyFlow flow(doc, fonts, width);
  // The header, type name, subject and "Kính gửi:" open page 1 together with the first lines.
  flow.add_fragment(layout_header(doc, fonts, width), 0, true);
  Fragment title = layout_title_block(doc, fonts, width);
  if (title.height > 0) flow.add_fragment(std::move(title), p.header.gap_after_header, true);
  Fragment address = layout_address_block(doc, fonts, width);
  if (address.height > 0) flow.add_fragment(std::move(address), p.body.paragraph_space * 2, true);
  const std::size_t body_start = flow.items.size();
  flow.add_blocks(doc.body, 0);
  // The signature block keeps at least the last two body items (lines or rows) with it.
  const std::size_t body_end = flow.items.size();
  for (std::size_t i = body_end >= body_start + 2 ? body_end - 2 : body_start; i < body_end; ++i)
    flow.items[i].keep_with_next = true;
  flow.add_fragment(layout_closing(doc, fonts, width), p.body.paragraph_space * 2, false);

  Pages out;
  out.info = doc.info;
  const auto pages = paginate(flow.items, flow.table_headers, body_height);
  for (std::size_t n = 0; n < pages.size(); ++n) {
    Page page;
    page.width = page_width;
    page.height = page_height;
    for (const PlacedFragment& placed : pages[n]) place_on_page(page, *placed.fragment, left, top + placed.y);
    const int number = static_cast<int>(n) + 1;
    if (number >= p.page_numbers.first_numbered_page) add_page_number(page, number, p, fonts, left, width);
    out.pages.push_back(std::move(page));
  }
  return out;
}

}  // namespace vanban
