// A month of meeting data as CSV, in every encoding csv.cpp decodes (UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM, TCVN3, VNI). The first byte picks which of the four files the rest
// replaces; the other three are the sample month's, so the fuzzed rows meet real ones in the
// checks. read_meetings_csv reads a folder named after the month: one per process, in /tmp.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "input/meeting_csv_reader.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 4> kFiles{"branches.csv", "cadres.csv", "assignments.csv",
                                            "meetings.csv"};
std::array<std::string, 4> samples;
fs::path root;   // removed at exit
fs::path month;  // root/2026-10

void write(const fs::path& path, const char* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
  if (!out) {
    std::fprintf(stderr, "fuzz_meetings_csv: cannot write %s\n", path.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string tmp = (fs::temp_directory_path() / "vanban-fuzz-csv-XXXXXX").string();
  if (!mkdtemp(tmp.data())) std::abort();
  root = tmp;
  month = root / "2026-10";
  fs::create_directory(month);
  std::atexit([] { std::error_code ignored; fs::remove_all(root, ignored); });
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    samples[i] = vanban::fuzz::read_file(vanban::fuzz::source_dir() + "/content/2026-10/" + kFiles[i]);
    write(month / kFiles[i], samples[i].data(), samples[i].size());
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::size_t file = data[0] % kFiles.size();
  write(month / kFiles[file], reinterpret_cast<const char*>(data + 1), size - 1);
  vanban::read_meetings_csv(month.string());
  write(month / kFiles[file], samples[file].data(), samples[file].size());
  return 0;
}
