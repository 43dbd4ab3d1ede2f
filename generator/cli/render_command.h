// `vanban render` and `vanban check`: one pass over the inputs, each judged on its own, so that
// one bad input never stops the others.
#pragma once

#include <ostream>

#include "render/engine.h"
#include "cli/options.h"

namespace vanban::cli {

// Exit status: 0 every input written (or valid), 1 some input rejected.
int run_render(const Engine& engine, const Options& options, std::ostream& err);
int run_check(const Engine& engine, const Options& options, std::ostream& err);

}  // namespace vanban::cli
