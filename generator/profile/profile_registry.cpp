#include "profile/profile_registry.h"

#include <algorithm>

namespace vanban {

const Profile* ProfileRegistry::find(const std::string& family, const std::string& edition,
                                     const CivilDate& date) const {
  const Profile* best = nullptr;
  for (const auto& p : profiles_) {
    if (p.family != family) continue;
    if (!edition.empty()) {
      if (p.edition == edition) return &p;
      continue;
    }
    // The latest edition already in force on the document's date; a document dated before
    // every edition still gets the oldest one rather than nothing.
    const bool in_force = p.in_force_from <= date;
    if (!best) {
      best = &p;
    } else if (in_force && (best->in_force_from > date || p.in_force_from > best->in_force_from)) {
      best = &p;
    } else if (!in_force && best->in_force_from > date && p.in_force_from < best->in_force_from) {
      best = &p;
    }
  }
  return best;
}

std::vector<std::string> ProfileRegistry::families() const {
  std::vector<std::string> names;
  for (const auto& p : profiles_) names.push_back(p.family);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace vanban
