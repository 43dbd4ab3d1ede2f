#include "cli/app.h"

#include <exception>
#include <new>

#include "render/engine.h"
#include "cli/build_command.h"
#include "cli/signing_options.h"
#include "cli/engine_settings.h"
#include "cli/guides_command.h"
#include "cli/issue_command.h"
#include "cli/options.h"
#include "cli/register_command.h"
#include "cli/running_fingerprint.h"
#include "cli/serve_command.h"
#include "cli/render_command.h"
#include "cli/sign_command.h"
#include "cli/site_command.h"
#include "input/input_limits.h"

namespace vanban::cli {

namespace {

constexpr const char* kOverview =
    "Usage: vanban build [--month YYYY-MM] [--content DIR] [-o DIR] [--jobs N] [--csv] [--quiet]\n"
    "                    [--no-site] [--settings FILE] [--fonts DIR] [--data DIR]\n"
    "       vanban site [-o DIR] [--from DIR] [--content DIR] [--settings FILE] [--jobs N]\n"
    "       vanban render FILE.xml... [-o DIR] [--format pdf,html] [--fonts DIR] [--data DIR]\n"
    "       vanban check FILE.xml... [--fonts DIR] [--data DIR]\n"
    "       vanban guides GUIDANCE.xml [-o DIR] [--fonts DIR] [--data DIR]\n"
    "       vanban issue FILE.xml... [--register DB] [-o DIR] [--date YYYY-MM-DD] [--reissue]\n"
    "       vanban register list|show NUMBER|export [-o FILE.csv]|term --issuer CODE --from DATE\n"
    "       vanban sign FILE.pdf --key KEY.p12 [--seal | --attachment NUMBER] [-o OUT.pdf] ...\n"
    "       vanban serve [--listen HOST:PORT] [--content DIR] [--settings FILE] | serve hash-password\n"
    "       vanban --help | vanban COMMAND --help | vanban --version\n"
    "\n"
    "Typesets Vietnamese official documents (Party, State, Fatherland Front and mass-organisation\n"
    "layouts) as PDF and HTML.\n"
    "\n"
    "Commands:\n"
    "  build    build every month of meeting data and every document under content/,\n"
    "           then the board's web site (OUT/site)\n"
    "  site     write the board's static web site: articles, listings, search, feed\n"
    "  render   write DIR/NAME.pdf and DIR/NAME.html for each input\n"
    "  check    validate the inputs only\n"
    "  guides   write each organisation's discussion guide of a month (A4, A5 booklet, HTML)\n"
    "  issue    number and date documents in the office's register, then write them\n"
    "  register list, show or export the register (CSV); record a Party committee's term\n"
    "  sign     sign a PDF (PAdES) as the person with authority, the organisation or an attachment\n"
    "  serve    the compose page: write a document in a browser, with its pages as they print\n"
    "\n"
    "Exit status: 0 all inputs written (or valid), 1 some input rejected (the others are\n"
    "still written), 2 bad usage, fonts/profiles that cannot be loaded or an output folder\n"
    "that cannot be written.\n";

constexpr const char* kRenderHelp =
    "Usage: vanban render FILE.xml... [-o DIR] [--format pdf,html] [--fonts DIR] [--data DIR]\n"
    "\n"
    "Writes DIR/NAME.pdf and DIR/NAME.html for each input, NAME being the input's file name\n"
    "without .xml, and with --format ...,booklet DIR/NAME-a5.pdf: A5 pages imposed two per side\n"
    "of A4 landscape sheets for saddle-stitch printing. Files are replaced atomically; an input\n"
    "that is rejected writes nothing.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   output folder, created if missing (default: out)\n"
    "  --format LIST      any of pdf, html, booklet, comma-separated (default: pdf,html)\n"
    "  --fonts DIR        folder with Times New Roman (times.ttf, timesbd.ttf, timesi.ttf,\n"
    "                     timesbi.ttf) or Liberation Serif (default: $VANBAN_FONTS, else the\n"
    "                     fonts shipped with vanban)\n"
    "  --data DIR         folder holding templates/ and fonts/ (default: $VANBAN_DATA, else\n"
    "                     PREFIX/share/vanban beside an installed vanban, or the checkout a\n"
    "                     vanban built inside it runs from)\n"
    "  --max-input-mb N   read at most N MB from one input file (default: 64)\n"
    "  --max-elements N   read at most N XML elements from one input file (default: 500000)\n"
    "\n"
    "Environment: SOURCE_DATE_EPOCH sets the PDF dates (default: each document's date).\n"
    "Errors are printed as FILE:LINE:COL: message.\n";

constexpr const char* kBuildHelp =
    "Usage: vanban build [--month YYYY-MM] [--content DIR] [-o DIR] [--jobs N] [--csv] [--quiet]\n"
    "                    [--key KEY.p12 [SIGNING OPTIONS]] [--no-site] [--settings FILE]\n"
    "                    [--fonts DIR] [--data DIR]\n"
    "\n"
    "Builds everything under the content folder: for each month folder YYYY-MM (meetings.xml\n"
    "or the CSV set branches.csv, cadres.csv, assignments.csv, meetings.csv, and month.xml)\n"
    "the monthly summary, the reminder dispatches and one attendance report per attended\n"
    "meeting, and, when the folder has a guidance.xml, each organisation's discussion guide\n"
    "(also as an A5 booklet, NAME-a5.pdf), into OUT/YYYY-MM/; and every documents/NAME.xml\n"
    "into OUT/documents/. Each document is written as NAME.pdf and NAME.html, atomically. A\n"
    "document whose markup, fonts, templates and program are unchanged since the last run is\n"
    "not written again (OUT/FOLDER/manifest.txt); outputs of documents that no longer exist\n"
    "are removed. Each folder gets a run-report.json: what was written, unchanged, removed\n"
    "and rejected. Then writes the board's web site into OUT/site (see vanban site --help).\n"
    "A month.xml with <register file=\"...\"/> numbers and dates the month's summary, reminders\n"
    "and organisations' filed reports through that register, as vanban issue does: in a fixed\n"
    "order, the same number on every run, each recorded with its files' SHA-256. With --key\n"
    "the PDFs of these issued documents are signed (NAME.pdf is the signed file); drafts,\n"
    "guides and cadres' personal reports are not.\n"
    "\n"
    "Options:\n"
    "  --month YYYY-MM    build only this month folder\n"
    "  --content DIR      the content folder (default: content)\n"
    "  -o, --output DIR   the output folder (default: out)\n"
    "  -j, --jobs N       worker threads (default: one per core)\n"
    "  --csv              read the CSV set even where meetings.xml is present (by default\n"
    "                     meetings.xml, else the CSV files)\n"
    "  --quiet            no progress on standard error (errors are still printed)\n"
    "  --no-site          do not write the web site OUT/site\n"
    "  --settings FILE    the site settings (default: CONTENT/site.xml)\n"
    "  --fonts DIR        see vanban render --help\n"
    "  --data DIR         see vanban render --help\n"
    "  --max-input-mb N, --max-elements N   see vanban render --help\n"
    VANBAN_SIGNING_OPTIONS_HELP
    "\n"
    "Progress goes to standard error: a bar on a terminal, plain lines otherwise. Errors are\n"
    "printed as FILE:LINE:COL: message (FILE:ROW:COLUMN for CSV). Ctrl-C or kill stops the\n"
    "run after the documents in progress: no file is left half written, and the next run\n"
    "completes the set.\n"
    "\n"
    "Exit status: 0 everything built, 1 something rejected (a bad record, a document that\n"
    "failed; the rest is still built), 2 bad usage, nothing to build or an output folder that\n"
    "cannot be written, 130/143 stopped by SIGINT/SIGTERM.\n";

constexpr const char* kSiteHelp =
    "Usage: vanban site [-o DIR] [--from DIR] [--content DIR] [--settings FILE] [--jobs N]\n"
    "                   [--quiet] [--fonts DIR] [--data DIR]\n"
    "\n"
    "Writes the board's static web site from what vanban build wrote for every folder it builds\n"
    "(the month folders and documents/ of the content folder): index.html with the newest\n"
    "documents, one page per document (van-ban/SLUG.html, from the record FOLDER/NAME.article\n"
    "the build keeps beside the PDF, which is copied next to the page), listings per month, type\n"
    "and issuer (thang/, loai/, co-quan/), the search page tim-kiem.html with its index (search\n"
    "ignores Vietnamese marks: \"dang uy\" finds \"Đảng ủy\"), feed.xml and sitemap.xml. A\n"
    "document the build refused has no page. A document issued and signed through the register\n"
    "links its signed PDF from OUT/issued/. The board's name, address, editor in chief, source\n"
    "note and base URL come from the site settings. Only changed files are rewritten, each\n"
    "atomically, the home page last; files an earlier run wrote and this one does not are\n"
    "removed (DIR/vanban-site.txt).\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   the site folder (default: out/site)\n"
    "  --from DIR         the folder vanban build wrote, holding FOLDER/NAME.pdf (default: out)\n"
    "  --content DIR      the content folder (default: content)\n"
    "  --settings FILE    the site settings (default: CONTENT/site.xml)\n"
    "  -j, --jobs N       worker threads (default: one per core)\n"
    "  --quiet            no summary line on standard error (errors are still printed)\n"
    "  --fonts DIR, --data DIR   see vanban render --help\n"
    "\n"
    "Exit status: 0 every document the build wrote is on the site, 1 some were left out (a\n"
    "record that is not what the build wrote, a duplicate address; the rest is written), 2 bad\n"
    "usage, settings or templates that cannot be read, or a site folder that cannot be written.\n";

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
  out << (topic == Command::Render  ? kRenderHelp
          : topic == Command::Check ? kCheckHelp
          : topic == Command::Build ? kBuildHelp
          : topic == Command::Site  ? kSiteHelp
                                    : kOverview);
  return kExitOk;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // `guides` parses its own arguments (cli/guides_command.h).
  if (!args.empty() && args[0] == "guides") return run_guides({args.begin() + 1, args.end()}, out, err);
  if (!args.empty() && args[0] == "issue") return run_issue({args.begin() + 1, args.end()}, out, err);
  if (!args.empty() && args[0] == "register") return run_register({args.begin() + 1, args.end()}, out, err);
  if (!args.empty() && args[0] == "sign") return run_sign({args.begin() + 1, args.end()}, out, err);
  if (!args.empty() && args[0] == "serve") return run_serve({args.begin() + 1, args.end()}, out, err);
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

  set_input_limits(options.limits);
  const std::optional<LoadedEngine> loaded = load_engine(options.data_dir, options.fonts_dir, err);
  if (!loaded) return kExitUsage;
  switch (options.command) {
    case Command::Build: return run_build_command(loaded->engine, options, loaded->settings, err);
    case Command::Site: {
      // Without it every page is made again: a fingerprint that cannot be made is no reason to stop.
      const Result<std::string> fingerprint = running_engine_fingerprint(loaded->settings);
      return run_site_command(loaded->engine, options, loaded->settings, fingerprint.ok() ? *fingerprint.value : "",
                              options.output_given ? options.output_dir : options.output_dir + "/site",
                              options.built_dir.empty() ? "out" : options.built_dir, err);
    }
    case Command::Render: return run_render(loaded->engine, options, err);
    default: return run_check(loaded->engine, options, err);
  }
}

int exit_status_of(const std::function<int()>& body, std::ostream& err) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    err << "vanban: out of memory; nothing more was written (files already written are complete)\n";
  } catch (const std::exception& e) {
    err << "vanban: internal error: " << e.what() << "; nothing more was written (please report it)\n";
  } catch (...) {
    err << "vanban: internal error; nothing more was written (please report it)\n";
  }
  return kExitUsage;
}

}  // namespace vanban::cli
