// The engine settings every command builds the same way: --data, --fonts, SOURCE_DATE_EPOCH.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "render/engine.h"

namespace vanban::cli {

// Empty folders mean the defaults (render/data_location.h). No data folder found or a bad
// SOURCE_DATE_EPOCH gives no settings and says why in `error`.
std::optional<EngineSettings> engine_settings(const std::string& data_dir, const std::string& fonts_dir,
                                              std::string& error);

struct LoadedEngine {
  EngineSettings settings;
  Engine engine;
};

// The settings and the engine every command starts from. Prints the engine's warnings on `err`;
// nothing when the settings are bad or the fonts or profiles cannot be loaded, after saying why
// (the command then exits with the usage status).
std::optional<LoadedEngine> load_engine(const std::string& data_dir, const std::string& fonts_dir, std::ostream& err);

}  // namespace vanban::cli
