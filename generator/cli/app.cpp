#include "cli/app.h"

#include <cstdlib>

#include "render/engine.h"
#include "cli/options.h"
#include "cli/render_command.h"
#include "render/timestamp.h"

namespace vanban::cli {

namespace {

constexpr const char* kOverview =
    "Usage: vanban render FILE.xml... [-o DIR] [--format pdf,html] [--fonts DIR] [--data DIR]\n"
    "       vanban check FILE.xml... [--fonts DIR] [--data DIR]\n"
    "       vanban --help | vanban COMMAND --help | vanban --version\n"
    "\n"
    "Typesets Vietnamese official documents (Party and State layouts) as PDF and HTML.\n"
    "\n"
    "Commands:\n"
    "  render   write DIR/NAME.pdf and DIR/NAME.html for each input\n"
    "  check    validate the inputs only\n"
    "\n"
    "Exit status: 0 all inputs written (or valid), 1 some input rejected (the others are\n"
    "still written), 2 bad usage or fonts/profiles that cannot be loaded.\n";

constexpr const char* kRenderHelp =
    "Usage: vanban render FILE.xml... [-o DIR] [--format pdf,html] [--fonts DIR] [--data DIR]\n"
    "\n"
    "Writes DIR/NAME.pdf and DIR/NAME.html for each input, NAME being the input's file name\n"
    "without .xml. Files are replaced atomically; an input that is rejected writes nothing.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   output folder, created if missing (default: out)\n"
    "  --format LIST      pdf, html or pdf,html (default: pdf,html)\n"
    "  --fonts DIR        folder with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf,\n"
    "                     timesbi.ttf) or Liberation Serif (default: $VANBAN_FONTS, else the\n"
    "                     fonts shipped with vanban)\n"
    "  --data DIR         folder holding templates/ (default: $VANBAN_DATA, else the source\n"
    "                     tree vanban was built from)\n"
    "\n"
    "Environment: SOURCE_DATE_EPOCH sets the PDF dates (default: each document's date).\n"
    "Errors are printed as FILE:LINE:COL: message.\n";

constexpr const char* kCheckHelp =
    "Usage: vanban check FILE.xml... [--fonts DIR] [--data DIR]\n"
    "\n"
    "Reads, validates and resolves each input against its layout profile, as render does,\n"
    "without writing anything. Errors are printed as FILE:LINE:COL: message.\n"
    "\n"
    "Options:\n"
    "  --fonts DIR   fonts whose coverage is checked (see vanban render --help)\n"
    "  --data DIR    folder holding templates/ (see vanban render --help)\n";

int print_help(Command topic, std::ostream& out) {
  out << (topic == Command::Render ? kRenderHelp : topic == Command::Check ? kCheckHelp : kOverview);
  return kExitOk;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const ParsedOptions parsed = parse_options(args);
  if (!parsed.ok()) {
    err << "vanban: " << parsed.error << "\n" << "Try 'vanban --help'.\n";
    return kExitUsage;
  }
  const Options& options = parsed.options;
  if (options.command == Command::Help) return print_help(options.help_topic, out);
  if (options.command == Command::Version) {
    out << "vanban " << VANBAN_VERSION << '\n';
    return kExitOk;
  }

  EngineSettings settings;
  settings.data_dir = options.data_dir.empty() ? default_data_dir() : options.data_dir;
  settings.fonts_dir = options.fonts_dir.empty() ? default_font_dir() : options.fonts_dir;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    std::string error;
    settings.timestamp = parse_source_date_epoch(epoch, error);
    if (!settings.timestamp) {
      err << "vanban: " << error << '\n';
      return kExitUsage;
    }
  }

  const Result<Engine> engine = Engine::load(settings);
  for (const Diagnostic& d : engine.errors) err << d.to_string() << '\n';
  if (!engine.ok()) {
    err << "vanban: no input was read: the fonts or the layout profiles above could not be loaded\n";
    return kExitUsage;
  }
  return options.command == Command::Render ? run_render(*engine.value, options, err)
                                            : run_check(*engine.value, options, err);
}

}  // namespace vanban::cli
