#include "cli/engine_settings.h"

#include <cstdlib>

#include "render/timestamp.h"

namespace vanban::cli {

std::optional<EngineSettings> engine_settings(const std::string& data_dir, const std::string& fonts_dir,
                                              std::string& error) {
  EngineSettings settings;
  settings.data_dir = data_dir.empty() ? default_data_dir() : data_dir;
  settings.fonts_dir = fonts_dir.empty() ? default_font_dir() : fonts_dir;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    settings.timestamp = parse_source_date_epoch(epoch, error);
    if (!settings.timestamp) return std::nullopt;
  }
  return settings;
}

}  // namespace vanban::cli
