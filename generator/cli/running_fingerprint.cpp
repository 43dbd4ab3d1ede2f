#include "cli/running_fingerprint.h"

#include "batch/engine_fingerprint.h"

namespace vanban::cli {

Result<std::string> running_engine_fingerprint(const EngineSettings& settings) {
  return engine_fingerprint({VANBAN_VERSION, "/proc/self/exe", settings.data_dir, settings.fonts_dir, settings.timestamp});
}

}  // namespace vanban::cli
