#include "cli/command_usage.h"

#include "cli/app.h"

namespace vanban::cli {

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
