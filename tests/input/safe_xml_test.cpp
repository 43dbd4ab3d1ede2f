#include "input/safe_xml.h"

#include <gtest/gtest.h>
#include <libxml/tree.h>

#include <algorithm>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "input/input_limits.h"
#include "input_test_util.h"
#include "meeting_test_util.h"

namespace vanban {
namespace {

using testing::all;
using testing::document_schema;

// Smallest valid document; `body` replaces the paragraph.
std::string doc(const std::string& body = "<p>Nội dung.</p>", const std::string& prolog = "") {
  return prolog +
         "<document layout=\"dang\" type=\"bao-cao\">\n"  // line 1 (+ prolog lines)
         "  <issuer><name>Tỉnh ủy</name><code>TU</code></issuer>\n"
         "  <place>Trà Vinh</place>\n"
         "  <date>2023-05-17</date>\n"
         "  <subject>về việc X</subject>\n"
         "  <body>\n"
         "    " +
         body +
         "\n"  // line 7
         "  </body>\n"
         "  <signature><role>Bí thư</role><signer>A</signer></signature>\n"
         "</document>\n";
}

Diagnostics parse_errors(const std::string& bytes) {
  Diagnostics errors;
  XmlDocPtr d = parse_and_validate(bytes, "in.xml", document_schema(), errors);
  EXPECT_EQ(d == nullptr, !errors.empty()) << all(errors);
  return errors;
}

TEST(SafeXml, AcceptsAValidDocumentWithOrWithoutBom) {
  EXPECT_TRUE(parse_errors(doc()).empty());
  EXPECT_TRUE(parse_errors("\xEF\xBB\xBF" + doc()).empty());
  EXPECT_TRUE(parse_errors("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + doc()).empty());
}

// The text nodes under `node`, in document order.
std::vector<std::string> texts_under(const xmlNode* node) {
  std::vector<std::string> out;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE) out.push_back(reinterpret_cast<const char*>(c->content));
    for (std::string& t : texts_under(c)) out.push_back(std::move(t));
  }
  return out;
}

TEST(SafeXml, RecordsKeepTheirTextButNotTheWhiteSpaceBetweenElements) {
  const std::string bytes = doc("<p><b>Hai</b> <i>từ</i>, rồi  chữ.</p>");
  Diagnostics errors;
  const XmlDocPtr mixed = parse_and_validate(bytes, "in.xml", document_schema(), errors);
  const XmlDocPtr records = parse_and_validate(bytes, "in.xml", document_schema(), errors, TextContent::Records);
  ASSERT_TRUE(mixed && records) << all(errors);
  const std::vector<std::string> kept = texts_under(xmlDocGetRootElement(records.get()));
  // Markup: the space between two inline elements is a word; records: it starts no text.
  EXPECT_EQ(kept, (std::vector<std::string>{"Tỉnh ủy", "TU", "Trà Vinh", "2023-05-17", "về việc X", "Hai", "từ",
                                            ", rồi  chữ.", "Bí thư", "A"}));
  const std::vector<std::string> all_text = texts_under(xmlDocGetRootElement(mixed.get()));
  EXPECT_NE(std::find(all_text.begin(), all_text.end(), " "), all_text.end());
  EXPECT_GT(all_text.size(), kept.size() + 5);
}

TEST(SafeXml, RefusesNonUtf8AtTheBadByte) {
  std::string bytes = doc("<p>Tr\xE0 Vinh</p>");
  const Diagnostics errors = parse_errors(bytes);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:7:10: not UTF-8: byte 0xE0 is not part of a UTF-8 character; save the file "
            "as UTF-8");
}

// Read whole, libxml2 took a NUL for the end of the file and ignored what followed it (found by
// fuzz_meetings_xml: the streamed reading refused the same file); XML cannot hold one.
TEST(SafeXml, RefusesANulByteWhereverItIs) {
  const std::string nul(1, '\0');
  const std::string after_root = doc("<p>Trà Vinh</p>") + nul + "<p>ignored</p>";
  const Diagnostics errors = parse_errors(after_root);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 11);  // after "</document>\n"
  EXPECT_EQ(errors[0].column, 1);
  EXPECT_NE(errors[0].message.find("byte 0x00 (NUL)"), std::string::npos) << errors[0].message;
  const Diagnostics inside = parse_errors(doc("<p>Trà" + nul + " Vinh</p>"));
  ASSERT_EQ(inside.size(), 1u);
  EXPECT_EQ(inside[0].to_string().substr(0, 12), "in.xml:7:11:");  // "    <p>Trà" is 10 characters
}

TEST(SafeXml, ColumnsCountCharactersNotBytes) {
  // "Hội" is 3 characters, 5 bytes: the bad byte after it is the 4th character of the line.
  const Diagnostics errors = parse_errors(doc("<p>Hội\xFF</p>"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 7);
  EXPECT_EQ(errors[0].column, 11);
  EXPECT_NE(errors[0].message.find("byte 0xFF"), std::string::npos);
}

TEST(SafeXml, RefusesADeclaredEncodingOtherThanUtf8) {
  const Diagnostics errors =
      parse_errors("<?xml version=\"1.0\" encoding=\"windows-1258\"?>\n" + doc());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:1:31: the file declares encoding 'windows-1258'; only UTF-8 is accepted: save "
            "it as UTF-8");
}

TEST(SafeXml, RefusesAnyDoctypeEvenAHarmlessOne) {
  const Diagnostics errors = parse_errors("<!-- x -->\n<!DOCTYPE document>\n" + doc());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:2:1: a DOCTYPE is not allowed (entities and external files are refused)");
}

TEST(SafeXml, RefusesTheBillionLaughsByItsDoctype) {
  std::string bomb = "<!DOCTYPE document [\n <!ENTITY a \"aaaaaaaaaa\">\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(" <!ENTITY ") + c + " \"";
    for (int i = 0; i < 10; ++i) bomb += "&" + prev + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n";
  const Diagnostics errors = parse_errors(bomb + doc("<p>&k;</p>"));
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].line, 1);
  EXPECT_NE(errors[0].message.find("a DOCTYPE is not allowed"), std::string::npos);
}

TEST(SafeXml, NeverReadsAnExternalEntity) {
  testing::ScratchDir dir;
  const std::string secret = "XXE-" + std::to_string(::getpid()) + "-must-stay-unread";
  testing::write_bytes(dir.file("secret.txt"), secret + "\n");
  for (const std::string& uri : {dir.file("secret.txt"), "file://" + dir.file("secret.txt")}) {
    const std::string bytes =
        "<!DOCTYPE document [<!ENTITY x SYSTEM \"" + uri + "\">]>\n" + doc("<p>&x;</p>");
    Diagnostics errors;
    XmlDocPtr d = parse_and_validate(bytes, "in.xml", document_schema(), errors);
    EXPECT_EQ(d, nullptr);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].message.find("a DOCTYPE is not allowed"), std::string::npos);
    EXPECT_EQ(all(errors).find(secret), std::string::npos);
  }
}

TEST(SafeXml, ReportsTheFirstSyntaxErrorWhereLibxmlFindsIt) {
  const Diagnostics errors = parse_errors(doc("<p>Nội dung.</h>"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:7:21: not well-formed XML: Opening and ending tag mismatch: p line 7 and h");
}

TEST(SafeXml, ExplainsAMissingRequiredElement) {
  std::string bytes = doc();
  bytes.replace(bytes.find("<signer>A</signer>"), 18, "");
  const Diagnostics errors = parse_errors(bytes);
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].to_string(), "in.xml:9:3: expected element <signer> inside <signature>");
}

TEST(SafeXml, ExplainsAnElementLeftOutBeforeAnother) {
  std::string bytes = doc();
  bytes.replace(bytes.find("  <place>Trà Vinh</place>\n"), 27, "");
  const Diagnostics errors = parse_errors(bytes);
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:3:3: expected element <place> inside <document> before <date>");
}

TEST(SafeXml, ExplainsAnUnexpectedElementWithWhatIsAllowed) {
  const Diagnostics errors = parse_errors(doc("<p>a</p><ghichu>b</ghichu>"));
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:7:13: unexpected element <ghichu> in <body>; expected one of p, h, ol, ul, "
            "table, chart, pagebreak, toc, box, notes");
}

TEST(SafeXml, ReportsEveryProblemNotOnlyTheFirst) {
  std::string bytes =
      doc("<ghichu/><p>x <b foo=\"1\">y</b></p><table><tr><td colspan=\"0\">z</td></tr></table>");
  bytes.replace(bytes.find("<signer>A</signer>"), 18, "");
  const Diagnostics errors = parse_errors(bytes);
  ASSERT_EQ(errors.size(), 4u) << all(errors);
  EXPECT_EQ(
      errors[0].to_string(),
      "in.xml:7:5: unexpected element <ghichu> in <body>; expected one of p, h, ol, ul, table, "
      "chart, pagebreak, toc, box, notes");
  EXPECT_EQ(errors[1].to_string(), "in.xml:7:19: unexpected attribute foo= on <b>");
  EXPECT_EQ(errors[2].to_string(),
            "in.xml:7:50: attribute colspan='0' of <td> is not valid; expected a whole number "
            "from 1 up, such as 2");
  EXPECT_EQ(errors[3].to_string(), "in.xml:9:3: expected element <signer> inside <signature>");
}

TEST(SafeXml, ExplainsBadValuesWithTheirExpectedForm) {
  std::string bytes = doc();
  bytes.replace(bytes.find("<place>"), 0, "<number>hai</number>");
  Diagnostics errors = parse_errors(bytes);
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:3:3: <number> 'hai' is not valid; expected digits only, such as 431");

  errors = parse_errors(doc("<p>Tỷ lệ <pct num=\"1\"/></p>"));
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].to_string(), "in.xml:7:14: <pct> needs the attribute den=\"...\"");
}

TEST(SafeXml, PointsAtTextWhereOnlyElementsAreAllowed) {
  const Diagnostics errors = parse_errors(doc("<ol><li>\n      Mục một</li></ol>"));
  ASSERT_EQ(errors.size(), 2u) << all(errors);
  EXPECT_EQ(errors[0].to_string(),
            "in.xml:8:7: unexpected text 'Mục một' in <li>; expected one of p, ol, ul");
  EXPECT_EQ(errors[1].to_string(), "in.xml:7:9: expected one of p, ol, ul inside <li>");
}

TEST(SafeXml, PositionsOfElementsAndText) {
  const std::string bytes = doc("<p>Một <b>hai</b></p><p>ba</p>");
  Diagnostics errors;
  XmlDocPtr d = parse_and_validate(bytes, "in.xml", document_schema(), errors);
  ASSERT_NE(d, nullptr) << all(errors);
  const xmlNode* body = xmlDocGetRootElement(d.get())->last->prev->prev->prev;
  ASSERT_STREQ(reinterpret_cast<const char*>(body->name), "body");
  const xmlNode* p1 = body->children->next;
  const xmlNode* p2 = p1->next;
  EXPECT_EQ(position_of(p1).line, 7);
  EXPECT_EQ(position_of(p1).column, 5);
  EXPECT_EQ(position_of(p2).column, 26);  // same line: not confused with the first <p>
  const xmlNode* b = p1->children->next;
  EXPECT_EQ(position_of(b).column, 12);
  EXPECT_EQ(position_of(b->children).column, 15);  // the text "hai"
}

TEST(SafeXml, PositionsStayRightInLongAndCrlfFiles) {
  std::string body;
  for (int i = 0; i < 70000; ++i) body += "<p>Đoạn văn số " + std::to_string(i) + ".</p>\n    ";
  const Diagnostics errors = parse_errors(doc(body + "<p>x</p> <ghichu/>"));
  ASSERT_EQ(errors.size(), 1u) << all(errors);
  EXPECT_EQ(errors[0].line, 70007);  // beyond libxml2's 16-bit line numbers
  EXPECT_EQ(errors[0].column, 14);

  std::string crlf;
  for (char c : doc("<p>a</p>\n<h>b</h><ghichu/>"))
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const Diagnostics crlf_errors = parse_errors(crlf);
  ASSERT_EQ(crlf_errors.size(), 1u) << all(crlf_errors);
  EXPECT_EQ(crlf_errors[0].line, 8);
  EXPECT_EQ(crlf_errors[0].column, 9);
}

TEST(SafeXml, ColumnOfElement) {
  const std::string bytes = "<a>\n  <bb/><b x=\"1\">é</b>\n</a>";
  EXPECT_EQ(column_of_element(bytes, 2, "b"), 8);
  EXPECT_EQ(column_of_element(bytes, 2, "bb"), 3);
  EXPECT_EQ(column_of_element(bytes, 3, "b"), 1);
  EXPECT_EQ(position_at(bytes, bytes.find("</b>")).column, 18);
}

TEST(SafeXml, ParsesFromSeveralThreadsAtOnce) {
  const std::string good = doc();
  const std::string bad = doc("<ghichu/>");
  Diagnostics single;
  parse_and_validate(bad, "in.xml", document_schema(), single);
  ASSERT_EQ(single.size(), 2u) << all(single);  // <ghichu> unexpected; <body> has no block
  std::vector<std::thread> threads;
  std::vector<int> outcomes(16, -1);
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      int ok = 0;
      for (int i = 0; i < 20; ++i) {
        Diagnostics errors;
        const bool want_good = (i + t) % 2 == 0;
        XmlDocPtr d =
            parse_and_validate(want_good ? good : bad, "in.xml", document_schema(), errors);
        const bool as_expected = want_good ? d && errors.empty()
                                           : !d && errors.size() == 2 &&
                                                 errors[0].to_string() == single[0].to_string() &&
                                                 errors[1].to_string() == single[1].to_string();
        ok += as_expected ? 1 : 0;
      }
      outcomes[t] = ok;
    });
  }
  for (auto& th : threads) th.join();
  for (int ok : outcomes) EXPECT_EQ(ok, 20);
}

TEST(SafeXml, ReportsAnUnreadableSchema) {
  Diagnostics errors;
  EXPECT_EQ(parse_and_validate(doc(), "in.xml", "/nonexistent/schema.rng", errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].to_string(), "/nonexistent/schema.rng:0:0: schema: cannot read the schema");
}

// Limits are checked before validation, whose cost grows fastest: the message names the limit
// and the option that raises it.
TEST(SafeXml, RefusesMoreElementsOrBytesThanTheLimits) {
  const InputLimits saved = input_limits();
  InputLimits small = saved;
  small.max_elements = 40;
  set_input_limits(small);
  std::string runs;
  for (int i = 0; i < 50; ++i) runs += "<b>x</b>";
  const Diagnostics many = parse_errors(doc("<p>" + runs + "</p>"));
  ASSERT_EQ(many.size(), 1u) << all(many);
  EXPECT_EQ(many[0].message,
            "more than 40 elements; vanban reads at most that many from one file (raise the limit with "
            "--max-elements N)");
  EXPECT_EQ(many[0].line, 7);
  small = saved;
  small.max_bytes = 100;
  set_input_limits(small);
  const std::string bytes = doc();
  const Diagnostics large = parse_errors(bytes);
  set_input_limits(saved);
  ASSERT_EQ(large.size(), 1u) << all(large);
  EXPECT_EQ(large[0].to_string(), "in.xml:1:1: the file is " + std::to_string(bytes.size()) +
                                      " bytes, over the limit of 100 bytes (0 MB) for one input file; raise it "
                                      "with --max-input-mb N");
  EXPECT_TRUE(parse_errors(doc("<p>" + runs + "</p>")).empty());
}

// A month of `branches` branches, each with a meeting that has a topic and an opinion.
std::string meeting_month(int branches, const std::string& after_meetings = "") {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<meeting-month year=\"2026\" month=\"10\">\n  <branches>\n";
  for (int i = 1; i <= branches; ++i)
    out += "    <branch id=\"B" + std::to_string(i) + "\" kind=\"chi hội\" organisation=\"nong-dan\" name=\"Chi hội ấp " +
           std::to_string(i) + "\"\n            commune=\"xã Tân An\" members=\"30\" meeting-day=\"5\"/>\n";
  out += "  </branches>\n  <cadres>\n    <cadre id=\"C1\" name=\"Lê Thị Ánh\" position=\"Chuyên viên\" agency=\"Ban Tuyên giáo và Dân vận\" level=\"tỉnh\"/>\n"
         "  </cadres>\n  <assignments/>\n  <meetings>\n";
  for (int i = 1; i <= branches; ++i)
    out += "    <meeting branch=\"B" + std::to_string(i) + "\" date=\"2026-10-05\" present=\"20\">\n"
           "      <topic>Chuyển đổi số &amp; sản xuất</topic>\n      <opinion topic=\"1\">Ý kiến <![CDATA[a < b]]></opinion>\n"
           "    </meeting>\n";
  return out + after_meetings + "  </meetings>\n</meeting-month>\n";
}

// What a reader sees of a record: its name, place, attributes and text.
std::string describe(const xmlNode* n) {
  const SourcePosition p = position_of(n);
  std::string out = std::string(reinterpret_cast<const char*>(n->name)) + "@" + std::to_string(p.line) + ":" +
                    std::to_string(p.column);
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    out += " " + std::string(reinterpret_cast<const char*>(a->name)) + "=" + reinterpret_cast<const char*>(v);
    xmlFree(v);
  }
  xmlChar* text = xmlNodeGetContent(n);
  out += " [" + std::string(reinterpret_cast<const char*>(text)) + "]";
  xmlFree(text);
  for (const xmlNode* c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) {
      const SourcePosition q = position_of(c);
      out += " " + std::string(reinterpret_cast<const char*>(c->name)) + "@" + std::to_string(q.line) + ":" +
             std::to_string(q.column);
    }
  return out;
}

struct Streamed {
  XmlDocPtr doc;
  Diagnostics errors;
  std::vector<std::string> records;
  int restarts = 0;
  bool alone = true;  // each record was the only node of its section when handed over
};

Streamed stream(const std::string& bytes, std::size_t chunk = kRecordChunk) {
  Streamed out;
  RecordHandler handler;
  handler.record = [&](const xmlNode* n) {
    out.records.push_back(describe(n));
    // The records before it are freed, the ones after it not yet read.
    if (n->prev || n->next) out.alone = false;
  };
  handler.restart = [&] {
    ++out.restarts;
    out.records.clear();
  };
  MemoryBytes source(bytes, chunk);
  out.doc = parse_records(source, "m.xml", testing::meetings_schema(), out.errors, handler);
  return out;
}

// The records of the same file parsed whole.
std::vector<std::string> records_of_tree(const std::string& bytes, Diagnostics& errors) {
  std::vector<std::string> out;
  const XmlDocPtr d = parse_and_validate(bytes, "m.xml", testing::meetings_schema(), errors, TextContent::Records);
  if (!d) return out;
  for (const xmlNode* section = xmlDocGetRootElement(d.get())->children; section; section = section->next)
    for (const xmlNode* n = section->children; n; n = n->next)
      if (n->type == XML_ELEMENT_NODE) out.push_back(describe(n));
  return out;
}

// A data file's records are validated and handed over one at a time, each freed after its
// turn: the tree never holds more than one; what the reader sees of each is what the whole
// tree gives.
TEST(ParseRecords, HandsOverEachRecordAloneAsTheWholeTreeHasIt) {
  const std::string bytes = meeting_month(300);
  const Streamed s = stream(bytes);
  ASSERT_TRUE(s.doc) << all(s.errors);
  EXPECT_EQ(s.restarts, 0);
  EXPECT_TRUE(s.alone);
  Diagnostics errors;
  const std::vector<std::string> whole = records_of_tree(bytes, errors);
  ASSERT_TRUE(errors.empty()) << all(errors);
  ASSERT_EQ(s.records.size(), 601u);
  EXPECT_EQ(s.records, whole);
  EXPECT_EQ(s.records[300], "cadre@606:5 id=C1 name=Lê Thị Ánh position=Chuyên viên agency=Ban Tuyên giáo và Dân vận level=tỉnh []");
  EXPECT_EQ(s.records[301],
            "meeting@610:5 branch=B1 date=2026-10-05 present=20 [Chuyển đổi số & sản xuấtÝ kiến a < b] topic@611:7 "
            "opinion@612:7");
  // The document is left with its root and sections, without a record.
  const xmlNode* root = xmlDocGetRootElement(s.doc.get());
  for (const xmlNode* section = root->children; section; section = section->next)
    EXPECT_EQ(section->children, nullptr) << section->name;
}

// The file is held only from the record being read on: its bytes are forgotten as its records
// are, so that memory does not grow with the file.
TEST(ParseRecords, HoldsTheFileOnlyFromTheRecordBeingRead) {
  const std::string bytes = meeting_month(4000);
  ASSERT_GT(bytes.size(), 10 * kRecordChunk);
  MemoryBytes source(bytes, kRecordChunk);
  std::size_t records = 0, most_held = 0;
  RecordHandler handler;
  handler.record = [&](const xmlNode* n) {
    ++records;
    const SourceText& text = source_text(n->doc);
    most_held = std::max(most_held, text.end() - text.begin());
  };
  handler.restart = [] { FAIL() << "read again"; };
  Diagnostics errors;
  const XmlDocPtr doc = parse_records(source, "m.xml", testing::meetings_schema(), errors, handler);
  ASSERT_TRUE(doc) << all(errors);
  EXPECT_EQ(records, 8001u);
  EXPECT_LT(most_held, kRecordChunk + 1024);  // a piece and a record or two
  EXPECT_GT(source_text(doc.get()).begin(), bytes.size() - 1024);
}

// libxml2 is given the file a piece at a time: wherever the pieces are cut (inside a tag, a name,
// an attribute, a character, a CDATA section), the records and their places are the same.
TEST(ParseRecords, GivesTheSameRecordsWhereverTheFileIsCut) {
  const std::string bytes = meeting_month(700);
  ASSERT_GT(bytes.size(), 2 * kRecordChunk);
  const Streamed whole = stream(bytes, bytes.size());
  ASSERT_TRUE(whole.doc) << all(whole.errors);
  ASSERT_EQ(whole.records.size(), 1401u);
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{4093}, kRecordChunk}) {
    const Streamed s = stream(bytes, chunk);
    ASSERT_TRUE(s.doc) << chunk << ": " << all(s.errors);
    EXPECT_EQ(s.restarts, 0) << chunk;
    EXPECT_TRUE(s.alone) << chunk;
    EXPECT_EQ(s.records, whole.records) << chunk;
  }
  // And anything wrong is still found, in the whole tree's words.
  const std::string broken = meeting_month(700, "    <visit branch=\"B1\"/>\n");
  Diagnostics tree;
  records_of_tree(broken, tree);
  ASSERT_FALSE(tree.empty());
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, kRecordChunk}) {
    const Streamed s = stream(broken, chunk);
    EXPECT_EQ(s.doc, nullptr) << chunk;
    EXPECT_EQ(all(s.errors), all(tree)) << chunk;
    EXPECT_EQ(s.restarts, 1) << chunk;
  }
}

// Bytes that are UTF-8 only because every other byte is NUL (UCS-4 or UTF-16 text of ASCII) are
// not read as UCS-4 or UTF-16 when libxml2 is given them in pieces: refused, as read whole, and
// without a word of libxml2's own on stderr (it took them for UTF-16 and failed to convert them).
TEST(ParseRecords, ReadsUtf8OnlyWhereverItIsGivenInPieces) {
  const std::string declared = meeting_month(2);  // "<?xml ...": what libxml2 guesses encodings from
  const std::string ascii = declared.substr(declared.find("?>\n") + 3);
  const auto widened = [](const std::string& text, std::size_t width) {
    std::string out;
    for (const char c : text) out += std::string(width - 1, '\0') + c;
    return out;
  };
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"UCS-4, declared", widened(declared, 4)},
      {"UTF-16, declared", widened(declared, 2)},
      {"UCS-4", widened(ascii, 4)},
      {"UTF-16", widened(ascii, 2)},
      {"UCS-4 for its first four bytes only", std::string(3, '\0') + declared},
  };
  for (const auto& [what, bytes] : inputs) {
    Diagnostics tree;
    records_of_tree(bytes, tree);
    ASSERT_FALSE(tree.empty()) << what;
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{4}, kRecordChunk}) {
      ::testing::internal::CaptureStderr();
      const Streamed s = stream(bytes, chunk);
      EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << what << ", pieces of " << chunk;
      EXPECT_EQ(s.doc, nullptr) << what << ", pieces of " << chunk;
      EXPECT_EQ(all(s.errors), all(tree)) << what << ", pieces of " << chunk;
      EXPECT_TRUE(s.records.empty()) << what << ", pieces of " << chunk;
    }
  }
}

// Whatever is wrong and wherever (after many records were handed over), the messages are the
// ones of the whole tree, and the records handed over are taken back.
TEST(ParseRecords, AnythingWrongGivesTheWholeTreesMessages) {
  const InputLimits saved = input_limits();
  const std::vector<std::pair<std::string, std::string>> broken = {
      {"syntax", meeting_month(50, "    <meeting branch=\"B1\" date=\"2026-10-05\" present=\"3\">\n")},
      {"unknown element", meeting_month(50, "    <visit branch=\"B1\"/>\n")},
      {"missing attribute", meeting_month(50, "    <meeting branch=\"B1\" present=\"3\"/>\n")},
      {"text between records", meeting_month(50, "    stray words\n")},
      {"doctype", "<!DOCTYPE meeting-month>\n" + meeting_month(5)},
      {"bad month", std::regex_replace(meeting_month(5), std::regex("month=\"10\""), "month=\"13\"")},
      {"too many elements", meeting_month(50)},
      {"too many bytes", "\xEF\xBB\xBF" + meeting_month(50)},
      {"NUL at the end", meeting_month(50) + std::string(1, '\0')},
      {"a character cut off at the end", meeting_month(50) + "\xE1\xBB"},
      {"a bad byte among the records", meeting_month(50, "    <!-- \xFF -->\n")},
      {"declared Latin-1", std::regex_replace(meeting_month(50), std::regex("UTF-8"), "ISO-8859-1")},
  };
  for (const auto& [what, bytes] : broken) {
    if (what == "too many elements") set_input_limits({saved.max_bytes, 120});
    if (what == "too many bytes") set_input_limits({bytes.size() - 4, saved.max_elements});  // the body, one over
    const Streamed s = stream(bytes);
    Diagnostics whole;
    records_of_tree(bytes, whole);
    set_input_limits(saved);
    EXPECT_EQ(s.doc, nullptr) << what;
    ASSERT_FALSE(whole.empty()) << what;
    EXPECT_EQ(all(s.errors), all(whole)) << what;
    EXPECT_TRUE(s.records.empty()) << what;
    EXPECT_EQ(s.restarts, 1) << what;
  }
}

}  // namespace
}  // namespace vanban
