// Where vanban finds its data (templates/ and fonts/) when neither --data nor $VANBAN_DATA says:
// relative to the running program, so that an installed vanban (PREFIX/bin/vanban beside
// PREFIX/share/vanban) and one built inside its checkout (CHECKOUT/build/vanban) both work, and no
// path of the machine it was built on is baked into the program.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace vanban {

// The first folder holding templates/profiles among: EXE_DIR/../share/vanban (installed), then
// EXE_DIR and up to three of its parents (a build folder inside the checkout). Pure: `is_dir`
// answers for the file system.
std::optional<std::filesystem::path> find_data_dir(
    const std::filesystem::path& exe_dir, const std::function<bool(const std::filesystem::path&)>& is_dir);

// $VANBAN_DATA, else find_data_dir beside the running program; empty when there is none.
std::string default_data_dir();

// $VANBAN_FONTS, else DATA_DIR/fonts (the shipped Liberation Serif).
std::string default_fonts_dir(const std::string& data_dir);

}  // namespace vanban
