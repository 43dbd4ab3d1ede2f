#include "cli/options.h"

#include <charconv>

#include "batch/month_job.h"
#include "cli/command_usage.h"

namespace vanban::cli {

namespace {

constexpr unsigned kMaxJobs = 1024;
// What the limits may be raised to: libxml2 reads at most 2 GB, and a machine's memory ends.
constexpr std::size_t kMaxInputMegabytes = 2047;
constexpr std::size_t kMaxElements = 100'000'000;

bool is_help(const std::string& a) { return a == "--help" || a == "-h"; }

Command command_named(const std::string& name) {
  if (name == "render") return Command::Render;
  if (name == "check") return Command::Check;
  if (name == "build") return Command::Build;
  if (name == "site") return Command::Site;
  return Command::None;
}

bool is_flag(const std::string& name) { return name == "--csv" || name == "--quiet" || name == "--no-site"; }

// Whether `name` takes a value and is known to `command`.
bool known_option(Command command, const std::string& name) {
  if (name == "--fonts" || name == "--data" || name == "--max-input-mb" || name == "--max-elements") return true;
  if (name == "-o" || name == "--output")
    return command == Command::Render || command == Command::Build || command == Command::Site;
  if (name == "--format") return command == Command::Render;
  if (name == "--settings") return command == Command::Build || command == Command::Site;
  if (name == "--from") return command == Command::Site;
  if (name == "--month" || name == "--no-site" || name == "--csv" || is_signing_option(name))
    return command == Command::Build;
  return (command == Command::Build || command == Command::Site) &&
         (is_flag(name) || name == "--content" || name == "--jobs" || name == "-j");
}

bool parse_jobs(const std::string& text, unsigned& jobs, std::string& error) {
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 1 || n > kMaxJobs) {
    error = "bad --jobs '" + text + "'; expected a number of threads from 1 to " + std::to_string(kMaxJobs);
    return false;
  }
  jobs = n;
  return true;
}

// Stores the value of a known option; false with `error` when the value is bad.
bool set_option(Options& o, const std::string& name, const std::string& value, std::string& error) {
  if (name == "-o" || name == "--output") {
    o.output_dir = value;
    o.output_given = true;
  } else if (name == "--settings") {
    o.site_settings = value;
  } else if (name == "--from") {
    o.built_dir = value;
  } else if (name == "--format") {
    return parse_formats(value, o.formats, error);
  } else if (name == "--fonts") {
    o.fonts_dir = value;
  } else if (name == "--data") {
    o.data_dir = value;
  } else if (name == "--content") {
    o.content_dir = value;
  } else if (name == "--max-input-mb" || name == "--max-elements") {
    const bool megabytes = name == "--max-input-mb";
    const std::size_t most = megabytes ? kMaxInputMegabytes : kMaxElements;
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n < 1 || n > most) {
      error = "bad " + name + " '" + value + "'; expected a whole number from 1 to " + std::to_string(most);
      return false;
    }
    (megabytes ? o.limits.max_bytes : o.limits.max_elements) = megabytes ? n << 20 : n;
  } else if (is_signing_option(name)) {
    set_signing_option(o.signing, name, value);
  } else if (name == "--month") {
    if (!is_month_name(value)) {
      error = "bad --month '" + value + "'; expected YYYY-MM, such as 2026-10";
      return false;
    }
    o.month = value;
  } else {
    return parse_jobs(value, o.jobs, error);
  }
  return true;
}

}  // namespace

bool parse_formats(const std::string& text, OutputFormats& out, std::string& error) {
  OutputFormats formats{false, false, false};
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item == "pdf") {
      formats.pdf = true;
    } else if (item == "html") {
      formats.html = true;
    } else if (item == "booklet") {
      formats.booklet = true;
    } else {
      error = "unknown format '" + item + "' in --format; expected a list of pdf, html and booklet";
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
    parsed.error = "unknown command '" + first + "'; expected build, site, render, check, guides, issue, register or sign";
    return parsed;
  }

  bool only_inputs = false;  // after "--"
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_inputs || arg.empty() || arg[0] != '-' || arg == "-") {
      if (o.command == Command::Build || o.command == Command::Site) {
        parsed.error = first + " takes no input files ('" + arg + "'); use --content DIR" +
                       (o.command == Command::Build ? " or --month YYYY-MM" : "");
        return parsed;
      }
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
    const OptionArgument option = split_inline_value(arg);
    const std::string& name = option.name;
    if (!known_option(o.command, name)) {
      parsed.error = "unknown option '" + name + "' for " + first;
      return parsed;
    }
    if (is_flag(name)) {
      if (option.inline_value) {
        parsed.error = "option '" + name + "' takes no value";
        return parsed;
      }
      (name == "--csv" ? o.csv : name == "--quiet" ? o.quiet : o.no_site) = true;
      continue;
    }
    const std::optional<std::string> value = option_value(option, args, i, parsed.error);
    if (!value || !set_option(o, name, *value, parsed.error)) return parsed;
  }
  if (o.inputs.empty() && o.command != Command::Build && o.command != Command::Site)
    parsed.error = "no input files given";
  if (parsed.ok()) parsed.error = check_signing_options(o.signing);
  return parsed;
}

}  // namespace vanban::cli
