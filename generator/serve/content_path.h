// The only way a name from a request becomes a file of vanban serve: a draft's name is one
// plain file name (letters, digits, '.', '-', '_'; no '..', no '/', nothing absolute), and the
// file it names must resolve, symbolic links followed, inside its folder. Anything else is
// refused before any file is opened.
#pragma once

#include <optional>
#include <string>

namespace vanban::serve {

// Empty, or why `name` is not a plain draft name ("cong-van-so-12").
std::string bad_draft_name(const std::string& name);

// FOLDER/NAME.xml when it resolves inside `folder` (which must exist); nullopt when a symbolic
// link on the way leads out of it.
std::optional<std::string> confined_file(const std::string& folder, const std::string& name, const std::string& extension);

}  // namespace vanban::serve
