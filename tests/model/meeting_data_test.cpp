#include "model/meeting_data.h"

#include <gtest/gtest.h>

#include <string>

#include "model/diagnostic.h"

namespace vanban {
namespace {

// Every record of a file holds its path: copies share the one string.
TEST(SharedPath, CopiesShareOneString) {
  const SharedPath path = std::string("content/2026-10/branches.csv");
  RecordSource a{path, 2, 1};
  RecordSource b{path, 3, 1};
  EXPECT_EQ(&a.file.str(), &b.file.str());
  EXPECT_EQ(a.file.str(), "content/2026-10/branches.csv");
  const Diagnostic d{b.file.str(), b.line, b.column, "members 0"};
  EXPECT_EQ(d.to_string(), "content/2026-10/branches.csv:3:1: members 0");
}

TEST(SharedPath, NoneGivenReadsEmpty) {
  const RecordSource none;
  EXPECT_EQ(none.file.str(), "");
  EXPECT_EQ(SharedPath("a.xml").str(), "a.xml");
}

}  // namespace
}  // namespace vanban
