#include "cli/guides_command.h"

#include <filesystem>
#include <set>

#include "cli/app.h"
#include "cli/command_usage.h"
#include "cli/engine_settings.h"
#include "input/guidance_reader.h"
#include "output/atomic_file.h"
#include "render/engine.h"
#include "templating/guide_documents.h"

namespace vanban::cli {

namespace {

constexpr const char* kGuidesHelp =
    "Usage: vanban guides GUIDANCE.xml... [-o DIR] [--fonts DIR] [--data DIR]\n"
    "\n"
    "Generates the monthly discussion guide (Tài liệu sinh hoạt) of every organisation listed\n"
    "in each guidance file (content/YYYY-MM/guidance.xml, schema templates/schema/guidance.rng)\n"
    "from templates/documents/tai-lieu-sinh-hoat.mustache, and writes for each guide NAME.pdf\n"
    "(A4), NAME-a5.pdf (an A5 booklet on A4 landscape sheets: print double-sided, flip on the\n"
    "short edge, fold and staple) and NAME.html, NAME being tai-lieu-sinh-hoat-ORG-YYYY-MM.\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR   output folder, created if missing (default: out)\n"
    "  --fonts DIR        see vanban render --help\n"
    "  --data DIR         see vanban render --help\n"
    "\n"
    "Exit status: 0 every guide written, 1 some guidance file or guide rejected (the others\n"
    "are still written), 2 bad usage or fonts/profiles that cannot be loaded.\n";

struct GuidesOptions {
  std::vector<std::string> inputs;
  std::string output_dir = "out";
  std::string fonts_dir;
  std::string data_dir;
  bool help = false;
};

// Empty string, or why the arguments are bad.
std::string parse(const std::vector<std::string>& args, GuidesOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const OptionArgument option = split_inline_value(args[i]);
    const std::string& name = option.name;
    if (name == "--help" || name == "-h") {
      o.help = true;
      continue;
    }
    if (name != "-o" && name != "--output" && name != "--fonts" && name != "--data") {
      if (name.rfind("-", 0) == 0 && name != "-") return "unknown option '" + name + "' for guides";
      o.inputs.push_back(args[i]);
      continue;
    }
    std::string error;
    const std::optional<std::string> value = option_value(option, args, i, error);
    if (!value) return error;
    (name == "--fonts" ? o.fonts_dir : name == "--data" ? o.data_dir : o.output_dir) = *value;
  }
  if (!o.help && o.inputs.empty()) return "guides needs at least one guidance file";
  return {};
}

void report(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << d.to_string() << '\n';
}

// Renders one guide and writes its three files; false if it was rejected.
bool write_guide(const Engine& engine, const GeneratedGuide& guide, const std::string& source,
                 const std::string& output_dir, std::ostream& err) {
  const Result<ResolvedDocument> doc = engine.resolve_bytes(guide.markup, source);
  report(doc.errors, err);
  if (!doc.ok()) return false;
  const Result<RenderedDocument> rendered = engine.render(*doc.value, {.pdf = true, .html = true, .booklet = true});
  report(rendered.errors, err);
  if (!rendered.ok()) return false;
  for (const Output& output : rendered.value->outputs) {
    const std::string error = write_file_atomically(output_dir, guide.name + output.suffix, output.bytes);
    if (!error.empty()) {
      err << Diagnostic{source, 0, 0, error}.to_string() << '\n';
      return false;
    }
  }
  return true;
}

}  // namespace

int run_guides(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  GuidesOptions options;
  if (const auto status = parse_or_usage("guides", parse, args, options, kGuidesHelp, out, err)) return *status;

  const std::optional<LoadedEngine> loaded = load_engine(options.data_dir, options.fonts_dir, err);
  if (!loaded) return kExitUsage;

  if (const std::string error = check_output_folder(options.output_dir); !error.empty()) {
    err << "vanban: " << error << '\n';
    return kExitUsage;
  }
  install_cleanup_handlers();
  remove_stale_temp_files(options.output_dir);
  const std::string templates = loaded->settings.data_dir + "/templates";
  std::set<std::string> written;  // two guidance files of one month would overwrite each other
  bool all_ok = true;
  for (const std::string& input : options.inputs) {
    const Result<Guidance> guidance = read_guidance(input, templates + "/schema/guidance.rng");
    report(guidance.errors, err);
    if (!guidance.ok()) {
      all_ok = false;
      continue;
    }
    const Result<std::vector<GeneratedGuide>> guides = generate_guides(*guidance.value, templates);
    report(guides.errors, err);
    if (!guides.ok()) {
      all_ok = false;
      continue;
    }
    // Messages about a guide name the file it would be if saved beside its guidance.
    const std::string folder = std::filesystem::path(input).parent_path().string();
    for (const GeneratedGuide& guide : *guides.value) {
      const std::string source = (folder.empty() ? "" : folder + "/") + guide.name + ".xml";
      if (!written.insert(guide.name).second) {
        err << Diagnostic{input, 0, 0, guide.name + " was already written from an earlier guidance file; skipped"}
                   .to_string()
            << '\n';
        all_ok = false;
        continue;
      }
      all_ok = write_guide(loaded->engine, guide, source, options.output_dir, err) && all_ok;
    }
  }
  return all_ok ? kExitOk : kExitRejected;
}

}  // namespace vanban::cli
