#include "profile/resolved_document.h"

namespace vanban {

std::vector<ContentsEntry> contents_entries(const std::vector<Block>& body) {
  std::vector<ContentsEntry> entries;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Block& b = body[i];
    if (b.kind != Block::Kind::Heading || b.level != 1) continue;
    std::string text;
    for (const TextRun& r : b.inlines) text += r.text;
    entries.push_back({std::move(text), i});
  }
  return entries;
}

}  // namespace vanban
