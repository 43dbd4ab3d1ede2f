#include "cli/app.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <new>
#include <sstream>
#include <stdexcept>

namespace vanban::cli {
namespace {

TEST(ExitStatusOf, PassesTheStatusThrough) {
  std::ostringstream err;
  EXPECT_EQ(exit_status_of([] { return 1; }, err), 1);
  EXPECT_EQ(err.str(), "");
}

TEST(ExitStatusOf, AnEscapingExceptionIsOneLineAndStatusTwo) {
  std::ostringstream err;
  EXPECT_EQ(exit_status_of([]() -> int { throw std::filesystem::filesystem_error(
                                             "status", "/x/y", std::make_error_code(std::errc::too_many_symbolic_link_levels)); },
                           err),
            kExitUsage);
  EXPECT_NE(err.str().find("vanban: internal error: "), std::string::npos) << err.str();
  EXPECT_NE(err.str().find("/x/y"), std::string::npos) << err.str();
  const std::string said = err.str();
  EXPECT_EQ(std::count(said.begin(), said.end(), '\n'), 1);
}

TEST(ExitStatusOf, OutOfMemoryIsSaidAsSuch) {
  std::ostringstream err;
  EXPECT_EQ(exit_status_of([]() -> int { throw std::bad_alloc(); }, err), kExitUsage);
  EXPECT_EQ(err.str().rfind("vanban: out of memory", 0), 0u) << err.str();
}

TEST(ExitStatusOf, EvenWhatIsNotAStandardException) {
  std::ostringstream err;
  EXPECT_EQ(exit_status_of([]() -> int { throw 42; }, err), kExitUsage);
  EXPECT_EQ(err.str().rfind("vanban: internal error", 0), 0u) << err.str();
}

}  // namespace
}  // namespace vanban::cli
