#include "html/site_article.h"

#include <charconv>
#include <cstdio>
#include <utility>

#include "html/html_style.h"
#include "html/html_writer.h"
#include "text/vietnamese_case.h"

namespace vanban {

namespace {

constexpr std::string_view kHeader = "vanban-article 1\n";

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

// One line of the record: a value never holds a line break.
void field(std::string& out, std::string_view key, std::string_view value) {
  out.append(key).append(1, ' ');
  for (const char c : value) out += c == '\n' || c == '\r' ? ' ' : c;
  out += '\n';
}

void blob(std::string& out, std::string_view key, std::string_view bytes) {
  out.append(key).append(1, ' ').append(std::to_string(bytes.size())).append(1, '\n').append(bytes);
}

// Reads "KEY VALUE\n" at the front of `in`.
bool take_field(std::string_view& in, std::string_view key, std::string& value) {
  if (in.substr(0, key.size()) != key || in.size() <= key.size() || in[key.size()] != ' ') return false;
  const std::size_t end = in.find('\n');
  if (end == std::string_view::npos) return false;
  value = std::string(in.substr(key.size() + 1, end - key.size() - 1));
  in.remove_prefix(end + 1);
  return true;
}

// Reads a blob's "KEY BYTES\n" line at the front of `in`: the size that follows it.
std::optional<std::size_t> take_size(std::string_view& in, std::string_view key) {
  std::string size_text;
  std::string_view rest = in;
  if (!take_field(rest, key, size_text)) return std::nullopt;
  std::size_t size = 0;
  const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
  if (ec != std::errc{} || end != size_text.data() + size_text.size() || size_text.empty()) return std::nullopt;
  in = rest;
  return size;
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

SiteArticle site_article(const ResolvedDocument& measured, const HtmlSheet& sheet) {
  SiteArticle a;
  a.source = measured.source_file;
  const DocumentKind kind = document_kind(measured.type, !measured.cover.empty());
  a.type = kind.key;
  a.type_label = kind.label;
  a.booklet = !measured.cover.empty();
  a.title = measured.info.title;
  a.subject = text::capitalize_first(measured.info.subject);
  a.number = a.booklet ? std::string() : number_of(measured.number.text);
  a.date = measured.date;
  a.issuer = a.booklet ? measured.info.author : issuer_name(measured.info.author, measured.issuer_parent);
  if (!measured.addresses.empty()) {
    // "- Đảng ủy xã Tân Lộc;" -> "Đảng ủy xã Tân Lộc"
    const std::string& s = measured.addresses.front().text;
    const std::size_t begin = s.find_first_not_of("- ");
    const std::size_t end = s.find_last_not_of(";.,: ");
    if (begin != std::string::npos && end >= begin) a.addressee = s.substr(begin, end - begin + 1);
  }
  a.family = measured.profile->family;
  a.edition = measured.profile->edition;
  a.sheet = site_sheet(sheet);
  a.text = measured.info.subject + '\n' + body_text(measured);
  return a;
}

std::string site_article_stylesheet(const Profile& profile) {
  std::string out;
  html::append_stylesheet(out, profile);
  return out;
}

std::string serialise_site_article(const SiteArticle& a) {
  std::string out(kHeader);
  out.reserve(kHeader.size() + 1024 + a.sheet.size() + a.text.size());
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", a.date.year, a.date.month, a.date.day);
  const std::pair<std::string_view, std::string_view> fields[] = {
      {"source", a.source},   {"title", a.title},       {"subject", a.subject},
      {"type", a.type},       {"type-label", a.type_label}, {"number", a.number},
      {"date", date},         {"issuer", a.issuer},     {"addressee", a.addressee},
      {"booklet", a.booklet ? "1" : "0"}, {"family", a.family}, {"edition", a.edition}};
  for (const auto& [key, value] : fields) field(out, key, value);
  blob(out, "sheet", a.sheet);
  blob(out, "text", a.text);
  return out;
}

std::optional<SiteArticleHead> parse_site_article_head(std::string_view head) {
  std::string_view in = head;
  if (in.substr(0, kHeader.size()) != kHeader) return std::nullopt;
  in.remove_prefix(kHeader.size());
  SiteArticleHead out;
  SiteArticle& a = out.fields;
  std::string date, booklet;
  std::pair<std::string_view, std::string*> fields[] = {
      {"source", &a.source},   {"title", &a.title},     {"subject", &a.subject},
      {"type", &a.type},       {"type-label", &a.type_label}, {"number", &a.number},
      {"date", &date},         {"issuer", &a.issuer},   {"addressee", &a.addressee},
      {"booklet", &booklet},   {"family", &a.family},   {"edition", &a.edition}};
  for (auto& [key, value] : fields)
    if (!take_field(in, key, *value)) return std::nullopt;
  const std::optional<CivilDate> parsed = parse_iso_date(date);
  if (!parsed || (booklet != "0" && booklet != "1")) return std::nullopt;
  a.date = *parsed;
  a.booklet = booklet == "1";
  const std::optional<std::size_t> sheet = take_size(in, "sheet");
  if (!sheet) return std::nullopt;
  out.sheet_offset = head.size() - in.size();
  out.sheet_bytes = *sheet;
  return out;
}

std::optional<SiteArticleTextPlace> parse_site_article_text_label(std::string_view after_sheet) {
  std::string_view in = after_sheet;
  const std::optional<std::size_t> bytes = take_size(in, "text");
  if (!bytes) return std::nullopt;
  return SiteArticleTextPlace{after_sheet.size() - in.size(), *bytes};
}

std::optional<SiteArticle> parse_site_article(std::string_view in) {
  std::optional<SiteArticleHead> head = parse_site_article_head(in);
  if (!head || in.size() - head->sheet_offset < head->sheet_bytes) return std::nullopt;
  const std::string_view after_sheet = in.substr(head->sheet_offset + head->sheet_bytes);
  const std::optional<SiteArticleTextPlace> text = parse_site_article_text_label(after_sheet);
  if (!text || after_sheet.size() - text->offset != text->bytes) return std::nullopt;
  SiteArticle a = std::move(head->fields);
  a.sheet = std::string(in.substr(head->sheet_offset, head->sheet_bytes));
  a.text = std::string(after_sheet.substr(text->offset));
  return a;
}

}  // namespace vanban
