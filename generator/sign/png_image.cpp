#include "sign/png_image.h"

#include <png.h>

#include <cstring>

namespace vanban {

namespace {

std::uint32_t big_endian32(const std::string& s, std::size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + at);
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// The pHYs chunk (PNG 11.3.5.3) in DPI, when its unit is the metre and x and y agree. libpng's
// simplified reader does not report it, so the chunks are walked here (lengths are checked).
std::optional<double> png_dpi(const std::string& bytes) {
  for (std::size_t at = 8; at + 12 <= bytes.size();) {
    const std::uint32_t length = big_endian32(bytes, at);
    if (length > bytes.size() - at - 12) break;
    const std::string type = bytes.substr(at + 4, 4);
    if (type == "pHYs" && length == 9) {
      const std::uint32_t x = big_endian32(bytes, at + 8), y = big_endian32(bytes, at + 12);
      if (bytes[at + 16] == 1 && x == y && x > 0) return x * 0.0254;
      break;
    }
    if (type == "IDAT") break;  // pHYs comes before the image data
    at += 12 + length;
  }
  return std::nullopt;
}

}  // namespace

Result<PngImage> decode_png(const std::string& bytes, const std::string& source) {
  static const unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSignature, 8) != 0) {
    return Result<PngImage>::failure({source, 0, 0, "not a PNG image"});
  }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    return Result<PngImage>::failure({source, 0, 0, std::string("bad PNG image: ") + image.message});
  }
  image.format = PNG_FORMAT_RGBA;
  std::string rgba(PNG_IMAGE_SIZE(image), '\0');
  if (!png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr)) {
    const std::string why = image.message;
    png_image_free(&image);
    return Result<PngImage>::failure({source, 0, 0, "bad PNG image: " + why});
  }
  PngImage out;
  out.width = image.width;
  out.height = image.height;
  const std::size_t pixels = std::size_t{image.width} * image.height;
  out.rgb.resize(pixels * 3);
  out.alpha.resize(pixels);
  for (std::size_t i = 0; i < pixels; ++i) {
    std::memcpy(&out.rgb[i * 3], &rgba[i * 4], 3);
    out.alpha[i] = rgba[i * 4 + 3];
  }
  out.dpi = png_dpi(bytes);
  Result<PngImage> result;
  result.value = std::move(out);
  return result;
}

}  // namespace vanban
