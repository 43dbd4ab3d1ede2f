// Applies a profile to a document: pure, no I/O.
#pragma once

#include <memory>
#include <string>

#include "model/diagnostic.h"
#include "model/document.h"
#include "profile/profile.h"
#include "profile/resolved_document.h"
#include "text/keep_together.h"

namespace vanban {

// Fails (with a message naming the file) when the profile has no entry for the document type.
// `timestamp` (seconds since the epoch) becomes the PDF CreationDate: SOURCE_DATE_EPOCH when
// set, else the document's own date at 00:00 UTC. `shared_phrases` are the phrases no line may
// split that the profile shares (profile/profile_phrases.h); null: its title lines only. A parent
// line that repeats the profile's title (docs/markup.md, "<issuer>") is left out with a warning.
Result<ResolvedDocument> resolve(const Document& doc, const Profile& profile, long long timestamp,
                                 std::shared_ptr<const text::KeepTogether> shared_phrases = nullptr);

}  // namespace vanban
