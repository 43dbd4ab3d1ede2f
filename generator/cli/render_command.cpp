#include "cli/render_command.h"

#include "batch/web_fonts_folder.h"
#include "cli/app.h"
#include "output/atomic_file.h"
#include "output/output_name.h"

namespace vanban::cli {

namespace {

void report(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << d.to_string() << '\n';
}

// Renders one input and writes its files; false if it was rejected (the reasons are printed).
bool render_one(const Engine& engine, const Options& options, OutputNames& names,
                const std::string& input, std::ostream& err) {
  const Result<std::string> name = names.claim(input);
  report(name.errors, err);
  if (!name.ok()) return false;

  const Result<ResolvedDocument> doc = engine.resolve_file(input);
  report(doc.errors, err);
  if (!doc.ok()) return false;

  const Result<RenderedDocument> rendered = engine.render(*doc.value, options.formats);
  report(rendered.errors, err);
  if (!rendered.ok()) return false;

  // Both files are complete in memory before either is written: an input never leaves a PDF
  // without its HTML because rendering failed half way. The first failed write stops the input.
  for (const Output& output : rendered.value->outputs) {
    const std::string error =
        write_file_atomically(options.output_dir, *name.value + output.suffix, output.bytes);
    if (!error.empty()) {
      err << Diagnostic{input, 0, 0, error}.to_string() << '\n';
      return false;
    }
  }
  return true;
}

}  // namespace

int run_render(const Engine& engine, const Options& options, std::ostream& err) {
  if (const std::string error = check_output_folder(options.output_dir); !error.empty()) {
    err << "vanban: " << error << '\n';
    return kExitUsage;
  }
  install_cleanup_handlers();
  remove_stale_temp_files(options.output_dir);
  OutputNames names;
  std::size_t rendered = 0;
  for (const std::string& input : options.inputs) rendered += render_one(engine, options, names, input, err);
  // The pages' face beside them (batch/web_fonts_folder.h), once there are pages.
  if (options.formats.html && rendered > 0)
    for (const Diagnostic& d : place_web_fonts(engine.data_dir(), options.output_dir)) err << d.to_string() << '\n';
  return rendered == options.inputs.size() ? 0 : 1;
}

int run_check(const Engine& engine, const Options& options, std::ostream& err) {
  bool all_ok = true;
  for (const std::string& input : options.inputs) {
    const Result<ResolvedDocument> doc = engine.resolve_file(input);
    report(doc.errors, err);
    all_ok = doc.ok() && all_ok;
  }
  return all_ok ? 0 : 1;
}

}  // namespace vanban::cli
