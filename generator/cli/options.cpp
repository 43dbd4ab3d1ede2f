#include "cli/options.h"

namespace vanban::cli {

namespace {

bool is_help(const std::string& a) { return a == "--help" || a == "-h"; }

Command command_named(const std::string& name) {
  if (name == "render") return Command::Render;
  if (name == "check") return Command::Check;
  return Command::None;
}

// Splits "--name=value" into its two parts; `value` is left alone when there is no "=".
std::string option_name(const std::string& arg, std::string& value, bool& has_value) {
  const std::size_t eq = arg.find('=');
  has_value = arg.rfind("--", 0) == 0 && eq != std::string::npos;
  if (!has_value) return arg;
  value = arg.substr(eq + 1);
  return arg.substr(0, eq);
}

}  // namespace

bool parse_formats(const std::string& text, OutputFormats& out, std::string& error) {
  OutputFormats formats{false, false};
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item == "pdf") {
      formats.pdf = true;
    } else if (item == "html") {
      formats.html = true;
    } else {
      error = "unknown format '" + item + "' in --format; expected pdf, html or pdf,html";
      return false;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  out = formats;
  return true;
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
  ParsedOptions parsed;
  Options& o = parsed.options;
  if (args.empty()) {
    parsed.error = "no command given";
    return parsed;
  }
  const std::string& first = args.front();
  if (is_help(first) || first == "help") {
    o.command = Command::Help;
    if (args.size() > 1) o.help_topic = command_named(args[1]);
    return parsed;
  }
  if (first == "--version") {
    o.command = Command::Version;
    return parsed;
  }
  o.command = command_named(first);
  if (o.command == Command::None) {
    parsed.error = "unknown command '" + first + "'; expected render or check";
    return parsed;
  }

  bool only_inputs = false;  // after "--"
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_inputs || arg.empty() || arg[0] != '-' || arg == "-") {
      o.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_inputs = true;
      continue;
    }
    if (is_help(arg)) {
      o.help_topic = o.command;
      o.command = Command::Help;
      return parsed;
    }
    std::string value;
    bool has_value = false;
    const std::string name = option_name(arg, value, has_value);
    const bool render_only = name == "-o" || name == "--output" || name == "--format";
    const bool known = render_only || name == "--fonts" || name == "--data";
    if (!known || (render_only && o.command != Command::Render)) {
      parsed.error = "unknown option '" + name + "' for " + first;
      return parsed;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        parsed.error = "option '" + name + "' needs a value";
        return parsed;
      }
      value = args[++i];
    }
    if (value.empty()) {
      parsed.error = "option '" + name + "' needs a non-empty value";
      return parsed;
    }
    if (name == "-o" || name == "--output") {
      o.output_dir = value;
    } else if (name == "--format") {
      if (!parse_formats(value, o.formats, parsed.error)) return parsed;
    } else if (name == "--fonts") {
      o.fonts_dir = value;
    } else {
      o.data_dir = value;
    }
  }
  if (o.inputs.empty()) parsed.error = "no input files given";
  return parsed;
}

}  // namespace vanban::cli
