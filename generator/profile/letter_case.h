// Applying a profile's LetterCase to a text.
#pragma once

#include <string>
#include <string_view>

#include "profile/profile.h"

namespace vanban {

std::string apply_case(std::string_view text, LetterCase letter_case);

}  // namespace vanban
