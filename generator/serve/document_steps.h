// What happens to a saved draft after writing, each step as the command line does it and each
// refusing with a reason the page shows: Issue (the number and date from the office's register,
// written into the draft; OUT/issued/NAME.pdf and .html; recorded in the register as `vanban
// issue` records), Sign (the PDF signed with the key of the settings and the password typed for
// this one signing; the signed file's SHA-256 and the signing recorded), Publish (only once
// issued and signed: the issued markup into CONTENT/documents/, that folder built as `vanban
// build` builds it, the board's site written again, linking the signed PDF of OUT/issued/, and
// the publication recorded).
#pragma once

#include <optional>
#include <string>

#include "model/diagnostic.h"
#include "register/register_entry.h"
#include "serve/serve_context.h"

namespace vanban::serve {

struct StepResult {
  int status = 200;     // the HTTP status: 200, or 404/409/422 with `message`
  std::string message;  // what was done, or why not (Vietnamese, for the page)
  Diagnostics problems; // the rules the document breaks, FILE:LINE:COL
  std::string number;   // "Số 12-CV/TU" as printed, after Issue
  std::string version;  // the draft's new version, after Issue
};

// `version` is the one the page edited: a draft changed since is not issued.
StepResult issue_draft(ServeContext& context, const std::string& name, const std::string& version);
StepResult sign_issued(ServeContext& context, const std::string& name, const std::string& password,
                       const std::string& seal_password);
StepResult publish_issued(ServeContext& context, const std::string& name);

// The saved draft's entry in the office's register (its number, files and every step recorded),
// or nullopt: no register in the settings or none made yet, no such draft, or not issued.
std::optional<RegisterEntry> draft_register_entry(ServeContext& context, const std::string& name);

}  // namespace vanban::serve
