// Output names of generated documents: flat, ASCII, safe on every file system.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace vanban {

// Vietnamese letters lose their marks ("Đ" -> "D", "ệ" -> "e"), runs of anything but ASCII
// letters and digits become one "-", and no "-" is left at either end: "Ban Dân vận Huyện ủy
// Càng Long" -> "Ban-Dan-van-Huyen-uy-Cang-Long" ("ban-dan-van-..." with `lower`).
std::string ascii_slug(std::string_view utf8, bool lower);

// Output names unique in one folder, also on file systems that ignore case: a name whose slug
// is taken gets "-2", "-3", ... Each base remembers the next number to try, so n names with the
// same slug cost O(n log n) in all, not O(n^2).
class UniqueNames {
 public:
  // Takes a slug: true when no name had it yet. By default a set in memory; a month's plan keeps
  // them in its store (store/month_store.h), a million of them.
  using Take = std::function<bool(const std::string& slug)>;
  UniqueNames();
  explicit UniqueNames(Take take) : take_(std::move(take)) {}
  UniqueNames(const UniqueNames&) = delete;  // the default Take is bound to this one
  UniqueNames& operator=(const UniqueNames&) = delete;

  std::string claim(const std::string& wanted);
  // Slugs compared so far (for the tests of the cost).
  std::size_t probes() const { return probes_; }

 private:
  std::set<std::string> taken_;           // lower-case slugs, without a Take of the caller's
  Take take_;
  std::map<std::string, int> next_suffix_;  // by the slug of the name wanted
  std::size_t probes_ = 0;
};

}  // namespace vanban
