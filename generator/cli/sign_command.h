// `vanban sign FILE.pdf --key KEY.p12 ...`: signs a PDF vanban wrote (generator/sign), as the
// person with authority, as the organisation (--seal), or an attachment file (--attachment).
// Parses its own arguments, as `guides` does.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace vanban::cli {

// `args` are the arguments after "sign". Exit status: 0 signed, 1 refused (bad key, password,
// certificate, image or PDF: nothing is written), 2 bad usage.
int run_sign(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace vanban::cli
