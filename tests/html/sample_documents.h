// Hand-built profiles and resolved documents for the html tests: a Party directive (chỉ thị)
// and a State công văn with every part the writer draws. The profiles copy the values of
// templates/profiles/*.xml that the writer reads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "profile/resolved_document.h"

namespace vanban::test {

inline TextStyle style(double size, bool bold = false, bool italic = false,
                       bool underline = false) {
  TextStyle s;
  s.size = size;
  s.bold = bold;
  s.italic = italic;
  s.underline = underline;
  return s;
}

inline Profile party_profile() {
  Profile p;
  p.family = "dang";
  p.edition = "36-HD/VPTW";
  p.page = {Mm(210), Mm(297), Mm(20), Mm(20), Mm(30), Mm(15)};
  p.header.left_column = 0.5;
  p.header.title = {"ĐẢNG CỘNG SẢN VIỆT NAM"};
  p.header.rule_under_title = true;
  p.header.issuer_mark = "*";
  p.header.issuer_rule = 0;
  p.header.subject_rule = 0.2;
  p.header.gap_after_header = 18;
  p.body.first_line_indent = 10;
  p.body.line_height = 1.3;
  p.body.paragraph_space = 6;
  // Pairs per nesting level: ordered, dash (templates/profiles/*.xml <list-marker>).
  p.body.list_markers = {"1.", "-", "a)", "+", "-", "-"};
  p.signature.signing_space = 25;
  p.styles[static_cast<int>(Element::Body)] = style(14);
  p.styles[static_cast<int>(Element::Heading)] = style(14, true);
  p.styles[static_cast<int>(Element::TableText)] = style(13);
  p.styles[static_cast<int>(Element::Recipient)] = style(12);
  return p;
}

inline Profile state_profile() {
  Profile p = party_profile();
  p.family = "nha-nuoc";
  p.edition = "30/2020/NĐ-CP";
  p.header.left_column = 0.4;
  p.header.title = {"Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"};
  p.header.issuer_mark = "";
  p.header.issuer_rule = 0.4;
  p.header.subject_rule = 0.33;
  p.body.first_line_indent = 12.7;
  p.body.end_mark = "./.";
  p.styles[static_cast<int>(Element::Recipient)] = style(11);
  return p;
}

inline StyledText styled(std::string text, TextStyle s) { return {std::move(text), s}; }

// What resolve() derives from the body for both writers: the list markers and the contents.
inline void finish(ResolvedDocument& d) {
  mark_list_items(d.body, *d.profile);
  d.contents = contents_entries(d.body);
}

inline Block paragraph(Inlines runs) {
  Block b;
  b.inlines = std::move(runs);
  return b;
}
inline Block paragraph(std::string text) { return paragraph(Inlines{{std::move(text)}}); }

inline Block heading(std::string text) {
  Block b = paragraph(std::move(text));
  b.kind = Block::Kind::Heading;
  return b;
}

inline Block list(Block::Kind kind, std::vector<std::vector<Block>> items) {
  Block b;
  b.kind = kind;
  for (auto& blocks : items) b.items.push_back({std::move(blocks), {}});
  return b;
}

inline TableCell cell(std::string text, bool header = false, Align align = Align::Left,
                      int span = 1) {
  TableCell c;
  c.content = {{std::move(text)}};
  c.header = header;
  c.align = align;
  c.column_span = span;
  return c;
}

inline ResolvedDocument party_directive(const Profile& profile) {
  ResolvedDocument d;
  d.profile = &profile;
  d.type = "chi-thi";
  d.issuer_lines = {styled("ĐẢNG BỘ TỈNH TRÀ VINH", style(14)),
                    styled("TỈNH ỦY", style(14, true))};
  d.issuer_mark = styled("*", style(14));
  d.number = styled("Số 25-CT/TU", style(14));
  d.title_lines = {styled("ĐẢNG CỘNG SẢN VIỆT NAM", style(15, true))};
  d.place_date = styled("Trà Vinh, ngày 17 tháng 5 năm 2023", style(14, false, true));
  d.type_name = styled("CHỈ THỊ", style(16, true));
  d.subject = styled("về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận",
                     style(14, true));
  d.body = {
      paragraph(Inlines{{"Thực hiện "},
                        {"Nghị quyết số 25-NQ/TW, ngày 03-6-2013", true, false},
                        {" của Ban Chấp hành Trung ương về "},
                        {"công tác dân vận", false, true},
                        {", Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng thực "
                         "hiện tốt các nội dung sau đây, bảo đảm thiết thực, hiệu quả, "
                         "gắn với nhiệm vụ chính trị của từng địa phương, đơn vị:"}}),
      heading("I. NHIỆM VỤ TRỌNG TÂM"),
      list(Block::Kind::OrderedList,
           {{paragraph("Nâng cao nhận thức của cấp ủy, chính quyền về công tác dân vận "
                       "trong tình hình mới."),
             list(Block::Kind::OrderedList,
                  {{paragraph("Quán triệt sâu rộng các nghị quyết, chỉ thị của Đảng.")},
                   {paragraph("Đưa nội dung dân vận vào chương trình hành động của cấp ủy.")}})},
            {paragraph("Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể chính trị - "
                       "xã hội.")}}),
      list(Block::Kind::DashList,
           {{paragraph("Các cấp ủy tổ chức sơ kết hằng năm, báo cáo Ban Thường vụ Tỉnh ủy.")},
            {paragraph("Ban Dân vận Tỉnh ủy theo dõi, đôn đốc việc thực hiện Chỉ thị này.")}}),
  };
  d.authority = {styled("T/M BAN THƯỜNG VỤ", style(14, true))};
  d.role = styled("PHÓ BÍ THƯ", style(14, true));
  d.signer = styled("Lâm Minh Đằng", style(14, true));
  d.recipients_label = styled("Nơi nhận:", style(14, false, false, true));
  d.recipients = {
      {{"- Ban Dân vận Trung ương,", "- Văn phòng Trung ương Đảng,"}, "Báo cáo"},
      {{"- Các ban Đảng, UBKT, Văn phòng Tỉnh ủy,"}, ""},
      {{"- Các huyện, thành, thị ủy, đảng ủy trực thuộc,"}, ""},
      {{"- Lưu Văn phòng Tỉnh ủy."}, ""},
  };
  d.info.title = "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận";
  d.info.author = "Tỉnh ủy Trà Vinh";
  d.info.subject = "về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận";
  d.info.keywords = "dân vận, chỉ thị";
  finish(d);
  return d;
}

inline ResolvedDocument state_letter(const Profile& profile) {
  ResolvedDocument d;
  d.profile = &profile;
  d.type = "cong-van";
  d.issuer_lines = {styled("ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", style(12)),
                    styled("SỞ NỘI VỤ", style(12, true))};
  d.number = styled("Số: 1234/SNV-VP", style(13));
  d.letter_subject = styled("V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư",
                            style(12));
  d.urgency = styled("KHẨN", style(13, true));
  d.title_lines = {styled("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style(12, true)),
                   styled("Độc lập - Tự do - Hạnh phúc", style(13, true))};
  d.place_date = styled("Trà Vinh, ngày 05 tháng 02 năm 2024", style(13, false, true));
  d.address_label = styled("Kính gửi:", style(14));
  d.addresses = {styled("- Các sở, ban, ngành tỉnh;", style(14)),
                 styled("- Ủy ban nhân dân các huyện, thị xã, thành phố.", style(14))};
  Block table;
  table.kind = Block::Kind::Table;
  table.table.rows = {
      {{cell("Đơn vị", true), cell("Số văn bản", true), cell("Tỷ lệ", true)}},
      {{cell("Văn phòng"), cell("1.204", false, Align::Right), cell("87,39%", false, Align::Right)}},
      {{cell("Phòng Tổ chức"), cell("352", false, Align::Right), cell("12,61%", false, Align::Right)}},
      {{cell("Tổng cộng", false, Align::Center, 2), cell("100%", false, Align::Right)}},
  };
  table.table.column_weights = {2, 1, 1};
  d.body = {
      paragraph("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ "
                "về công tác văn thư, Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện các nội "
                "dung sau:"),
      list(Block::Kind::OrderedList,
           {{paragraph("Rà soát thể thức văn bản:"),
             list(Block::Kind::DashList,
                  {{paragraph("Kiểm tra số, ký hiệu và trích yếu của văn bản đi;")},
                   {paragraph("Kiểm tra phông chữ, cỡ chữ theo Phụ lục I.")}})},
            {paragraph("Báo cáo số liệu văn bản năm 2023 theo bảng sau:")}}),
      table,
      paragraph("Đề nghị các cơ quan, đơn vị quan tâm thực hiện./."),
  };
  d.authority = {styled("TM. ỦY BAN NHÂN DÂN", style(14, true)), styled("KT. GIÁM ĐỐC", style(14, true))};
  d.role = styled("PHÓ GIÁM ĐỐC", style(14, true));
  d.signer = styled("Nguyễn Văn An", style(14, true));
  d.recipients_label = styled("Nơi nhận:", style(12, true, true));
  d.recipients = {
      {{"- Như trên;"}, ""},
      {{"- UBND tỉnh;", "- Văn phòng UBND tỉnh;", "- Bộ Nội vụ;"}, "(để báo cáo)"},
      {{"- Lưu: VT, VP."}, ""},
  };
  d.info.title = "Công văn V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư";
  d.info.author = "Sở Nội vụ";
  d.info.subject = "V/v triển khai Nghị định số 30/2020/NĐ-CP về công tác văn thư";
  finish(d);
  return d;
}

}  // namespace vanban::test
