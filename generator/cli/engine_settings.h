// The engine settings every command builds the same way: --data, --fonts, SOURCE_DATE_EPOCH.
#pragma once

#include <optional>
#include <string>

#include "render/engine.h"

namespace vanban::cli {

// Empty folders mean the defaults ($VANBAN_DATA or the source tree; $VANBAN_FONTS or the shipped
// fonts). A bad SOURCE_DATE_EPOCH gives no settings and says why in `error`.
std::optional<EngineSettings> engine_settings(const std::string& data_dir, const std::string& fonts_dir,
                                              std::string& error);

}  // namespace vanban::cli
