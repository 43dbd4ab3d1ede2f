// `vanban issue FILE.xml... --register DB [-o DIR] [--date YYYY-MM-DD|today] [--reissue]`:
// numbers and dates each document in the office's register (register/register.h), renders it
// with them and writes DIR/NAME.pdf and DIR/NAME.html atomically, then records the files'
// SHA-256. Parses its own arguments.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

// `args` are the arguments after "issue". Exit status: 0 every input issued (or found issued
// unchanged), 1 some input rejected or refused, 2 bad usage, or fonts, profiles or the register
// that cannot be opened.
int run_issue(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban::cli
