// Reads one document in the markup of docs/markup.md into the tree.
// The file is parsed safely (no network, no entities, any DTD refused), validated against
// templates/schema/document.rng, and every string is made NFC.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/document.h"

namespace vanban {

struct ReadOptions {
  std::string schema_path;  // templates/schema/document.rng
  // Whether the fonts can draw a code point; text that cannot be drawn is an error naming the
  // character and its place. Unset = no check.
  std::function<bool(char32_t)> can_draw;
  std::string font_name;  // for that message
};

Result<Document> read_document(const std::string& path, const ReadOptions& options);
// Same, from bytes already in memory; `name` is used in messages and as source_file.
Result<Document> read_document_bytes(std::string_view bytes, const std::string& name,
                                     const ReadOptions& options);

}  // namespace vanban
