// `vanban issue` of many documents: what grows with their number is the register's work (the
// identity looked up, the last number of the series read, the row written) and the output names
// handed out. Both must stay linear; the slope is CPU time at 1x and 10x (growth.h), never a
// wall-clock limit.
#include <gtest/gtest.h>

#include <string>

#include "growth.h"
#include "output/output_name.h"
#include "register/register.h"
#include "temp_dir.h"

namespace vanban {
namespace {

TEST(RegisterScale, IssuingNDocumentsStaysLinear) {
  testing::TempDir dir;
  int run_number = 0;
  const auto issue_all = [&](int n) {
    Result<Register> reg = Register::open(dir.file("so-" + std::to_string(run_number++) + ".db"));
    ASSERT_TRUE(reg.ok());
    OutputNames names;
    // Two bodies with one code, as a city's wards: each its own series.
    const IssuerIdentity wards[] = {{"UBND", "Ủy ban nhân dân phường A", ""}, {"UBND", "Ủy ban nhân dân phường B", ""}};
    for (int i = 0; i < n; ++i) {
      const std::string key = "cong-van-" + std::to_string(i);
      ASSERT_TRUE(names.claim("in/" + key + ".xml").ok());
      IssueRequest r;
      r.identity = {wards[i % 2], "cong-van", key};
      r.content_hash = key;
      r.numbering = {NumberingSetup::Series::CalendarYear, false};
      r.date = {2026, 6, 3};
      r.details = {"nha-nuoc", "Công văn", "về " + key, "Nguyễn Văn A", "Sở Nội vụ", "VT", 2, ""};
      const Result<IssuedNumber> issued = reg.value->issue(r);
      ASSERT_TRUE(issued.ok());
      ASSERT_EQ(issued.value->number, i / 2 + 1);
    }
  };
  const double growth = testing::tenfold_growth(issue_all, 60);
  RecordProperty("issue_growth", std::to_string(growth));
  EXPECT_LT(growth, testing::kLinearGrowthLimit);
}

}  // namespace
}  // namespace vanban
