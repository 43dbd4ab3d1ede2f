// The phrases no line may split that every document of a profile shares: the list
// (templates/phrases/keep-together.txt) and the profile's title lines. Built once per profile
// and shared by every document resolved with it, which adds only its own names on top.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "profile/profile.h"
#include "text/keep_together.h"

namespace vanban {

std::shared_ptr<const text::KeepTogether> profile_phrases(const Profile& profile, std::span<const std::string> phrases);

}  // namespace vanban
