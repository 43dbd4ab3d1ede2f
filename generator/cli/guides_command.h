// `vanban guides GUIDANCE.xml... [-o DIR]`: every organisation's discussion guide of each
// month's guidance, as DIR/NAME.pdf (A4), DIR/NAME-a5.pdf (A5 booklet imposed on A4 landscape
// sheets) and DIR/NAME.html. Parses its own arguments, so that it stays apart from the other
// commands' options.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

// `args` are the arguments after "guides". Exit status as render: 0 every guide written, 1 some
// guidance file or guide rejected, 2 bad usage or fonts/profiles that cannot be loaded.
int run_guides(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban::cli
