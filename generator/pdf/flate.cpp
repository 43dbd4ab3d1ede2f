#include "pdf/flate.h"

#include <zlib.h>

#include <stdexcept>

namespace vanban {

namespace {

// One deflate state per thread, reset between streams: deflateInit allocates about 270 KB,
// which costs more than compressing a small stream.
class Deflater {
 public:
  Deflater() {
    if (deflateInit(&z_, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::runtime_error("zlib: init");
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  std::string run(std::string_view data, int level) {
    if (deflateReset(&z_) != Z_OK || deflateParams(&z_, level, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("zlib: reset");
    }
    std::string out(deflateBound(&z_, static_cast<uLong>(data.size())), '\0');
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    z_.next_out = reinterpret_cast<Bytef*>(out.data());
    z_.avail_out = static_cast<uInt>(out.size());
    if (::deflate(&z_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib: deflate");
    out.resize(z_.total_out);
    return out;
  }

 private:
  z_stream z_{};
};

}  // namespace

std::string flate_compress(std::string_view data, int level) {
  thread_local Deflater deflater;
  return deflater.run(data, level);
}

}  // namespace vanban
