#include "templating/slug.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban {
namespace {

TEST(AsciiSlug, FoldsVietnameseAndJoinsWithDashes) {
  EXPECT_EQ(ascii_slug("Ban Dân vận Huyện ủy Càng Long", false), "Ban-Dan-van-Huyen-uy-Cang-Long");
  EXPECT_EQ(ascii_slug("  Đảng ủy -- xã!  ", true), "dang-uy-xa");
}

TEST(UniqueNames, NumbersNamesWhoseSlugIsTaken) {
  UniqueNames names;
  EXPECT_EQ(names.claim("bao-cao"), "bao-cao");
  EXPECT_EQ(names.claim("Bao-Cao"), "Bao-Cao-2");  // the same file on a case-blind file system
  EXPECT_EQ(names.claim("bao-cao-3"), "bao-cao-3");
  EXPECT_EQ(names.claim("bao-cao"), "bao-cao-4");
  EXPECT_EQ(names.claim("bao-cao-2"), "bao-cao-2-2");
  EXPECT_EQ(names.claim("Báo cáo"), "Báo cáo-5");
  EXPECT_EQ(names.claim("!"), "!");
  EXPECT_EQ(names.claim("?"), "?-2");
}

// n names with one slug cost about n slug comparisons, not n^2 / 2: 10x the names, 10x the work.
TEST(UniqueNames, CollidingNamesCostLinearWork) {
  const auto probes = [](int n) {
    UniqueNames names;
    for (int i = 0; i < n; ++i) names.claim("cong-van-nhac-nho");
    return names.probes();
  };
  const std::size_t one = probes(800), ten = probes(8000);
  EXPECT_LE(ten, 11 * one) << one << " then " << ten;
  EXPECT_LE(ten, 2u * 8000u);
}

}  // namespace
}  // namespace vanban
