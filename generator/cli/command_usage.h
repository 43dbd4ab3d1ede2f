// The preamble every subcommand shares: bad arguments are said with a pointer to the command's
// --help (exit status 2), --help prints the help text (0); otherwise the command goes on.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::cli {

// nullopt: go on with the command; else the exit status to return now.
std::optional<int> usage_status(std::string_view command, const std::string& parse_error, bool help,
                                std::string_view help_text, std::ostream& out, std::ostream& err);

// Parses `args` into `options` (which has a `help` flag) with `parse`, which returns an empty
// string or why the arguments are bad.
template <class Options, class Parse>
std::optional<int> parse_or_usage(std::string_view command, Parse parse, const std::vector<std::string>& args,
                                  Options& options, std::string_view help_text, std::ostream& out,
                                  std::ostream& err) {
  const std::string error = parse(args, options);
  return usage_status(command, error, options.help, help_text, out, err);
}

}  // namespace vanban::cli
