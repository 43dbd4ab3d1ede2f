#include "batch/build_run.h"

#include <malloc.h>

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include "batch/build_folder.h"
#include "batch/documents_job.h"
#include "batch/run_report.h"
#include "batch/stop_signals.h"
#include "batch/write_if_changed.h"
#include "output/atomic_file.h"
#include "text/vietnamese_format.h"

namespace vanban {

namespace fs = std::filesystem;

namespace {

std::string count(std::size_t n) { return text::format_integer(static_cast<long long>(n)); }

}  // namespace

std::vector<std::string> folders_to_build(const BuildRequest& request, std::string& error) {
  const fs::path content(request.content_dir);
  std::error_code ec;
  if (request.month) {
    if (!fs::is_directory(content / *request.month, ec)) {
      error = (content / *request.month).string() + (ec ? ": cannot read the month folder: " + ec.message()
                                                        : ": no such month folder");
      return {};
    }
    return {*request.month};
  }
  std::vector<std::string> months;
  for (auto it = fs::directory_iterator(content, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (it->is_directory(type_ec) && is_month_name(it->path().filename().string()))
      months.push_back(it->path().filename().string());
  }
  if (ec) {
    error = request.content_dir + ": cannot list the content folder: " + ec.message();
    return {};
  }
  std::sort(months.begin(), months.end());
  if (fs::is_directory(content / kDocumentsFolder, ec)) months.push_back(kDocumentsFolder);
  if (months.empty())
    error = request.content_dir + ": nothing to build (no YYYY-MM month folder, no documents folder)";
  return months;
}

namespace {

// Who signs and how: PDFs signed otherwise (or not at all) are signed again.
std::string signing_fingerprint(const SigningSetup& s) {
  std::string out = "\nsigned by " + s.signer.common_name() + (s.signature_image ? " with image" : "");
  if (s.seal) out += "; sealed by " + s.seal->common_name() + (s.seal_image ? " with image" : "");
  if (!s.tsa_url.empty()) out += "; time-stamped by " + s.tsa_url;
  return out;
}

std::string summary_line(const FolderOutcome& o) {
  std::string line = o.label + ": " + count(o.written()) + " written, " + count(o.count(Listed::Unchanged)) +
                     " unchanged";
  if (const std::size_t failed = o.count(Listed::Failed)) line += ", " + count(failed) + " failed";
  if (const std::size_t removed = o.count(Listed::Removed)) line += ", " + count(removed) + " removed";
  if (!o.rejected.empty()) line += "; " + count(o.rejected.size()) + " rejected";
  return line + " (" + o.output_dir + ", report in run-report.json)";
}

}  // namespace

int run_build(const Engine& engine, const BuildRequest& request, std::ostream& err) {
  StopSignals stop;  // before any thread starts
  Progress progress(request.progress, err);

  std::string error;
  const std::vector<std::string> folders = folders_to_build(request, error);
  if (folders.empty()) {
    err << "vanban: " << error << '\n';
    return 2;
  }

  // An output folder that cannot be written is said once, before hours of rendering for nothing.
  for (const std::string& folder : folders) {
    const std::string error = check_output_folder((fs::path(request.output_dir) / folder).string());
    if (!error.empty()) {
      err << "vanban: " << error << '\n';
      return 2;
    }
  }

  FolderSettings settings;
  settings.jobs = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  settings.engine_fingerprint = request.engine_fingerprint;
  settings.signing = request.signing;
  if (request.signing) settings.signing_fingerprint = signing_fingerprint(*request.signing);
  const auto keep_going = [&] { return stop.poll() == 0; };

  bool rejected = false;
  for (const std::string& folder : folders) {
    const std::string input_dir = (fs::path(request.content_dir) / folder).string();
    const std::string output_dir = (fs::path(request.output_dir) / folder).string();
    const bool documents = folder == kDocumentsFolder;
    const MonthJobSettings month{input_dir, output_dir, request.data_dir, request.source};
    // What a killed run left (its scratch databases among it), once, before this run makes its own.
    remove_stale_temp_files(output_dir);
    progress.phase(folder + ": reading " + (documents ? input_dir : meeting_data_path(month)));
    FolderJob job = documents ? documents_job(input_dir, output_dir) : month_job(month);
    // Reading a month's data held its file and freed many small temporaries; glibc keeps freed
    // pages for this thread's next allocations, which rendering (on the workers' own arenas)
    // never makes. Giving them back keeps the build's peak at the reading.
    malloc_trim(0);
    if (!keep_going()) break;
    progress.phase(folder + ": " + count(job.count) + " documents");

    const FolderOutcome outcome = build_folder(engine, std::move(job), settings, progress, keep_going);
    FileIfChanged report(output_dir, "run-report.json");
    write_run_report(outcome, VANBAN_VERSION, [&](std::string_view piece) { report.write(piece); });
    const std::string report_error = report.finish();
    if (!report_error.empty()) progress.message(Diagnostic{output_dir, 0, 0, report_error}.to_string());
    rejected = rejected || !outcome.rejected.empty() || !report_error.empty();
    if (outcome.interrupted) {
      progress.message(folder + ": stopped after " + count(outcome.written()) + " documents written; " +
                       "run vanban build again to finish");
      break;
    }
    progress.phase(summary_line(outcome));
  }
  if (stop.received()) return 128 + stop.received();
  return rejected ? 1 : 0;
}

}  // namespace vanban
