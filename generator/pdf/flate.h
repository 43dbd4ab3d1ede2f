// zlib (RFC 1950) compression for /FlateDecode streams, written raw so that PoDoFo does not
// compress them again at its default level.
#pragma once

#include <string>
#include <string_view>

namespace vanban {

// Throws std::runtime_error if zlib fails (out of memory).
std::string flate_compress(std::string_view data, int level);

}  // namespace vanban
