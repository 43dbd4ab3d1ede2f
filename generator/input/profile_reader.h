// Reads layout profiles (templates/profiles/*.xml, schema templates/schema/profile.rng).
#pragma once

#include <string>

#include "model/diagnostic.h"
#include "profile/profile.h"
#include "profile/profile_registry.h"

namespace vanban {

Result<Profile> read_profile(const std::string& path, const std::string& schema_path);
// Every *.xml in `dir`; a bad file is reported and skipped, the others are kept.
Result<ProfileRegistry> load_profiles(const std::string& dir, const std::string& schema_path);

}  // namespace vanban
