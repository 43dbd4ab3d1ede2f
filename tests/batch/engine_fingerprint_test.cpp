// The engine fingerprint: the same inputs give the same digest, and the program is part of it,
// by its GNU build ID (the Debian toolchain links one into every program, this test included).
#include "batch/engine_fingerprint.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban {
namespace {

FingerprintInputs shipped(std::string program_path) {
  const std::string source = VANBAN_SOURCE_DIR;
  return {"1.0", std::move(program_path), source, source + "/fonts", std::nullopt};
}

TEST(EngineFingerprint, IsTheSameForTheSameInputs) {
  const Result<std::string> a = engine_fingerprint(shipped("/proc/self/exe"));
  const Result<std::string> b = engine_fingerprint(shipped("/proc/self/exe"));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a.value->size(), 64u);
  EXPECT_EQ(*a.value, *b.value);
}

TEST(EngineFingerprint, CountsTheProgramAndTheTimestamp) {
  const Result<std::string> with_program = engine_fingerprint(shipped("/proc/self/exe"));
  const Result<std::string> without = engine_fingerprint(shipped(""));
  FingerprintInputs dated = shipped("/proc/self/exe");
  dated.timestamp = 1790000000;
  const Result<std::string> with_timestamp = engine_fingerprint(dated);
  ASSERT_TRUE(with_program.ok() && without.ok() && with_timestamp.ok());
  EXPECT_NE(*with_program.value, *without.value);
  EXPECT_NE(*with_program.value, *with_timestamp.value);
}

// The build ID stands for the program's bytes: its file is not read (a run would otherwise read
// tens of megabytes of debugging information before rendering anything).
TEST(EngineFingerprint, TakesTheProgramByItsBuildIdWithoutReadingIt) {
  const Result<std::string> by_id = engine_fingerprint(shipped("/proc/self/exe"));
  const Result<std::string> unreadable = engine_fingerprint(shipped("/nonexistent/vanban"));
  ASSERT_TRUE(by_id.ok());
  ASSERT_TRUE(unreadable.ok()) << "the program was read: has this test no GNU build ID?";
  EXPECT_EQ(*by_id.value, *unreadable.value);
}

}  // namespace
}  // namespace vanban
