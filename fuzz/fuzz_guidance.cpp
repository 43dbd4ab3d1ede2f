// The month's guidance (guidance.rng) and the checks beyond the schema.
#include "input/guidance_reader.h"
#include "support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string schema = vanban::fuzz::source_dir() + "/templates/schema/guidance.rng";
  vanban::read_guidance_bytes({reinterpret_cast<const char*>(data), size}, "guidance.xml", schema);
  return 0;
}
