#include "cli/engine_settings.h"

#include <cstdlib>

#include "render/data_location.h"
#include "render/timestamp.h"

namespace vanban::cli {

std::optional<EngineSettings> engine_settings(const std::string& data_dir, const std::string& fonts_dir,
                                              std::string& error) {
  EngineSettings settings;
  settings.data_dir = data_dir.empty() ? default_data_dir() : data_dir;
  if (settings.data_dir.empty()) {
    error = "cannot find vanban's data (templates/ and fonts/) beside the program; pass --data DIR or set VANBAN_DATA";
    return std::nullopt;
  }
  settings.fonts_dir = fonts_dir.empty() ? default_fonts_dir(settings.data_dir) : fonts_dir;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    settings.timestamp = parse_source_date_epoch(epoch, error);
    if (!settings.timestamp) return std::nullopt;
  }
  return settings;
}

std::optional<LoadedEngine> load_engine(const std::string& data_dir, const std::string& fonts_dir, std::ostream& err) {
  std::string error;
  std::optional<EngineSettings> settings = engine_settings(data_dir, fonts_dir, error);
  if (!settings) {
    err << "vanban: " << error << '\n';
    return std::nullopt;
  }
  Result<Engine> engine = Engine::load(*settings);
  for (const Diagnostic& d : engine.errors) err << d.to_string() << '\n';
  if (!engine.ok()) {
    err << "vanban: no input was read: the fonts or the layout profiles above could not be loaded\n";
    return std::nullopt;
  }
  return LoadedEngine{std::move(*settings), std::move(*engine.value)};
}

}  // namespace vanban::cli
