#include "pdf/pdf_writer.h"
#include "pdf/pdfa.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <limits>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "shipped_data.h"

namespace vanban {
namespace {

const FontSet& fonts() { return testing::shipped_fonts(); }

struct Command {
  int status = -1;
  std::string out;
};

// Runs a shell command (stderr folded in) and returns its exit status and output.
Command run(const std::string& cmd) {
  Command c;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return c;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) c.out.append(buf, n);
  const int st = pclose(p);
  c.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return c;
}

// The PDF in a temporary file for the command line tools; removed at the end of the test.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    std::string pattern = (std::filesystem::temp_directory_path() / "vanban-pdf-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) std::abort();
    close(fd);
    path_ = pattern;
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~PdfFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

const std::array<std::string, 4> kStyleLines = {
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Hà Nội, ngày 15 tháng 8 năm 2024",
    "QUYẾT ĐỊNH về việc ủy quyền ký số",
};
const std::string kTones =
    "aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ uùúủũụ ưừứửữự yỳýỷỹỵ đĐ";
const std::string kJustified = "Điều 1. Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan";

TextItem text(double x, double baseline, FontStyle style, double size, std::string s) {
  return TextItem{x, baseline, style, size, std::move(s)};
}

// An empty A4 page (595.276 x 841.89 pt).
Page a4_page() {
  Page p;
  p.width = 595.276;
  p.height = 841.890;
  return p;
}

// Two A4 pages and one A5 page: every style, a justified line split into words, a rule, a
// filled rectangle and a stroked curve.
Pages sample_pages() {
  Pages pages;
  pages.info = {"Quyết định về việc ủy quyền", "Ủy ban nhân dân thành phố Hà Nội",
                "Ủy quyền ký số", "quyết định, ủy quyền", 1723708800};  // 2024-08-15T08:00:00Z
  Page p1 = a4_page();
  for (int s = 0; s < 4; ++s) {
    p1.texts.push_back(text(72, 100 + 30 * s, static_cast<FontStyle>(s), 14, kStyleLines[s]));
  }
  p1.texts.push_back(text(72, 240, FontStyle::Regular, 13, kTones));
  double x = 72;
  const FontFace& regular = fonts().face(FontStyle::Regular);
  std::istringstream words(kJustified);
  for (std::string w; words >> w;) {
    p1.texts.push_back(text(x, 270, FontStyle::Regular, 14, w));
    x += regular.text_width(w, 14) + 5;  // wider than a space: a justified line
  }
  p1.paths.push_back(make_rule(72, 172, 272, 172, 0.75));
  PathItem box;
  box.ops = {{PathOp::Kind::MoveTo, 300, 400}, {PathOp::Kind::LineTo, 400, 400},
             {PathOp::Kind::LineTo, 400, 450}, {PathOp::Kind::LineTo, 300, 450},
             {PathOp::Kind::Close}};
  box.stroke = false;
  box.fill = true;
  box.fill_color = {0.0, 0.0, 1.0};
  p1.paths.push_back(box);
  PathItem curve;
  curve.ops = {{PathOp::Kind::MoveTo, 72, 500},
               {PathOp::Kind::CurveTo, 272, 500, 122, 450, 222, 450}};
  curve.line_width = 2;
  curve.stroke_color = {1.0, 0.0, 0.0};
  p1.paths.push_back(curve);
  pages.pages.push_back(p1);

  Page p2 = a4_page();
  p2.texts.push_back(text(72, 100, FontStyle::Bold, 16, "Trang hai: Ự ỹ đ Đ"));
  pages.pages.push_back(p2);

  Page p3 = a4_page();
  p3.width = 419.528;  // A5
  p3.height = 595.276;
  p3.texts.push_back(text(50, 80, FontStyle::Italic, 12, "Trang ba, khổ A5"));
  pages.pages.push_back(p3);
  return pages;
}

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string write_ok(const Pages& pages) {
  auto r = write_pdf(pages, fonts());
  EXPECT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  return r.ok() ? *r.value : std::string();
}

TEST(PdfWriter, FontsAreEmbeddedIdentityHSubsetsWithToUnicode) {
  PdfFile f(write_ok(sample_pages()));
  Command c = run("pdffonts " + f.path());
  ASSERT_EQ(c.status, 0) << c.out;
  std::istringstream lines(c.out);
  std::string line;
  std::getline(lines, line);  // header
  std::getline(lines, line);  // ----
  std::vector<std::string> names;
  while (std::getline(lines, line)) {
    std::istringstream cols(line);
    std::string name, cid, truetype, encoding, emb, sub, uni;
    cols >> name >> cid >> truetype >> encoding >> emb >> sub >> uni;
    names.push_back(name);
    EXPECT_EQ(cid + " " + truetype, "CID TrueType") << line;
    EXPECT_EQ(encoding, "Identity-H") << line;
    EXPECT_EQ(emb + sub + uni, "yesyesyes") << line;
    ASSERT_GT(name.size(), 7u);
    EXPECT_EQ(name[6], '+') << "subset tag: " << line;
  }
  ASSERT_EQ(names.size(), 4u) << c.out;
  std::vector<std::string> base;
  for (auto& n : names) base.push_back(n.substr(7));
  std::sort(base.begin(), base.end());
  EXPECT_EQ(base, (std::vector<std::string>{"LiberationSerif", "LiberationSerif-Bold",
                                            "LiberationSerif-BoldItalic",
                                            "LiberationSerif-Italic"}))
      << c.out;
}

TEST(PdfWriter, OnlyUsedStylesAreEmbedded) {
  Pages pages;
  Page p = a4_page();
  p.texts.push_back(text(72, 72, FontStyle::Italic, 12, "Chỉ một kiểu chữ"));
  pages.pages.push_back(p);
  PdfFile f(write_ok(pages));
  Command c = run("pdffonts " + f.path());
  EXPECT_NE(c.out.find("LiberationSerif-Italic"), std::string::npos) << c.out;
  EXPECT_EQ(c.out.find("LiberationSerif-Bold"), std::string::npos) << c.out;
  EXPECT_EQ(c.out.find("LiberationSerif "), std::string::npos) << c.out;
}

TEST(PdfWriter, TextExtractsAsExactNfc) {
  PdfFile f(write_ok(sample_pages()));
  Command c = run("pdftotext -layout " + f.path() + " -");
  ASSERT_EQ(c.status, 0) << c.out;
  for (const auto& line : kStyleLines) EXPECT_NE(c.out.find(line), std::string::npos) << c.out;
  EXPECT_NE(c.out.find(kTones), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("Trang hai: Ự ỹ đ Đ"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("Trang ba, khổ A5"), std::string::npos) << c.out;
  // The words of the justified line come back in order, one space or more apart.
  std::istringstream words(kJustified);
  std::size_t at = c.out.find("Điều");
  ASSERT_NE(at, std::string::npos);
  for (std::string w; words >> w;) {
    at = c.out.find(w, at);
    EXPECT_NE(at, std::string::npos) << w;
  }
  // Form feeds separate the pages: three pages in order.
  const auto ff1 = c.out.find('\f');
  const auto ff2 = c.out.find('\f', ff1 + 1);
  EXPECT_LT(c.out.find(kStyleLines[0]), ff1);
  EXPECT_GT(c.out.find("Trang hai"), ff1);
  EXPECT_GT(c.out.find("Trang ba"), ff2);
}

// Glyphs are written as the two bytes of their CID in literal strings; CIDs are 1..n in the order
// of the code points drawn, so the 94 printable ASCII characters together with the Vietnamese
// letters take every CID up to past 0x5C: those whose bytes are "(" (0x28), ")" (0x29), "\\"
// (0x5C) and CR (0x0D) must be escaped, and every character must come back as it was drawn.
TEST(PdfWriter, EveryCharacterCodeComesBackFromItsLiteralString) {
  std::string ascii;
  for (char c = '!'; c <= '~'; ++c) ascii += c;
  Pages pages;
  pages.info = {"Mã ký tự", "", "", "", 1723708800};
  Page page = a4_page();
  for (std::size_t i = 0; i < ascii.size(); i += 32)
    page.texts.push_back(text(72, 100 + 20 * static_cast<double>(i / 32), FontStyle::Regular, 12, ascii.substr(i, 32)));
  page.texts.push_back(text(72, 200, FontStyle::Regular, 12, kTones));
  pages.pages.push_back(page);
  PdfFile f(write_ok(pages));
  EXPECT_EQ(run("qpdf --check " + f.path()).status, 0);
  Command c = run("pdftotext -raw " + f.path() + " -");
  ASSERT_EQ(c.status, 0) << c.out;
  for (std::size_t i = 0; i < ascii.size(); i += 32)
    EXPECT_NE(c.out.find(ascii.substr(i, 32) + "\n"), std::string::npos) << ascii.substr(i, 32) << "\n" << c.out;
  EXPECT_NE(c.out.find(kTones), std::string::npos) << c.out;
}

TEST(PdfWriter, TextIsPlacedAtItsBaselineFromTheTop) {
  PdfFile f(write_ok(sample_pages()));
  // -bbox gives word boxes with a top-left origin, as the page model.
  Command c = run("pdftotext -f 1 -l 1 -bbox " + f.path() + " -");
  ASSERT_EQ(c.status, 0) << c.out;
  const auto at = c.out.find(">Cộng<");
  ASSERT_NE(at, std::string::npos) << c.out;
  const auto tag = c.out.rfind("<word", at);
  double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
  ASSERT_EQ(std::sscanf(c.out.c_str() + tag,
                        "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x_min,
                        &y_min, &x_max, &y_max),
            4);
  const FontFace& r = fonts().face(FontStyle::Regular);
  EXPECT_NEAR(x_min, 72, 0.01);
  EXPECT_NEAR(x_max, 72 + r.text_width("Cộng", 14), 0.01);
  EXPECT_NEAR(y_min, 100 - r.ascent() * 14, 0.01);
  EXPECT_NEAR(y_max, 100 + r.descent() * 14, 0.01);
}

// The words of a justified line share one TJ array; each must still start at its own x and end
// where its advances say, to well under a pixel.
TEST(PdfWriter, WordsOfAJustifiedLineKeepTheirPositions) {
  const Pages pages = sample_pages();
  PdfFile f(write_ok(pages));
  Command c = run("pdftotext -f 1 -l 1 -bbox " + f.path() + " -");
  ASSERT_EQ(c.status, 0) << c.out;
  const FontFace& r = fonts().face(FontStyle::Regular);
  int checked = 0;
  std::size_t from = c.out.find(">Điều<");
  for (const TextItem& t : pages.pages[0].texts) {
    if (t.baseline != 270) continue;
    const auto at = c.out.find(">" + t.text + "<", from);
    ASSERT_NE(at, std::string::npos) << t.text;
    const auto tag = c.out.rfind("<word", at);
    double x_min = 0, y_min = 0, x_max = 0;
    ASSERT_EQ(std::sscanf(c.out.c_str() + tag, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\"",
                          &x_min, &y_min, &x_max),
              3);
    EXPECT_NEAR(x_min, t.x, 0.001) << t.text;
    EXPECT_NEAR(x_max, t.x + r.text_width(t.text, t.size), 0.001) << t.text;
    from = at;
    ++checked;
  }
  EXPECT_EQ(checked, 14);
}

// Reads the RGB pixel at (x, y) pt of page 1 rendered at 72 dpi (1 px = 1 pt).
std::array<int, 3> pixel(const std::string& pdf, int x, int y) {
  const std::string ppm = pdf + "-page";
  Command c = run("pdftoppm -r 72 -f 1 -l 1 -singlefile " + pdf + " " + ppm);
  EXPECT_EQ(c.status, 0) << c.out;
  std::ifstream in(ppm + ".ppm", std::ios::binary);
  std::string magic;
  int w = 0, h = 0, max = 0;
  in >> magic >> w >> h >> max;
  in.get();
  std::vector<unsigned char> data(static_cast<std::size_t>(w) * h * 3);
  in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size()));
  std::filesystem::remove(ppm + ".ppm");
  const std::size_t i = (static_cast<std::size_t>(y) * w + x) * 3;
  return {data[i], data[i + 1], data[i + 2]};
}

TEST(PdfWriter, PathsAreDrawnWithTheirColoursInModelCoordinates) {
  PdfFile f(write_ok(sample_pages()));
  EXPECT_EQ(pixel(f.path(), 350, 425), (std::array<int, 3>{0, 0, 255}));      // box
  EXPECT_EQ(pixel(f.path(), 350, 470), (std::array<int, 3>{255, 255, 255}));  // below it
  const auto rule = pixel(f.path(), 172, 172);
  EXPECT_LT(rule[0], 128);  // the black rule, 0.75 pt wide
  EXPECT_EQ(pixel(f.path(), 72, 500)[0], 255);  // the red curve starts here
  EXPECT_LT(pixel(f.path(), 72, 500)[1], 128);
}

TEST(PdfWriter, QpdfFindsNoErrors) {
  PdfFile f(write_ok(sample_pages()));
  Command c = run("qpdf --check " + f.path());
  EXPECT_EQ(c.status, 0) << c.out;
  EXPECT_NE(c.out.find("No syntax or stream encoding errors found"), std::string::npos) << c.out;
}

TEST(PdfWriter, InfoKeepsVietnameseAndPagesHaveTheirSizes) {
  PdfFile f(write_ok(sample_pages()));
  Command c = run("TZ=UTC pdfinfo -isodates -l 3 " + f.path());
  ASSERT_EQ(c.status, 0) << c.out;
  EXPECT_NE(c.out.find("Title:           Quyết định về việc ủy quyền\n"), std::string::npos)
      << c.out;
  EXPECT_NE(c.out.find("Author:          Ủy ban nhân dân thành phố Hà Nội\n"), std::string::npos);
  EXPECT_NE(c.out.find("Subject:         Ủy quyền ký số\n"), std::string::npos);
  EXPECT_NE(c.out.find("Keywords:        quyết định, ủy quyền\n"), std::string::npos);
  EXPECT_NE(c.out.find("Creator:         vanban\n"), std::string::npos);
  EXPECT_NE(c.out.find("Producer:        vanban\n"), std::string::npos);
  EXPECT_NE(c.out.find("CreationDate:    2024-08-15T08:00:00Z\n"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("ModDate:         2024-08-15T08:00:00Z\n"), std::string::npos);
  EXPECT_NE(c.out.find("Pages:           3\n"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("Page    1 size:  595.276 x 841.89 pts (A4)\n"), std::string::npos);
  EXPECT_NE(c.out.find("Page    2 size:  595.276 x 841.89 pts (A4)\n"), std::string::npos);
  EXPECT_NE(c.out.find("Page    3 size:  419.528 x 595.276 pts\n"), std::string::npos) << c.out;
}

TEST(PdfWriter, OutputIsByteIdenticalAndIndependentOfTheClock) {
  const std::string first = write_ok(sample_pages());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // a PDF date has seconds
  const std::string second = write_ok(sample_pages());
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
  Pages later = sample_pages();
  later.info.timestamp += 1;
  EXPECT_FALSE(write_ok(later) == first);
}

// Fonts come from a process-wide cache: what was written before must not change a byte.
TEST(PdfWriter, OutputDoesNotDependOnWhatWasWrittenBefore) {
  const std::string first = write_ok(sample_pages());
  Pages other = sample_pages();
  for (Page& p : other.pages) {
    for (TextItem& t : p.texts) t.text += " Ỹ ỹ Ẵ ẵ 0123456789";
  }
  const std::string middle = write_ok(other);
  EXPECT_FALSE(middle == first);
  EXPECT_TRUE(write_ok(sample_pages()) == first);
}

// The batch job renders on several threads through one FontSet; each thread also writes a
// document of its own so that the font cache is filled and read concurrently.
TEST(PdfWriter, ConcurrentWritesGiveTheSameBytesAsOneThread) {
  std::vector<Pages> docs;
  for (int i = 0; i < 4; ++i) {
    Pages p = sample_pages();
    p.pages[1].texts[0].text = "Trang hai, bản " + std::to_string(i) + ": Ự ỹ đ Đ";
    docs.push_back(p);
  }
  std::vector<std::string> expected;
  for (const Pages& p : docs) expected.push_back(write_ok(p));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        got[t].push_back(*write_pdf(docs[(t + round) % 4], fonts()).value);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    for (int round = 0; round < 10; ++round) {
      EXPECT_TRUE(got[t][round] == expected[(t + round) % 4])
          << "thread " << t << " round " << round;
    }
  }
}

std::string file_id(const std::string& pdf) {
  const auto at = pdf.find("/ID[<", pdf.rfind("trailer"));
  return at == std::string::npos ? "" : pdf.substr(at + 5, 32);
}

// Documents of a batch share title, author and timestamp; their /IDs must still differ.
TEST(PdfWriter, FileIdDependsOnContent) {
  Pages a = sample_pages();
  Pages b = sample_pages();
  b.pages[1].texts[0].text = "Trang hai: khác";
  const std::string pa = write_ok(a), pb = write_ok(b);
  ASSERT_EQ(file_id(pa).size(), 32u);
  EXPECT_NE(file_id(pa), file_id(pb));
  EXPECT_EQ(file_id(pa), file_id(write_ok(a)));
  PdfFile f(pa);
  Command c = run("qpdf --show-object=trailer " + f.path());
  EXPECT_NE(c.out.find("/ID [ <" + lower(file_id(pa)) + "> <" + lower(file_id(pa)) + "> ]"),
            std::string::npos)
      << c.out;
}

TEST(PdfWriter, MissingGlyphIsAnErrorNotABlank) {
  Pages pages;
  Page p = a4_page();
  p.texts.push_back(text(72, 72, FontStyle::Regular, 12, "Hán tự 中"));
  pages.pages.push_back(p);
  auto r = write_pdf(pages, fonts());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("no glyph for U+4E2D"), std::string::npos)
      << r.errors[0].message;
  EXPECT_EQ(r.errors[0].file, fonts().face(FontStyle::Regular).path());
}

TEST(PdfWriter, TimestampOutsidePdfDateRangeIsAnError) {
  Pages pages;
  pages.pages.emplace_back();
  pages.info.timestamp = 253402300800;  // 10000-01-01
  auto r = write_pdf(pages, fonts());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors[0].message.find("outside years 0000-9999"), std::string::npos);
}

TEST(PdfWriter, NonFiniteGeometryIsAnError) {
  Pages pages = sample_pages();
  pages.pages[1].width = std::numeric_limits<double>::quiet_NaN();
  auto r = write_pdf(pages, fonts());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message, "page 2: invalid page size");

  pages = sample_pages();
  pages.pages[0].texts[1].baseline = std::numeric_limits<double>::infinity();
  r = write_pdf(pages, fonts());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message,
            "page 1: invalid position or size of text \"" + kStyleLines[1] + "\"");
}

}  // namespace
}  // namespace vanban

namespace vanban {
namespace {

// PDF/A-2b (pdf/pdfa.h): version, binary comment, XMP beside Info, the sRGB OutputIntent.
TEST(PdfWriterPdfA, HeaderMetadataAndOutputIntent) {
  const std::string pdf = write_ok(sample_pages());
  EXPECT_EQ(pdf.compare(0, 9, "%PDF-1.7\n"), 0) << "PDF/A-2 needs at least 1.4";
  ASSERT_GT(pdf.size(), 14u);
  EXPECT_EQ(pdf[9], '%');
  EXPECT_TRUE(std::all_of(pdf.begin() + 10, pdf.begin() + 14, [](char c) { return static_cast<unsigned char>(c) >= 128; }));
  EXPECT_NE(pdf.find("/Metadata "), std::string::npos);
  EXPECT_NE(pdf.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << "uncompressed XMP";
  EXPECT_NE(pdf.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
  EXPECT_NE(pdf.find("<xmp:CreateDate>2024-08-15T08:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(pdf.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Quyết định về việc ủy quyền</rdf:li>"),
            std::string::npos);
  EXPECT_NE(pdf.find("/OutputIntents"), std::string::npos);
  EXPECT_NE(pdf.find("/GTS_PDFA1"), std::string::npos);
  EXPECT_NE(pdf.find("/DestOutputProfile"), std::string::npos);
  EXPECT_EQ(pdf.find("/CIDSet"), std::string::npos);
  EXPECT_EQ(pdf.find("/Encrypt"), std::string::npos);
}

TEST(PdfWriterPdfA, XmpEscapesMarkup) {
  DocumentInfo info{"A <b> & \"c\"", "", "", "", 0};
  const std::string xmp = xmp_packet(info);
  EXPECT_NE(xmp.find("A &lt;b&gt; &amp; &quot;c&quot;"), std::string::npos);
  EXPECT_EQ(xmp.find("dc:creator"), std::string::npos) << "no empty entries";
  EXPECT_EQ(xmp_date(0), "1970-01-01T00:00:00Z");
}

TEST(PdfWriterPdfA, SignatureBoxIsRecordedInPdfUserSpace) {
  Pages pages = sample_pages();
  pages.pages[1].signature_box = Rect{300, 500, 200, 70};  // top-left origin
  const std::string pdf = write_ok(pages);
  EXPECT_NE(pdf.find("/VanbanSignatureBox[ 300 272 500 342]"), std::string::npos);
}

}  // namespace
}  // namespace vanban
