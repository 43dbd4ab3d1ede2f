// `vanban build`: the command line's side of batch/build_run.h (progress mode, the engine's
// fingerprint).
#pragma once

#include <ostream>

#include "cli/options.h"
#include "render/engine.h"

namespace vanban::cli {

// Exit status: see batch/build_run.h.
int run_build_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                      std::ostream& err);

}  // namespace vanban::cli
