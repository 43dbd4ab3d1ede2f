// A signature or seal image: a PNG decoded with libpng into 8-bit RGB and a separate alpha
// plane, which the PDF draws as an image XObject with an SMask (allowed by PDF/A-2).
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"

namespace vanban {

struct PngImage {
  unsigned width = 0, height = 0;
  std::string rgb;    // width * height * 3 bytes, rows top to bottom
  std::string alpha;  // width * height bytes
  std::optional<double> dpi;  // from the pHYs chunk, when it gives pixels per metre
};

// Refuses anything that does not start with the PNG signature; `source` names it in messages.
Result<PngImage> decode_png(const std::string& bytes, const std::string& source);

}  // namespace vanban
