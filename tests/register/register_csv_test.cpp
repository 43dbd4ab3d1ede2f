#include "register/register_csv.h"

#include <gtest/gtest.h>

#include "input/csv.h"

namespace vanban {
namespace {

RegisterEntry entry() {
  RegisterEntry e;
  e.number = 1;
  e.date = {2026, 6, 3};
  e.number_text = "01/UBND-VX";
  e.identity.issuer = {"UBND", "Ủy ban nhân dân phường Tân Định Thượng", "Thành phố Hồ Chí Minh"};
  e.details = {"nha-nuoc", "Công văn", "về \"điểm sinh hoạt\", kinh phí", "Nguyễn Thị Kim Xuyến",
               "Sở Tài chính; Sở Nội vụ", "VT, VX", 4, ""};
  e.files = {{"a.html", "bb"}, {"a.pdf", "aa"}};
  e.history = {{"2026-06-03T01:00:00Z", "issued", "", "h1", ""}, {"2026-06-05T02:00:00Z", "reissued", "h1", "h2", ""}};
  return e;
}

TEST(RegisterCsv, IsUtf8WithBomAndQuotesAsRfc4180) {
  const std::string csv = register_csv({entry()});
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF\"Số, ký hiệu văn bản\",Ngày tháng văn bản,")) << csv;
  EXPECT_NE(csv.find("\r\n01/UBND-VX,03/06/2026,\"Công văn về \"\"điểm sinh hoạt\"\", kinh phí\",Nguyễn Thị Kim Xuyến,"
                     "Sở Tài chính; Sở Nội vụ,\"VT, VX\",4,,,Phát hành lại 2026-06-05T02:00:00Z,\"a.html bb\na.pdf aa\","
                     "Ủy ban nhân dân phường Tân Định Thượng (Thành phố Hồ Chí Minh)\r\n"),
            std::string::npos)
      << csv;
  EXPECT_TRUE(csv.ends_with("\r\n"));
}

TEST(RegisterCsv, ReadsBackAsCsv) {
  RegisterEntry second = entry();
  second.number = 2;
  second.number_text = "";
  second.history.resize(1);
  const Result<CsvTable> table = parse_csv(register_csv({entry(), second}), "so.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table.errors.empty());
  EXPECT_EQ(table.value->delimiter, ',');
  ASSERT_EQ(table.value->header.size(), 12u);
  EXPECT_EQ(table.value->header[0], "Số, ký hiệu văn bản");
  EXPECT_EQ(table.value->header[1], "Ngày tháng văn bản");
  EXPECT_EQ(table.value->header[2], "Tên loại và trích yếu nội dung");
  EXPECT_EQ(table.value->header[5], "Đơn vị, người nhận bản lưu");
  EXPECT_EQ(table.value->header[10], "Tệp phát hành (SHA-256)");
  EXPECT_EQ(table.value->header[11], "Cơ quan ban hành");
  ASSERT_EQ(table.value->rows.size(), 2u);
  const std::vector<std::string>& cells = table.value->rows[0].cells;
  EXPECT_EQ(cells[0], "01/UBND-VX");
  EXPECT_EQ(cells[2], "Công văn về \"điểm sinh hoạt\", kinh phí");
  EXPECT_EQ(cells[3], "Nguyễn Thị Kim Xuyến");
  EXPECT_EQ(cells[5], "VT, VX");
  EXPECT_EQ(cells[6], "4");
  EXPECT_EQ(cells[10], "a.html bb\na.pdf aa");
  EXPECT_EQ(cells[11], "Ủy ban nhân dân phường Tân Định Thượng (Thành phố Hồ Chí Minh)");
  EXPECT_EQ(table.value->rows[1].cells[0], "02");  // no printed number recorded: the number, padded
  EXPECT_EQ(table.value->rows[1].cells[9], "");
}

// The register form has no column for signing or publication: "Ghi chú" notes them, in order.
TEST(RegisterCsv, NotesSigningAndPublicationAfterReissues) {
  RegisterEntry e = entry();
  e.history.push_back({"2026-06-05T03:00:00Z", "signed", "aa", "cc", "a.pdf"});
  e.history.push_back({"2026-06-05T04:00:00Z", "published", "", "cc", "a.pdf"});
  const Result<CsvTable> table = parse_csv(register_csv({e}), "so.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table.value->rows[0].cells[9],
            "Phát hành lại 2026-06-05T02:00:00Z; Ký số 2026-06-05T03:00:00Z; Đăng trang tin 2026-06-05T04:00:00Z");
  EXPECT_EQ(table.value->rows[0].cells[7], "");  // "Ngày chuyển" stays the clerk's
}

TEST(RegisterCsv, SemicolonsForAVietnameseExcel) {
  const Result<CsvTable> table = parse_csv(register_csv({entry()}, ';'), "so.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table.value->delimiter, ';');
  EXPECT_EQ(table.value->rows[0].cells[4], "Sở Tài chính; Sở Nội vụ");
  EXPECT_EQ(table.value->rows[0].cells[5], "VT, VX");
}

}  // namespace
}  // namespace vanban
