// The command line of vanban, parsed without touching the file system or the environment.
#pragma once

#include <string>
#include <vector>

#include "cli/signing_options.h"
#include "input/input_limits.h"
#include "render/engine.h"

namespace vanban::cli {

enum class Command { None, Render, Check, Build, Site, Help, Version };

using vanban::OutputFormats;

struct Options {
  Command command = Command::None;
  Command help_topic = Command::None;  // with Command::Help: the command asked about, if any
  std::vector<std::string> inputs;
  std::string output_dir = "out";
  OutputFormats formats;
  std::string fonts_dir;  // empty: $VANBAN_FONTS, else the shipped fonts
  std::string data_dir;   // empty: $VANBAN_DATA, else the source tree
  InputLimits limits;     // --max-input-mb, --max-elements
  // build and site
  std::string content_dir = "content";
  std::string month;  // YYYY-MM; empty: every month folder and content/documents
  unsigned jobs = 0;  // 0: one per core
  bool csv = false;   // read the month's CSV set even when meetings.xml is there
  bool quiet = false;
  SigningOptions signing;  // --key and the other signing options (cli/signing_options.h)
  // site (and build, which writes OUT/site unless --no-site)
  bool no_site = false;
  std::string site_settings;  // --settings FILE; empty: CONTENT/site.xml
  std::string built_dir;      // site: --from DIR, what vanban build wrote (default: out)
  bool output_given = false;  // site: -o given (else OUT/site)
};

struct ParsedOptions {
  Options options;
  std::string error;  // non-empty: bad usage (exit status 2)
  bool ok() const { return error.empty(); }
};

// `args` are the arguments after the program name.
ParsedOptions parse_options(const std::vector<std::string>& args);

// "pdf,html" -> both; an unknown or empty entry is an error.
bool parse_formats(const std::string& text, OutputFormats& out, std::string& error);

}  // namespace vanban::cli
