#include "shipped_data.h"

#include <cstdio>
#include <cstdlib>

#include "input/phrase_list_reader.h"
#include "input/profile_reader.h"
#include "source_dir.h"

namespace vanban::testing {
namespace {

// A test cannot run without the shipped data, so failing to load it ends the program at once with
// the loader's own messages rather than as a cascade of unrelated assertion failures.
template <typename T>
T loaded_or_exit(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "cannot load the shipped %s:\n", what);
    for (const Diagnostic& d : r.errors) std::fprintf(stderr, "  %s\n", d.to_string().c_str());
    std::exit(1);
  }
  return std::move(*r.value);
}

std::string shipped(const char* path) { return std::string(source_dir()) + "/" + path; }

}  // namespace

const FontSet& shipped_fonts() {
  static const FontSet fonts = loaded_or_exit(FontSet::load_dir(shipped("fonts")), "fonts");
  return fonts;
}

const ProfileRegistry& shipped_profiles() {
  static const ProfileRegistry profiles = loaded_or_exit(
      load_profiles(shipped("templates/profiles"), shipped("templates/schema/profile.rng")), "profiles");
  return profiles;
}

const std::vector<std::string>& shipped_phrases() {
  static const std::vector<std::string> phrases =
      loaded_or_exit(read_phrase_list(shipped("templates/phrases/keep-together.txt")), "phrase list");
  return phrases;
}

}  // namespace vanban::testing
