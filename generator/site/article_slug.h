// Addresses of article pages: ASCII slugs from the Vietnamese subject ("Uốn nắn việc sinh hoạt"
// -> "uon-nan-viec-sinh-hoat"), unique in the site and stable across rebuilds.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::site {

// Long enough for a subject that names a branch and its commune; short enough for any file system.
constexpr std::size_t kMaxSlugLength = 120;

// Folded as search folds (text/search_fold.h: NFD, marks dropped, đ -> d, lower case), runs of
// anything but a-z and 0-9 as one "-", no "-" at either end, cut at a "-" to at most
// kMaxSlugLength characters. Empty when the text has no letter or digit.
std::string slug(std::string_view utf8);

// Hands out one slug per document, keyed by what names the document across runs
// ("2026-10/bao-cao-thang-2026-10"). A document keeps the slug an earlier run gave it while no
// other document holds it; otherwise it gets slug(subject), or, when that is taken (one subject
// for several issuers or addressees), slug(subject) + "-" + slug(qualifier) for the first of its
// qualifiers (the addressee, the issuer, the date) that gives a free slug; the qualifier is kept
// whole (up to half the length) and the subject cut to fit. Empty: all are taken, the caller
// reports a duplicate.
class SlugBook {
 public:
  explicit SlugBook(std::map<std::string, std::string> earlier = {}) : earlier_(std::move(earlier)) {}

  // Reserves the earlier slugs of the documents of this run first, so that a new document
  // never takes the address an existing one had.
  void keep_earlier(const std::set<std::string>& keys);
  std::string claim(const std::string& key, std::string_view subject, const std::vector<std::string>& qualifiers);
  // The document that holds `slug`, for messages about a duplicate.
  const std::string& holder(const std::string& slug) const;
  const std::map<std::string, std::string>& assigned() const { return assigned_; }

 private:
  std::map<std::string, std::string> earlier_;   // key -> slug, from the site manifest
  std::map<std::string, std::string> assigned_;  // key -> slug, this run
  std::map<std::string, std::string> holders_;   // slug -> key
};

}  // namespace vanban::site
