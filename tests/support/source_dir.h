// The checkout the tests read their data from. Defined in one object file (source_dir.cpp), so
// that every test object is the same whatever the checkout's path; force-included in each test.
#pragma once

namespace vanban::testing {
const char* source_dir();
}  // namespace vanban::testing

#define VANBAN_SOURCE_DIR (::vanban::testing::source_dir())
