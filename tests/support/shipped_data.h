// What vanban ships — the fonts, the layout profiles and the keep-together phrases — loaded once
// per test program from the checkout, for tests that lay out or write real documents.
#pragma once

#include <string>
#include <vector>

#include "font/font_set.h"
#include "profile/profile_registry.h"

namespace vanban::testing {

const FontSet& shipped_fonts();
const ProfileRegistry& shipped_profiles();
const std::vector<std::string>& shipped_phrases();

}  // namespace vanban::testing
