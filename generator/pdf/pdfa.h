// What PDF/A-2b adds to every PDF vanban writes (ISO 19005-2): the XMP metadata packet, in step
// with the Info dictionary, and the sRGB ICC profile of the OutputIntent that gives the
// device-RGB colours of the pages (and a signature image's transparency) a meaning.
#pragma once

#include <string>

#include "model/page.h"

namespace vanban {

// Where Debian's icc-profiles-free installs the sRGB profile (ICC v2, as PDF/A-2 accepts).
inline constexpr const char* kSrgbIccPath = "/usr/share/color/icc/sRGB.icc";

// The XMP packet: pdfaid part 2 conformance B, dc:title/creator/description, pdf:Keywords and
// Producer, xmp:CreatorTool and the dates, all from `info` (never the clock), so the same
// document gives the same bytes. Written uncompressed, as readers of metadata expect.
std::string xmp_packet(const DocumentInfo& info);

// An XMP/ISO 8601 date in UTC, "2026-03-12T00:00:00Z", for a timestamp in years 0000-9999.
std::string xmp_date(long long timestamp);

struct IccProfile {
  std::string compressed;  // Flate-compressed profile, the OutputIntent's DestOutputProfile
  std::string error;       // non-empty: why the profile could not be read
};

// The sRGB profile read from kSrgbIccPath once per process (thread-safe).
const IccProfile& srgb_icc_profile();

}  // namespace vanban
