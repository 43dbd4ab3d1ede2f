// The preamble every subcommand shares: bad arguments are said with a pointer to the command's
// --help (exit status 2), --help prints the help text (0); otherwise the command goes on. And
// the one way every command reads an option's value: "--name=value" or "--name value".
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::cli {

// One argument read as an option: "--date=2026-06-03" is "--date" with its value written inline;
// any other argument ("-o", "--seal", "a.xml") is its own name. A short option never takes "=".
struct OptionArgument {
  std::string name;
  std::optional<std::string> inline_value;
};
OptionArgument split_inline_value(const std::string& arg);

// The value of `option`: written inline, else the next argument (`i` moves past it). nullopt, and
// `error` says why, when there is none or it is empty.
std::optional<std::string> option_value(const OptionArgument& option, const std::vector<std::string>& args,
                                        std::size_t& i, std::string& error);

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
