#include "source_dir.h"

namespace vanban::testing {
const char* source_dir() { return VANBAN_CHECKOUT_DIR; }
}  // namespace vanban::testing
