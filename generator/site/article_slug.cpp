#include "site/article_slug.h"

#include "text/search_fold.h"

namespace vanban::site {

namespace {

// Cuts `s` at a "-" to at most `limit` characters.
std::string bounded(std::string s, std::size_t limit) {
  if (s.size() <= limit) return s;
  const std::size_t cut = s.rfind('-', limit);
  s.resize(cut == std::string::npos || cut == 0 ? limit : cut);
  return s;
}

}  // namespace

std::string slug(std::string_view utf8) {
  const std::string folded = text::fold_for_search(utf8);
  std::string out;
  for (const char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return bounded(std::move(out), kMaxSlugLength);
}

void SlugBook::keep_earlier(const std::set<std::string>& keys) {
  for (const std::string& key : keys) {
    const auto it = earlier_.find(key);
    if (it == earlier_.end() || it->second.empty() || holders_.count(it->second)) continue;
    holders_[it->second] = key;
    assigned_[key] = it->second;
  }
}

std::string SlugBook::claim(const std::string& key, std::string_view subject,
                            const std::vector<std::string>& qualifiers) {
  if (const auto it = assigned_.find(key); it != assigned_.end()) return it->second;
  std::string wanted = slug(subject);
  for (std::size_t i = 0; (wanted.empty() || holders_.count(wanted)) && i < qualifiers.size(); ++i) {
    const std::string by = bounded(slug(qualifiers[i]), kMaxSlugLength / 2);
    const std::string what = bounded(slug(subject), kMaxSlugLength - by.size() - 1);
    wanted = what.empty() || by.empty() ? what + by : what + "-" + by;
  }
  if (wanted.empty() || holders_.count(wanted)) return {};
  holders_[wanted] = key;
  assigned_[key] = wanted;
  return wanted;
}

const std::string& SlugBook::holder(const std::string& slug) const {
  static const std::string none;
  const auto it = holders_.find(slug);
  return it == holders_.end() ? none : it->second;
}

}  // namespace vanban::site
