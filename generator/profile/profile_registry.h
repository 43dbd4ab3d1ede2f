// All profiles found in a folder; picks the edition in force for a document.
#pragma once

#include <string>
#include <vector>

#include "model/civil_date.h"
#include "model/diagnostic.h"
#include "profile/profile.h"

namespace vanban {

class ProfileRegistry {
 public:
  explicit ProfileRegistry(std::vector<Profile> profiles) : profiles_(std::move(profiles)) {}

  // The profile of `family` named `edition`, or (edition empty) the latest edition in force on
  // `date`; nullptr if none.
  const Profile* find(const std::string& family, const std::string& edition,
                      const CivilDate& date) const;
  std::vector<std::string> families() const;
  const std::vector<Profile>& all() const { return profiles_; }

 private:
  std::vector<Profile> profiles_;
};

}  // namespace vanban
