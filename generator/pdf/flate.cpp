#include "pdf/flate.h"

#include <libdeflate.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace vanban {

namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
using Compressor = std::unique_ptr<libdeflate_compressor, FreeCompressor>;

// Levels 10-12 use the near-optimal parser, whose compressor takes about 9 MB: kept by each
// thread it was most of a worker's memory, for a stream compressed once per process (the ICC
// profile). Those are allocated for the call.
constexpr int kLargestKeptLevel = 9;

Compressor allocate(int level) {
  Compressor c(libdeflate_alloc_compressor(level));
  if (!c) throw std::runtime_error("libdeflate: out of memory");
  return c;
}

// One compressor per level and thread, kept for the thread's life: allocating one costs more
// than compressing a small stream.
libdeflate_compressor& kept_compressor(int level) {
  thread_local std::array<Compressor, kLargestKeptLevel + 1> by_level;
  Compressor& c = by_level[static_cast<std::size_t>(level)];
  if (!c) c = allocate(level);
  return *c;
}

}  // namespace

std::string flate_compress(std::string_view data, int level) {
  if (level < 0 || level > kMaxFlateLevel) throw std::invalid_argument("flate: level out of range");
  Compressor one_off = level > kLargestKeptLevel ? allocate(level) : nullptr;
  libdeflate_compressor& c = one_off ? *one_off : kept_compressor(level);
  std::string out(libdeflate_zlib_compress_bound(&c, data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(&c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: output larger than its bound");
  out.resize(n);
  return out;
}

}  // namespace vanban
