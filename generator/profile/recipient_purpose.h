// A purpose shared by one recipient only needs no brace: "- Ban Dân vận Trung ương (để báo
// cáo)," says it on the entry's own line, in the writers' common form.
#pragma once

#include <string>
#include <vector>

#include "profile/profile.h"
#include "profile/resolved_document.h"

namespace vanban {

// "Báo cáo" -> "(để báo cáo)"; "để biết" -> "(để biết)"; "(để thực hiện)" is kept.
std::string purpose_in_parentheses(const std::string& purpose);

// Moves the purpose of every one-line group into its line, before the line's end mark
// (`setup.item_end` or `setup.last_end`), and clears it, so no brace is drawn.
void inline_single_purposes(std::vector<ResolvedRecipient>& recipients, const RecipientSetup& setup);

}  // namespace vanban
