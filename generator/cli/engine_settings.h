// The engine settings every command builds the same way: --data, --fonts, SOURCE_DATE_EPOCH.
#pragma once

#include <optional>
#include <string>

#include "render/engine.h"

namespace vanban::cli {

// Empty folders mean the defaults (render/data_location.h). No data folder found or a bad
// SOURCE_DATE_EPOCH gives no settings and says why in `error`.
std::optional<EngineSettings> engine_settings(const std::string& data_dir, const std::string& fonts_dir,
                                              std::string& error);

}  // namespace vanban::cli
