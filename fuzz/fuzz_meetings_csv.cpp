// A month of meeting data as CSV, in every encoding csv.cpp decodes (UTF-8 with or without BOM,
// UTF-16 LE/BE with BOM, TCVN3, VNI). The first byte picks which of the four files the rest
// replaces; the other three are the sample month's, so the fuzzed rows meet real ones in the
// checks. read_meetings_csv reads a folder named after the month: one per process, in /tmp.
// Oracle besides the sanitizers: the fuzzed file read from disk in pieces of 1-16 bytes gives
// exactly what its bytes give parsed whole (header, rows, messages), whatever is cut in two.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "input/csv.h"
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

// Everything a reading of CSV gives, as one text to compare.
template <class Read>
std::string transcript(const Read& read) {
  std::string out;
  const auto header = [&](const vanban::CsvHeader& h) {
    out += "header " + std::string(1, h.delimiter) + " " + std::to_string(h.rows_at_most);
    for (const std::string& c : h.cells) out += "|" + c;
    out += "\n";
    return true;
  };
  const auto row = [&](vanban::CsvRow& r) {
    out += std::to_string(r.number);
    for (const std::string& c : r.cells) out += "|" + c;
    out += "\n";
  };
  vanban::Diagnostics errors;
  out += read(errors, header, row) ? "ok\n" : "refused\n";
  for (const vanban::Diagnostic& d : errors) out += d.to_string() + "\n";
  return out;
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
  const fs::path path = month / kFiles[file];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  write(path, bytes.data(), bytes.size());
  vanban::read_meetings_csv(month.string());
  const std::size_t chunk = 1 + data[0] / kFiles.size() % 16;
  const std::string whole = transcript([&](vanban::Diagnostics& e, const auto& h, const auto& r) {
    return vanban::for_each_csv_row(bytes, path.string(), e, h, r);
  });
  const std::string pieces = transcript([&](vanban::Diagnostics& e, const auto& h, const auto& r) {
    return vanban::read_csv_rows(path.string(), e, h, r, chunk);
  });
  if (pieces != whole) {
    std::fprintf(stderr, "fuzz_meetings_csv: read in pieces of %zu bytes:\n%s\nread whole:\n%s\n", chunk,
                 pieces.c_str(), whole.c_str());
    std::abort();
  }
  write(path, samples[file].data(), samples[file].size());
  return 0;
}
