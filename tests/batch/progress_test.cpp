#include "batch/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace vanban {
namespace {

TEST(ProgressBarText, CountsRateAndTimeLeft) {
  EXPECT_EQ(progress_bar_text(0, 10512, 0, 10), "[----------] 0/10.512");
  EXPECT_EQ(progress_bar_text(2628, 10512, 6.0, 10), "[##--------] 2.628/10.512  438 doc/s  0:18 left");
  EXPECT_EQ(progress_bar_text(10512, 10512, 24.0, 4), "[####] 10.512/10.512  438 doc/s  0:00 left");
  EXPECT_EQ(progress_bar_text(1, 100, 10.0, 4), "[----] 1/100  0 doc/s  16:30 left");
}

TEST(Progress, LinesModeShowsPhasesAndTenPercentSteps) {
  std::ostringstream err;
  Progress p(ProgressMode::Lines, err);
  p.phase("2026-10: reading meetings.xml");
  p.start("2026-10", 100);
  for (std::size_t i = 1; i <= 100; ++i) p.update(i);
  p.finish();
  const std::string text = err.str();
  EXPECT_EQ(text.rfind("2026-10: reading meetings.xml\n2026-10: rendering 100 documents\n2026-10: 10/100 (10%), ", 0), 0u)
      << text;
  EXPECT_NE(text.find("\n2026-10: 100/100 (100%), "), std::string::npos);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  EXPECT_EQ(lines, 12u);  // phase, start, ten steps
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(Progress, SmallRunsShowNoSteps) {
  std::ostringstream err;
  Progress p(ProgressMode::Lines, err);
  p.start("documents", 6);
  for (std::size_t i = 1; i <= 6; ++i) p.update(i);
  p.finish();
  EXPECT_EQ(err.str(), "documents: rendering 6 documents\n");
}

TEST(Progress, QuietShowsOnlyMessages) {
  std::ostringstream err;
  Progress p(ProgressMode::Quiet, err);
  p.phase("2026-10: reading");
  p.start("2026-10", 100);
  p.update(50);
  p.message("a.xml:1:2: bad");
  p.finish();
  EXPECT_EQ(err.str(), "a.xml:1:2: bad\n");
}

TEST(Progress, BarIsRedrawnInPlaceAndMessagesGetTheirOwnLine) {
  std::ostringstream err;
  Progress p(ProgressMode::Bar, err);
  p.start("2026-10", 4);
  p.message("a.xml:1:2: bad");
  p.update(4);
  p.finish();
  const std::string text = err.str();
  EXPECT_EQ(text.rfind("\r\033[K2026-10 [", 0), 0u);
  EXPECT_NE(text.find("\r\033[Ka.xml:1:2: bad\n\r\033[K2026-10 ["), std::string::npos) << text;
  EXPECT_NE(text.find("4/4"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace vanban
