// `vanban serve [--listen HOST:PORT] [--content DIR] [--settings FILE] ...`: the compose page
// and its API (serve/server.h) until Ctrl-C; `vanban serve hash-password` prints the hash of a
// login password for the settings. Parses its own arguments.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

// `args` are the arguments after "serve". Exit status: 0 stopped by a signal or hash printed,
// 2 bad usage, settings that cannot be read, an address that needs a password, a port in use.
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban::cli
