#include "profile/profile_phrases.h"

namespace vanban {

std::shared_ptr<const text::KeepTogether> profile_phrases(const Profile& profile, std::span<const std::string> phrases) {
  auto keep = std::make_shared<text::KeepTogether>();
  for (const std::string& phrase : phrases) keep->add_phrase(phrase);
  for (const std::string& title : profile.header.title) keep->add_name(title);
  return keep;
}

}  // namespace vanban
