// A month of meeting data as XML (meetings.rng), then the record checks.
#include "input/meeting_xml_reader.h"
#include "support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string schema = vanban::fuzz::source_dir() + "/templates/schema/meetings.rng";
  vanban::read_meetings_xml_bytes({reinterpret_cast<const char*>(data), size}, "2026-10.xml", schema);
  return 0;
}
