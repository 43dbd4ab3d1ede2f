// `vanban site`: the board's web site (site/site_writer.h) from the content folder and what
// `vanban build` wrote; also run by `vanban build` into OUT/site unless --no-site.
#pragma once

#include <ostream>

#include "cli/options.h"
#include "render/engine.h"

namespace vanban::cli {

// `site_dir` and `built_dir` already chosen by the command (site: -o and --from; build: OUT/site
// and OUT).
int run_site_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                     const std::string& site_dir, const std::string& built_dir, std::ostream& err);

}  // namespace vanban::cli
