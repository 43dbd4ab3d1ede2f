// The month settings (month.rng) and the checks beyond the schema.
#include "input/month_settings_reader.h"
#include "support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string schema = vanban::fuzz::source_dir() + "/templates/schema/month.rng";
  vanban::read_month_settings_bytes({reinterpret_cast<const char*>(data), size}, "month.xml", schema);
  return 0;
}
