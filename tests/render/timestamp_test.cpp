#include "render/timestamp.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

TEST(SourceDateEpoch, AcceptsWholeSeconds) {
  std::string error;
  EXPECT_EQ(parse_source_date_epoch("0", error), 0);
  EXPECT_EQ(parse_source_date_epoch("1767225600", error), 1767225600);
  EXPECT_EQ(parse_source_date_epoch("253402300799", error), 253402300799);
  EXPECT_EQ(error, "");
}

TEST(SourceDateEpoch, RefusesAnythingElse) {
  for (const char* bad : {"", "-1", "+5", "12a", " 12", "1.5", "253402300800", "99999999999999999999"}) {
    std::string error;
    EXPECT_FALSE(parse_source_date_epoch(bad, error).has_value()) << bad;
    EXPECT_EQ(error, "SOURCE_DATE_EPOCH='" + std::string(bad) +
                         "' is not a number of seconds since 1970-01-01 (0 to 253402300799)");
  }
}

TEST(DocumentTimestamp, MidnightUtcOfTheDate) {
  EXPECT_EQ(document_timestamp({1970, 1, 1}), 0);
  EXPECT_EQ(document_timestamp({2026, 3, 12}), 1773273600);  // 2026-03-12T00:00:00Z
}

}  // namespace
}  // namespace vanban
