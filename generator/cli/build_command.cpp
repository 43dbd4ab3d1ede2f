#include "cli/build_command.h"

#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <optional>

#include "batch/build_run.h"
#include "cli/running_fingerprint.h"
#include "cli/site_command.h"

namespace vanban::cli {

int run_build_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                      std::ostream& err) {
  const Result<std::string> fingerprint = running_engine_fingerprint(settings);
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
  const int status = run_build(engine, request, err);
  // The site follows the documents it shows: none after bad usage or an unwritable folder (2),
  // nor after a run stopped by a signal (128 + N). A content folder without site settings has no
  // site (unless --settings names them).
  if (options.no_site || status >= 2) return status;
  std::error_code ec;
  if (options.site_settings.empty() &&
      !std::filesystem::exists(std::filesystem::path(options.content_dir) / "site.xml", ec)) {
    if (!options.quiet) err << "site: no " << options.content_dir << "/site.xml, no web site written\n";
    return status;
  }
  const int site_status = run_site_command(engine, options, settings, *fingerprint.value,
                                           options.output_dir + "/site", options.output_dir, err);
  return status != 0 ? status : site_status;
}

}  // namespace vanban::cli
