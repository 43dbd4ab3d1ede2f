// zlib-format (RFC 1950) compression for /FlateDecode streams, by libdeflate: whole buffers at
// once, several times faster than zlib at a better ratio. Streams are written raw so that PoDoFo
// does not compress them again.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// libdeflate's levels: 0 (stored) to 12 (smallest, slowest); 6 is its default.
constexpr int kMaxFlateLevel = 12;

// Throws std::invalid_argument for a level outside 0..kMaxFlateLevel, std::runtime_error when out
// of memory.
std::string flate_compress(std::string_view data, int level);

}  // namespace vanban
