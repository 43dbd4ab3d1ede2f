#include "cli/site_command.h"

#include "site/site_writer.h"

namespace vanban::cli {

int run_site_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                     const std::string& site_dir, const std::string& built_dir, bool inside_build,
                     std::ostream& err) {
  site::SiteRequest request;
  request.content_dir = options.content_dir;
  request.build_dir = built_dir;
  request.site_dir = site_dir;
  request.settings_file = options.site_settings;
  request.data_dir = settings.data_dir;
  request.source = options.csv ? MeetingSource::Csv : MeetingSource::Auto;
  request.jobs = options.jobs;
  request.quiet = options.quiet;
  request.report_document_errors = !inside_build;
  return site::run_site(engine, request, err);
}

}  // namespace vanban::cli
