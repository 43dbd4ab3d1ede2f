#include "site/site_document.h"

#include <cstdio>

#include "html/html_writer.h"
#include "text/vietnamese_case.h"

namespace vanban::site {

namespace {

void append_inlines(std::string& out, const Inlines& inlines) {
  for (const TextRun& run : inlines) out += run.text;
}

void append_blocks(std::string& out, const std::vector<Block>& blocks) {
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::Paragraph:
      case Block::Kind::Heading:
        append_inlines(out, b.inlines);
        out += '\n';
        break;
      case Block::Kind::OrderedList:
      case Block::Kind::DashList:
        for (const ListItem& item : b.items) {
          out += item.marker + ' ';
          append_blocks(out, item.blocks);
        }
        break;
      case Block::Kind::Table:
        for (const TableRow& row : b.table.rows) {
          for (const TableCell& cell : row.cells) {
            append_inlines(out, cell.content);
            out += ' ';
          }
          out += '\n';
        }
        break;
      case Block::Kind::Chart:
        out += b.chart.title + '\n';
        break;
      case Block::Kind::Box:
        if (!b.title.empty()) out += b.title + '\n';
        append_blocks(out, b.blocks);
        break;
      case Block::Kind::PageBreak:
      case Block::Kind::Toc:
      case Block::Kind::Notes:
        break;
    }
  }
}

// "Số 18-CT/TU" -> "18-CT/TU"; a draft number (blanks only) -> "".
std::string number_of(const std::string& printed) {
  std::string n = printed;
  for (const char* label : {"Số: ", "Số "})
    if (n.rfind(label, 0) == 0) n.erase(0, std::string(label).size());
  const bool drafted = n.find_first_of("0123456789") == std::string::npos;
  return drafted ? std::string() : n;
}

}  // namespace

DocumentKind document_kind(const std::string& type, bool has_cover) {
  if (has_cover) return {"tai-lieu-sinh-hoat", "Tài liệu sinh hoạt"};
  static const std::pair<const char*, const char*> kLabels[] = {
      {"chi-thi", "Chỉ thị"},       {"cong-van", "Công văn"},   {"bao-cao", "Báo cáo"},
      {"ke-hoach", "Kế hoạch"},     {"thong-bao", "Thông báo"}, {"huong-dan", "Hướng dẫn"},
      {"nghi-quyet", "Nghị quyết"}, {"quyet-dinh", "Quyết định"}, {"to-trinh", "Tờ trình"},
      {"chuong-trinh", "Chương trình"}, {"quy-dinh", "Quy định"}, {"ket-luan", "Kết luận"}};
  for (const auto& [key, label] : kLabels)
    if (type == key) return {key, label};
  return {type, type};
}

std::string issuer_name(const std::string& name, const std::string& parent) {
  const bool board = name.rfind("Ban ", 0) == 0 && name.rfind("Ban Chấp hành ", 0) != 0;
  return board && !parent.empty() ? name + " " + parent : name;
}

std::string body_text(const ResolvedDocument& doc) {
  std::string out;
  append_blocks(out, doc.body);
  return out;
}

SiteDocument make_site_document(const ResolvedDocument& measured, std::string key, std::string source) {
  SiteDocument d;
  d.key = std::move(key);
  d.source = std::move(source);
  const DocumentKind kind = document_kind(measured.type, !measured.cover.empty());
  d.type = kind.key;
  d.type_label = kind.label;
  d.booklet = !measured.cover.empty();
  d.title = measured.info.title;
  d.subject = text::capitalize_first(measured.info.subject);
  d.number = d.booklet ? std::string() : number_of(measured.number.text);
  d.date = measured.date;
  d.issuer = d.booklet ? measured.info.author : issuer_name(measured.info.author, measured.issuer_parent);
  if (!measured.addresses.empty()) {
    // "- Đảng ủy xã Tân Lộc;" -> "Đảng ủy xã Tân Lộc"
    std::string a = measured.addresses.front().text;
    const std::size_t begin = a.find_first_not_of("- ");
    const std::size_t end = a.find_last_not_of(";.,: ");
    d.addressee = begin == std::string::npos || end < begin ? std::string() : a.substr(begin, end - begin + 1);
  }
  HtmlArticle article = write_html_article(measured);
  d.stylesheet = std::move(article.stylesheet);
  d.sheet = std::move(article.sheet);
  d.text = measured.info.subject + '\n' + body_text(measured);
  return d;
}

std::string date_dmy(const CivilDate& d) {
  return std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year);
}

std::string date_iso(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

}  // namespace vanban::site
