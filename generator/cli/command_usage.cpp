#include "cli/command_usage.h"

#include "cli/app.h"

namespace vanban::cli {

OptionArgument split_inline_value(const std::string& arg) {
  const std::size_t eq = arg.find('=');
  if (!arg.starts_with("--") || eq == std::string::npos) return {arg, std::nullopt};
  return {arg.substr(0, eq), arg.substr(eq + 1)};
}

std::optional<std::string> option_value(const OptionArgument& option, const std::vector<std::string>& args,
                                        std::size_t& i, std::string& error) {
  if (!option.inline_value && i + 1 >= args.size()) {
    error = "option '" + option.name + "' needs a value";
    return std::nullopt;
  }
  std::string value = option.inline_value ? *option.inline_value : args[++i];
  if (value.empty()) {
    error = "option '" + option.name + "' needs a non-empty value";
    return std::nullopt;
  }
  return value;
}

std::optional<int> usage_status(std::string_view command, const std::string& parse_error, bool help,
                                std::string_view help_text, std::ostream& out, std::ostream& err) {
  if (!parse_error.empty()) {
    err << "vanban: " << parse_error << "\nTry 'vanban " << command << " --help'.\n";
    return kExitUsage;
  }
  if (help) {
    out << help_text;
    return kExitOk;
  }
  return std::nullopt;
}

}  // namespace vanban::cli
