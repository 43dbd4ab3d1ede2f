// Memory of a month's preparation: reads and checks the meeting data into the month's store (a
// scratch database in a temporary output folder), computes the figures and plans every document
// (batch/month_job.h), everything `vanban build` holds for the whole run before it renders, the
// job's list of items (a name each) included; then generates each document's markup once from
// the store and drops it, as the build does to hash it. Rendering itself keeps at most 4 x jobs documents in flight (batch/work_pool.h),
// whatever the month's size. Prints the documents, the markup generated and the peak RSS.
//
//   vanban_month_memory MONTH_DIR [--csv]   (a folder written by vanban_make_province)
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "batch/month_job.h"
#include "input/input_limits.h"

namespace {

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

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
  // The job keeps the month's records in a scratch database there, removed with the job.
  char output_dir[] = "/tmp/vanban-month-memory-XXXXXX";
  if (!mkdtemp(output_dir)) {
    std::perror("mkdtemp");
    return 2;
  }
  settings.output_dir = output_dir;
  settings.data_dir = VANBAN_SOURCE_DIR;
  settings.source = argc == 3 ? vanban::MeetingSource::Csv : vanban::MeetingSource::Auto;
  auto job_owner = std::make_unique<vanban::FolderJob>(vanban::month_job(settings));
  const vanban::FolderJob& job = *job_owner;
  const double planned = peak_rss_mib();
  for (const vanban::Diagnostic& d : job.rejected) std::cerr << d.to_string() << '\n';
  std::size_t markup = 0;
  for (std::size_t i = 0; i < job.count; ++i) {
    const vanban::Result<std::string> text = job.markup_of(*job.item(i).value);
    if (text.ok()) markup += text.value->size();
  }
  // The largest document (the summary, with a row for every defaulter) may make the peak.
  std::printf("%zu documents, %.1f MiB of markup generated one at a time, peak RSS %.1f MiB (%.1f MiB when planned)\n",
              job.count, static_cast<double>(markup) / (1024.0 * 1024.0), peak_rss_mib(), planned);
  const int status = job.input_complete ? 0 : 1;
  job_owner.reset();
  rmdir(output_dir);
  return status;
}
