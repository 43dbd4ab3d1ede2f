#include "batch/run_report.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace vanban {
namespace {

TEST(JsonString, EscapesQuotesControlsAndBadUtf8) {
  EXPECT_EQ(json_string("Chi hội \"Nông dân\"\\"), "\"Chi hội \\\"Nông dân\\\"\\\\\"");
  EXPECT_EQ(json_string("a\nb\tc\x01"), "\"a\\u000ab\\u0009c\\u0001\"");
  EXPECT_EQ(json_string("x\xff" "y\xe1\xba"), "\"x\\ufffdy\\ufffd\\ufffd\"");  // stray and cut-short bytes
  EXPECT_EQ(json_string("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");        // a UTF-16 surrogate
  EXPECT_EQ(json_string("😀"), "\"😀\"");
}

std::string report(const FolderOutcome& o) {
  std::string out;
  write_run_report(o, "0.1.0", [&](std::string_view piece) { out += piece; });
  return out;
}

TEST(RunReport, ListsEverythingSortedWithCounts) {
  testing::TempDir dir;
  FolderOutcome o;
  o.label = "2026-10";
  o.input = "content/2026-10/meetings.xml";
  o.output_dir = "out/2026-10";
  o.documents = 5;
  std::string error;
  o.ledger = FolderLedger::open(dir.path().string(), error);
  ASSERT_TRUE(o.ledger) << error;
  o.ledger->add_written({"b", "cong-van", 1, 100, 200});
  o.ledger->add_written({"a", "bao-cao", 0, 10, 20});
  o.ledger->add(Listed::Unchanged, "d");
  o.ledger->add(Listed::Unchanged, "c");
  o.ledger->add(Listed::Failed, "e");
  o.rejected = {{"content/2026-10/meetings.xml", 12, 5, "there is no branch 'B9'"}};
  o.warnings = {{"content/2026-10/meetings.xml", 14, 7, "a substitute", true}};
  EXPECT_EQ(report(o),
            "{\n"
            "  \"vanban\": \"0.1.0\",\n"
            "  \"folder\": \"2026-10\",\n"
            "  \"input\": \"content/2026-10/meetings.xml\",\n"
            "  \"output\": \"out/2026-10\",\n"
            "  \"interrupted\": false,\n"
            "  \"counts\": {\"documents\": 5, \"written\": 2, \"unchanged\": 2, \"failed\": 1, \"removed\": 0, "
            "\"rejected\": 1, \"warnings\": 1},\n"
            "  \"written\": [\n"
            "    {\"name\": \"a\", \"kind\": \"bao-cao\", \"pdf_bytes\": 10, \"html_bytes\": 20},\n"
            "    {\"name\": \"b\", \"kind\": \"cong-van\", \"pages\": 1, \"pdf_bytes\": 100, \"html_bytes\": 200}\n"
            "  ],\n"
            "  \"unchanged\": [\"c\", \"d\"],\n"
            "  \"failed\": [\"e\"],\n"
            "  \"removed\": [],\n"
            "  \"rejected\": [\n"
            "    {\"file\": \"content/2026-10/meetings.xml\", \"line\": 12, \"column\": 5, \"message\": \"there is no "
            "branch 'B9'\"}\n"
            "  ],\n"
            "  \"warnings\": [\n"
            "    {\"file\": \"content/2026-10/meetings.xml\", \"line\": 14, \"column\": 7, \"message\": \"a "
            "substitute\"}\n"
            "  ]\n"
            "}\n");
}

// Without its bookkeeping (it could not be kept: the run rendered nothing), the lists are empty.
TEST(RunReport, AnOutcomeWithoutItsLedgerListsNothing) {
  FolderOutcome o;
  o.label = "documents";
  o.rejected = {{"out", 0, 0, "cannot keep the build's records there: disk full"}};
  const std::string json = report(o);
  EXPECT_NE(json.find("\"counts\": {\"documents\": 0, \"written\": 0, \"unchanged\": 0, \"failed\": 0, \"removed\": 0, "
                      "\"rejected\": 1, \"warnings\": 0}"), std::string::npos) << json;
  EXPECT_NE(json.find("\"written\": [],\n  \"unchanged\": [],\n  \"failed\": [],\n  \"removed\": [],"), std::string::npos)
      << json;
}

}  // namespace
}  // namespace vanban
