#include "cli/build_command.h"

#include <unistd.h>

#include <ctime>
#include <optional>

#include "batch/build_run.h"
#include "batch/engine_fingerprint.h"

namespace vanban::cli {

int run_build_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                      std::ostream& err) {
  const Result<std::string> fingerprint = engine_fingerprint(
      {VANBAN_VERSION, "/proc/self/exe", settings.data_dir, settings.fonts_dir, settings.timestamp});
  for (const Diagnostic& d : fingerprint.errors) err << d.to_string() << '\n';
  if (!fingerprint.ok()) return 2;

  BuildRequest request;
  request.content_dir = options.content_dir;
  request.output_dir = options.output_dir;
  if (!options.month.empty()) request.month = options.month;
  request.source = options.csv ? MeetingSource::Csv : MeetingSource::Auto;
  request.jobs = options.jobs;
  request.progress = options.quiet ? ProgressMode::Quiet
                     : isatty(STDERR_FILENO) ? ProgressMode::Bar
                                             : ProgressMode::Lines;
  request.data_dir = settings.data_dir;
  request.engine_fingerprint = *fingerprint.value;
  std::optional<SigningSetup> signing;
  if (options.signing.wanted()) {
    Result<SigningSetup> loaded = load_signing(options.signing, std::time(nullptr));
    for (const Diagnostic& d : loaded.errors) err << d.to_string() << '\n';
    if (!loaded.ok()) return 2;
    signing = std::move(loaded.value);
    request.signing = &*signing;
  }
  return run_build(engine, request, err);
}

}  // namespace vanban::cli
