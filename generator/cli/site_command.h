// `vanban site`: the board's web site (site/site_writer.h) from the content folder and what
// `vanban build` wrote; also run by `vanban build` into OUT/site unless --no-site.
#pragma once

#include <ostream>

#include "cli/options.h"
#include "render/engine.h"

namespace vanban::cli {

// `site_dir` and `built_dir` already chosen by the command (site: -o and --from; build: OUT/site
// and OUT). `engine_fingerprint` (cli/running_fingerprint.h) tells which pages an earlier run
// made with this very engine; empty, every page is made again.
int run_site_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                     const std::string& engine_fingerprint,
                     const std::string& site_dir, const std::string& built_dir, std::ostream& err);

}  // namespace vanban::cli
