// Renders one document N times in one process, fully in memory (read + validate + resolve +
// layout + PDF + HTML, no disk writes in the loop), and prints documents per second and memory:
// peak RSS and the RSS at 1,000 documents and at the end, which stay equal when nothing leaks.
//
//   vanban_bench [FILE.xml [COUNT]]   (default: 10000 of each sample below)
//
// Without FILE it measures two samples: the Party directive (two pages, nested lists, brace
// group) and the State dispatch (one page, the size of most documents of a month).
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

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

// Renders `path` `count` times; false when it cannot be read or rendered.
bool bench(const vanban::Engine& engine, const std::string& path, long count) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "cannot read " << path << '\n';
    return false;
  }
  const std::string source = bytes.str();

  using Clock = std::chrono::steady_clock;
  std::size_t pdf_bytes = 0, html_bytes = 0, pdf_pages = 0;
  double rss_at_1000 = 0;
  Clock::duration reading{};  // read + validate + resolve; the rest is layout + PDF + HTML
  const auto start = Clock::now();
  for (long i = 1; i <= count; ++i) {
    const auto read_start = Clock::now();
    const auto doc = engine.resolve_bytes(source, path);
    reading += Clock::now() - read_start;
    if (!doc.ok()) {
      for (const vanban::Diagnostic& d : doc.errors) std::cerr << d.to_string() << '\n';
      return false;
    }
    const auto rendered = engine.render(*doc.value, vanban::OutputFormats{});
    if (!rendered.ok()) {
      for (const vanban::Diagnostic& d : rendered.errors) std::cerr << d.to_string() << '\n';
      return false;
    }
    pdf_bytes = rendered.value->find("pdf")->bytes.size();
    html_bytes = rendered.value->find("html")->bytes.size();
    if (i == 1) pdf_pages = static_cast<std::size_t>(rendered.value->find("pdf")->pages);
    if (i == 1000) rss_at_1000 = resident_mib();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::printf("document      %s (%zu %s, PDF %zu bytes, HTML %zu bytes)\n", path.c_str(), pdf_pages,
              pdf_pages == 1 ? "page" : "pages", pdf_bytes, html_bytes);
  std::printf("rendered      %ld in %.2f s, one thread\n", count, seconds);
  const double read_seconds = std::chrono::duration<double>(reading).count();
  std::printf("throughput    %.1f documents/s (%.2f ms each: %.2f read+resolve, %.2f layout+PDF+HTML)\n",
              static_cast<double>(count) / seconds, 1000.0 * seconds / static_cast<double>(count),
              1000.0 * read_seconds / static_cast<double>(count),
              1000.0 * (seconds - read_seconds) / static_cast<double>(count));
  if (count >= 1000) std::printf("RSS at 1000   %.1f MiB\n", rss_at_1000);
  std::printf("RSS at %-6ld %.1f MiB\n", count, resident_mib());
  std::printf("peak RSS      %.1f MiB\n", peak_mib());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string samples = std::string(VANBAN_SOURCE_DIR) + "/content/documents/";
  const std::vector<std::string> paths =
      argc > 1 ? std::vector<std::string>{argv[1]}
               : std::vector<std::string>{samples + "chi-thi-dang.xml", samples + "cong-van-nha-nuoc.xml"};
  const long count = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 10000;
  if (count <= 0) {
    std::cerr << "usage: vanban_bench [FILE.xml [COUNT>0]]\n";
    return 2;
  }

  vanban::EngineSettings settings{VANBAN_SOURCE_DIR, std::string(VANBAN_SOURCE_DIR) + "/fonts", std::nullopt};
  const vanban::Result<vanban::Engine> engine = vanban::Engine::load(settings);
  for (const vanban::Diagnostic& d : engine.errors) std::cerr << d.to_string() << '\n';
  if (!engine.ok()) return 2;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (i > 0) std::printf("\n");
    if (!bench(*engine.value, paths[i], count)) return 1;
  }
  return 0;
}
