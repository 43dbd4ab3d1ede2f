// One output folder's worth of work: the documents to render there, by name with their markup or
// how to generate it, and what was refused on the way (bad records, documents that could not be
// generated).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

struct BuildItem {
  std::string name;    // output base name: DIR/NAME.pdf, DIR/NAME.html
  // For messages: the input file, or where a generated document belongs; empty for a generated
  // item whose place FolderJob::generated_dir gives (FolderJob::source_of).
  std::string source;
  std::string markup;  // document markup (UTF-8 XML), unless it is generated:
  bool booklet = false;  // also DIR/NAME-a5.pdf, the A5 booklet (the discussion guides)
  bool in_series = false;  // numbered through the job's register, when it has one
  std::optional<std::size_t> generated = std::nullopt;  // what FolderJob::generate makes it from
};

struct FolderJob {
  std::string label;       // "2026-10", "documents"
  std::string input;       // what was read: "content/2026-10/meetings.xml"
  std::string output_dir;  // "out/2026-10"
  // The documents, in order: `count` of them, item(i) made when it is needed (a month of a
  // million documents never lists them all), or why it cannot be (what it is read from cannot
  // be read). Called from the rendering threads at once; the same item every time.
  std::size_t count = 0;
  std::function<Result<BuildItem>(std::size_t)> item;
  // Where the generated items without a source of their own belong: their messages name
  // GENERATED_DIR/NAME.xml, made when one is needed (a month of a million documents need not
  // hold that path for each).
  std::string generated_dir;
  // The markup of a generated item, made when it is needed (to hash, then to render) and dropped
  // after: a month of a million documents never holds all its markup. Called from the rendering
  // threads at once; the same bytes every time.
  std::function<Result<std::string>(std::size_t)> generate;
  // The office's register (register/register.h) that numbers the items in series; empty: none.
  std::string register_file;
  Diagnostics rejected;    // records and documents refused before rendering
  Diagnostics warnings;
  // False when the input could not be read at all: the folder's old outputs are then kept.
  bool input_complete = true;

  std::string source_of(const BuildItem& item) const {
    return item.source.empty() && item.generated ? generated_dir + "/" + item.name + ".xml" : item.source;
  }

  Result<std::string> markup_of(const BuildItem& item) const {
    if (!item.generated) return {item.markup, {}};
    return generate(*item.generated);
  }
};

// Makes `items` the job's documents: those of a small job, read from files (documents/).
inline void list_items(FolderJob& job, std::vector<BuildItem> items) {
  auto listed = std::make_shared<const std::vector<BuildItem>>(std::move(items));
  job.count = listed->size();
  job.item = [listed](std::size_t i) { return Result<BuildItem>{(*listed)[i], {}}; };
}

}  // namespace vanban
