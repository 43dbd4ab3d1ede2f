// Where the outputs of one input go: DIR/NAME.pdf and DIR/NAME.html, NAME being the input's file
// name without ".xml". A NAME that could leave DIR, hide in it or clash with the temporary files
// of atomic_file.h is refused rather than rewritten, so the user sees which input was skipped.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

Result<std::string> output_base_name(const std::string& input_path);

// A name output_base_name gives back unchanged: one plain file name that stays in its folder, as
// a record of what vanban wrote (output/record_file.h) must hold before anything is deleted.
bool is_plain_output_name(std::string_view name);

// Hands out output names, refusing a name already given to another input of the same run: the
// second input would silently overwrite the first one's files.
class OutputNames {
 public:
  Result<std::string> claim(const std::string& input_path);

 private:
  std::map<std::string, std::string> owners_;  // name -> input that claimed it
};

}  // namespace vanban
