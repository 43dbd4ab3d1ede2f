// Internal to text/: ICU failures here mean missing ICU data or memory, which no caller can
// handle and the signatures cannot report, so they end the process with a message.
#pragma once

#include <unicode/utypes.h>

#include <cstdio>
#include <cstdlib>

namespace vanban::text {

inline void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "vanban: ICU %s failed: %s\n", what, u_errorName(status));
    std::abort();
  }
}

}  // namespace vanban::text
