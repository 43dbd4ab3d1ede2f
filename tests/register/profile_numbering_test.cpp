// The series rule of every shipped profile (templates/profiles/*.xml, <numbering>).
#include <gtest/gtest.h>

#include "input/profile_reader.h"

namespace vanban {
namespace {

using Series = NumberingSetup::Series;

TEST(ProfileNumbering, EveryShippedProfileStatesItsSeries) {
  const std::string templates = std::string(VANBAN_SOURCE_DIR) + "/templates";
  const Result<ProfileRegistry> profiles = load_profiles(templates + "/profiles", templates + "/schema/profile.rng");
  ASSERT_TRUE(profiles.ok());
  ASSERT_TRUE(profiles.value->all().size() >= 7u);
  for (const Profile& p : profiles.value->all()) {
    SCOPED_TRACE(p.family);
    const bool state_like = p.family == "nha-nuoc" || p.family == "mat-tran";
    EXPECT_EQ(p.numbering.series, state_like ? Series::CalendarYear : Series::Term);
    EXPECT_EQ(p.numbering.per_type, !state_like);
  }
}

}  // namespace
}  // namespace vanban
