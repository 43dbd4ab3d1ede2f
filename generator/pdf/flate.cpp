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

// One compressor per level and thread, kept for the thread's life: allocating one costs more
// than compressing a small stream.
libdeflate_compressor& compressor(int level) {
  thread_local std::array<Compressor, kMaxFlateLevel + 1> by_level;
  if (level < 0 || level > kMaxFlateLevel) throw std::invalid_argument("flate: level out of range");
  Compressor& c = by_level[static_cast<std::size_t>(level)];
  if (!c) {
    c.reset(libdeflate_alloc_compressor(level));
    if (!c) throw std::runtime_error("libdeflate: out of memory");
  }
  return *c;
}

}  // namespace

std::string flate_compress(std::string_view data, int level) {
  libdeflate_compressor& c = compressor(level);
  std::string out(libdeflate_zlib_compress_bound(&c, data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(&c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) throw std::runtime_error("libdeflate: output larger than its bound");
  out.resize(n);
  return out;
}

}  // namespace vanban
