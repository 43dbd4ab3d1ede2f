// Reads one month's guidance (content/<YYYY-MM>/guidance.xml, schema
// templates/schema/guidance.rng) into model/guidance.h: parsed safely, validated, every string
// made NFC. Beyond the schema it checks that the month and the issue date exist, that each
// audience names known organisations listed under <organisations> (a message names the allowed
// ids), and that days fall in the month. Errors are FILE:LINE:COL.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/guidance.h"

namespace vanban {

Result<Guidance> read_guidance(const std::string& path, const std::string& schema_path);
// Same, from bytes already in memory; `name` is used in messages and as source_file.
Result<Guidance> read_guidance_bytes(std::string_view bytes, const std::string& name,
                                     const std::string& schema_path);

}  // namespace vanban
