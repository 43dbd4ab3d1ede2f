// Memory of a folder build's own bookkeeping (batch/build_folder.h), apart from rendering: a
// FolderJob of N generated documents of a few bytes each, all up to date, so that the build
// hashes each, checks its files, lists it and writes the manifest and run report without
// rendering one (DIR/NAME.pdf and .html are hard links to a few one-byte files, recorded in
// DIR/manifest.txt, which is written first a line at a time). Prints the peak RSS before the
// build (the engine loaded) and after it.
//
//   vanban_folder_memory N DIR [JOBS]   (DIR is made; run it on an empty one)
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "batch/build_folder.h"
#include "batch/manifest.h"
#include "batch/run_report.h"
#include "batch/write_if_changed.h"

namespace {

constexpr const char* kFingerprint = "bench";

std::string name_of(std::size_t i) {
  char name[64];
  std::snprintf(name, sizeof name, "bao-cao-du-sinh-hoat-X%07zu-2026-10-15", i);
  return name;
}

std::string markup_of(std::size_t i) { return "<document>" + std::to_string(i) + "</document>"; }

double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: vanban_folder_memory N DIR [JOBS]\n";
    return 2;
  }
  const std::size_t n = std::strtoull(argv[1], nullptr, 10);
  const std::string dir = argv[2];
  const unsigned jobs = argc == 4 ? static_cast<unsigned>(std::atoi(argv[3])) : 2;
  namespace fs = std::filesystem;
  fs::create_directories(dir);
  {
    std::ofstream manifest(fs::path(dir) / vanban::kManifestFile, std::ios::binary);
    manifest << vanban::manifest_header();
    for (std::size_t i = 0; i < n; ++i) {
      // A file system allows some 65,000 links to one file.
      const fs::path blob = fs::path(dir) / ("blob-" + std::to_string(i / 30'000));
      if (i % 30'000 == 0) std::ofstream(blob, std::ios::binary) << 'x';
      const std::string name = name_of(i);
      manifest << vanban::manifest_line(name, {vanban::document_hash(kFingerprint, markup_of(i)), 1, 1, 0, 0});
      for (const char* suffix : {".pdf", ".html"}) fs::create_hard_link(blob, fs::path(dir) / (name + suffix));
    }
  }

  const vanban::Result<vanban::Engine> engine =
      vanban::Engine::load({VANBAN_SOURCE_DIR, std::string(VANBAN_SOURCE_DIR) + "/fonts", std::nullopt});
  if (!engine.ok()) return 1;
  const double before = peak_mib();

  vanban::FolderJob job;
  job.label = "bench";
  job.output_dir = dir;
  job.generated_dir = dir;
  job.count = n;
  job.item = [](std::size_t i) {
    return vanban::Result<vanban::BuildItem>{vanban::BuildItem{name_of(i), {}, {}, false, false, i}, {}};
  };
  job.generate = [](std::size_t i) { return vanban::Result<std::string>{markup_of(i), {}}; };
  std::ostringstream err;
  vanban::Progress progress(vanban::ProgressMode::Quiet, err);
  vanban::FolderSettings settings;
  settings.jobs = jobs;
  settings.engine_fingerprint = kFingerprint;
  const vanban::FolderOutcome outcome = vanban::build_folder(*engine.value, std::move(job), settings, progress, [] { return true; });
  vanban::FileIfChanged report(dir, "run-report.json");
  vanban::write_run_report(outcome, "bench", [&](std::string_view piece) { report.write(piece); });
  if (!report.finish().empty()) return 1;

  std::printf("%zu documents, %zu unchanged, %zu written: peak RSS %.1f MiB with the engine loaded, %.1f MiB after the build\n",
              n, outcome.count(vanban::Listed::Unchanged), outcome.written(), before, peak_mib());
  std::cerr << err.str();
  return outcome.count(vanban::Listed::Unchanged) == n ? 0 : 1;
}
