// Memory of a month's preparation: reads and checks the meeting data, computes the figures and
// plans every document (batch/month_job.h), everything `vanban build` holds for the whole run
// before it renders; then generates each document's markup once and drops it, as the build does
// to hash it. Rendering itself keeps at most 4 x jobs documents in flight (batch/work_pool.h),
// whatever the month's size. Prints the documents, the markup generated and the peak RSS.
//
//   vanban_month_memory MONTH_DIR [--csv]   (a folder written by vanban_make_province)
#include <sys/resource.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "batch/month_job.h"
#include "input/input_limits.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::strcmp(argv[2], "--csv") != 0)) {
    std::cerr << "usage: vanban_month_memory MONTH_DIR [--csv]\n";
    return 2;
  }
  // The largest limits `vanban build --max-input-mb 2047 --max-elements 100000000` allows: a
  // province of a million branches is far beyond the defaults.
  vanban::set_input_limits({std::size_t{2047} << 20, 100'000'000});
  vanban::MonthJobSettings settings;
  settings.month_dir = argv[1];
  settings.output_dir = "/nonexistent";  // month_job only names it; nothing is written
  settings.data_dir = VANBAN_SOURCE_DIR;
  settings.source = argc == 3 ? vanban::MeetingSource::Csv : vanban::MeetingSource::Auto;
  const vanban::FolderJob job = vanban::month_job(settings);
  for (const vanban::Diagnostic& d : job.rejected) std::cerr << d.to_string() << '\n';
  std::size_t markup = 0;
  for (std::size_t i = 0; i < job.count; ++i) {
    const vanban::Result<std::string> text = job.markup_of(*job.item(i).value);
    if (text.ok()) markup += text.value->size();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("%zu documents, %.1f MiB of markup generated one at a time, peak RSS %.1f MiB\n", job.count,
              static_cast<double>(markup) / (1024.0 * 1024.0), static_cast<double>(usage.ru_maxrss) / 1024.0);
  return job.input_complete ? 0 : 1;
}
