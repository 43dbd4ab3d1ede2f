// The vanban program: arguments and environment in, exit status out.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;  // some input was rejected; the others were still written
constexpr int kExitUsage = 2;     // bad usage, fonts/profiles that cannot be loaded, an unwritable output folder

// `args` are the arguments after the program name.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Runs `body` and returns its status; an exception escaping it is a bug or an exhausted machine,
// said in one line on `err` with status 2, never an abort.
int exit_status_of(const std::function<int()>& body, std::ostream& err);

}  // namespace vanban::cli
