#include "cli/site_command.h"

#include <filesystem>

#include "cli/register_command.h"
#include "input/serve_settings_reader.h"
#include "site/site_writer.h"

namespace vanban::cli {

namespace {

// The register whose issued, signed PDFs the site links: vanban serve's (CONTENT/serve.xml, which
// issues into OUT/issued/), else $VANBAN_REGISTER.
std::string office_register(const std::string& content_dir, const std::string& data_dir) {
  const std::filesystem::path serve = std::filesystem::path(content_dir) / "serve.xml";
  std::error_code ec;
  if (std::filesystem::exists(serve, ec)) {
    const Result<ServeSettings> settings = read_serve_settings(serve.string(), data_dir + "/templates/schema/serve.rng");
    if (settings.ok() && !settings.value->register_file.empty()) return settings.value->register_file;
  }
  return register_path("");
}

}  // namespace

int run_site_command(const Engine& engine, const Options& options, const EngineSettings& settings,
                     const std::string& engine_fingerprint,
                     const std::string& site_dir, const std::string& built_dir, std::ostream& err) {
  site::SiteRequest request;
  request.content_dir = options.content_dir;
  request.build_dir = built_dir;
  request.site_dir = site_dir;
  request.settings_file = options.site_settings;
  request.data_dir = settings.data_dir;
  request.register_file = office_register(options.content_dir, settings.data_dir);
  request.engine_fingerprint = engine_fingerprint;
  request.jobs = options.jobs;
  request.quiet = options.quiet;
  return site::run_site(engine, request, err);
}

}  // namespace vanban::cli
