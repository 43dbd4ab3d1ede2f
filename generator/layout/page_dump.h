// A plain-text trace of laid-out pages (as SILE's debug outputter): one line per text run and
// path, for golden tests and for `vanban render --format pages` when a layout looks wrong.
#pragma once

#include <string>

#include "model/page.h"

namespace vanban {

std::string dump_pages(const Pages& pages);

}  // namespace vanban
