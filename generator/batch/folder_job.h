// One output folder's worth of work: the documents to render there, as (name, markup) pairs, and
// what was refused on the way (bad records, documents that could not be generated).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace vanban {

struct BuildItem {
  std::string name;    // output base name: DIR/NAME.pdf, DIR/NAME.html
  std::string source;  // for messages: the input file, or where a generated document belongs
  std::string markup;  // document markup (UTF-8 XML)
  bool booklet = false;  // also DIR/NAME-a5.pdf, the A5 booklet (the discussion guides)
  bool in_series = false;  // numbered through the job's register, when it has one
};

struct FolderJob {
  std::string label;       // "2026-10", "documents"
  std::string input;       // what was read: "content/2026-10/meetings.xml"
  std::string output_dir;  // "out/2026-10"
  std::vector<BuildItem> items;
  // The office's register (register/register.h) that numbers the items in series; empty: none.
  std::string register_file;
  Diagnostics rejected;    // records and documents refused before rendering
  Diagnostics warnings;
  // False when the input could not be read at all: the folder's old outputs are then kept.
  bool input_complete = true;
};

}  // namespace vanban
