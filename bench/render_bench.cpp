// Renders one document N times in one process, fully in memory (read + validate + resolve +
// layout + PDF + HTML, no disk writes in the loop), and prints documents per second and memory:
// peak RSS and the RSS at 1,000 documents and at the end, which stay equal when nothing leaks.
//
//   vanban_bench [FILE.xml [COUNT]]   (default: the Party directive sample, 10000)
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "render/engine.h"
#include "font/font_set.h"

namespace {

double resident_mib() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return static_cast<double>(pages_resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

double peak_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : std::string(VANBAN_SOURCE_DIR) + "/content/documents/chi-thi-dang.xml";
  const long count = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 10000;
  if (count <= 0) {
    std::cerr << "usage: vanban_bench [FILE.xml [COUNT>0]]\n";
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "cannot read " << path << '\n';
    return 2;
  }
  const std::string source = bytes.str();

  vanban::EngineSettings settings{VANBAN_SOURCE_DIR, std::string(VANBAN_SOURCE_DIR) + "/fonts", std::nullopt};
  const vanban::Result<vanban::Engine> engine = vanban::Engine::load(settings);
  for (const vanban::Diagnostic& d : engine.errors) std::cerr << d.to_string() << '\n';
  if (!engine.ok()) return 2;

  using Clock = std::chrono::steady_clock;
  std::size_t pdf_bytes = 0, html_bytes = 0;
  double rss_at_1000 = 0;
  Clock::duration reading{};  // read + validate + resolve; the rest is layout + PDF + HTML
  const auto start = Clock::now();
  for (long i = 1; i <= count; ++i) {
    const auto read_start = Clock::now();
    const auto doc = engine.value->resolve_bytes(source, path);
    reading += Clock::now() - read_start;
    if (!doc.ok()) {
      for (const vanban::Diagnostic& d : doc.errors) std::cerr << d.to_string() << '\n';
      return 1;
    }
    const auto rendered = engine.value->render(*doc.value, vanban::OutputFormats{});
    if (!rendered.ok()) {
      for (const vanban::Diagnostic& d : rendered.errors) std::cerr << d.to_string() << '\n';
      return 1;
    }
    pdf_bytes = rendered.value->find("pdf")->bytes.size();
    html_bytes = rendered.value->find("html")->bytes.size();
    if (i == 1000) rss_at_1000 = resident_mib();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("document      %s (PDF %zu bytes, HTML %zu bytes)\n", path.c_str(), pdf_bytes, html_bytes);
  std::printf("rendered      %ld in %.2f s, one thread\n", count, seconds);
  const double read_seconds = std::chrono::duration<double>(reading).count();
  std::printf("throughput    %.1f documents/s (%.2f ms each: %.2f read+resolve, %.2f layout+PDF+HTML)\n",
              static_cast<double>(count) / seconds, 1000.0 * seconds / static_cast<double>(count),
              1000.0 * read_seconds / static_cast<double>(count),
              1000.0 * (seconds - read_seconds) / static_cast<double>(count));
  if (count >= 1000) std::printf("RSS at 1000   %.1f MiB\n", rss_at_1000);
  std::printf("RSS at %-6ld %.1f MiB\n", count, resident_mib());
  std::printf("peak RSS      %.1f MiB\n", peak_mib());
  return 0;
}
