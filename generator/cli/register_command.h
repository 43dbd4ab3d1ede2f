// `vanban register list|show NUMBER|export [-o FILE.csv]|term --issuer CODE [--from DATE]`:
// reads the office's register (register/register.h) and records the Party committees' terms.
// Parses its own arguments.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

// `args` are the arguments after "register". Exit status: 0 done, 1 nothing matched (show) or
// the term was refused, 2 bad usage or a register that cannot be opened.
int run_register(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The register's file: `option` (--register), else $VANBAN_REGISTER; empty if neither is set.
std::string register_path(const std::string& option);

}  // namespace vanban::cli
