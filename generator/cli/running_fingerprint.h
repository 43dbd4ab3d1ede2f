// The fingerprint (batch/engine_fingerprint.h) of the engine this process runs: its version, its
// own program, and the data and fonts it loaded. `vanban build`, `site` and `serve` compare what
// they wrote before against it, so all three must make it alike.
#pragma once

#include <string>

#include "model/diagnostic.h"
#include "render/engine.h"

namespace vanban::cli {

Result<std::string> running_engine_fingerprint(const EngineSettings& settings);

}  // namespace vanban::cli
