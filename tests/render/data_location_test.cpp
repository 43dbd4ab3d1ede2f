#include "render/data_location.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

namespace vanban {
namespace {

namespace fs = std::filesystem;

// A file system that has exactly these folders.
std::function<bool(const fs::path&)> folders(std::set<std::string> dirs) {
  return [dirs = std::move(dirs)](const fs::path& p) { return dirs.count(p.lexically_normal().string()) > 0; };
}

TEST(DataLocation, InstalledProgramFindsShareBesideItsBin) {
  const auto found = find_data_dir("/opt/vb/bin", folders({"/opt/vb/share/vanban/templates/profiles",
                                                           "/opt/vb/templates/profiles"}));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->string(), "/opt/vb/share/vanban");  // the installed data wins
}

TEST(DataLocation, ProgramBuiltInItsCheckoutFindsTheCheckout) {
  EXPECT_EQ(find_data_dir("/src/vanban/build", folders({"/src/vanban/templates/profiles"}))->string(), "/src/vanban");
  EXPECT_EQ(find_data_dir("/src/vanban/build/tests", folders({"/src/vanban/templates/profiles"}))->string(),
            "/src/vanban");
}

TEST(DataLocation, NothingFoundIsNoFolder) {
  EXPECT_FALSE(find_data_dir("/usr/bin", folders({"/elsewhere/templates/profiles"})));
  EXPECT_FALSE(find_data_dir("/", folders({})));
}

TEST(DataLocation, EnvironmentOverridesAndFontsFollowTheData) {
  const char* old_data = std::getenv("VANBAN_DATA");
  const char* old_fonts = std::getenv("VANBAN_FONTS");
  const std::string saved_data = old_data ? old_data : "", saved_fonts = old_fonts ? old_fonts : "";
  setenv("VANBAN_DATA", "/opt/data", 1);
  unsetenv("VANBAN_FONTS");
  EXPECT_EQ(default_data_dir(), "/opt/data");
  EXPECT_EQ(default_fonts_dir("/opt/data"), "/opt/data/fonts");
  setenv("VANBAN_FONTS", "/opt/fonts", 1);
  EXPECT_EQ(default_fonts_dir("/opt/data"), "/opt/fonts");
  // Without $VANBAN_DATA this test program, built inside the checkout, finds the checkout.
  unsetenv("VANBAN_DATA");
  EXPECT_EQ(fs::path(default_data_dir()), fs::path(VANBAN_SOURCE_DIR).lexically_normal());
  old_data ? setenv("VANBAN_DATA", saved_data.c_str(), 1) : unsetenv("VANBAN_DATA");
  old_fonts ? setenv("VANBAN_FONTS", saved_fonts.c_str(), 1) : unsetenv("VANBAN_FONTS");
}

}  // namespace
}  // namespace vanban
