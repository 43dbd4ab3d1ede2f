// Applies a profile to a document: pure, no I/O.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "model/diagnostic.h"
#include "model/document.h"
#include "profile/profile.h"
#include "profile/resolved_document.h"

namespace vanban {

// Fails (with a message naming the file) when the profile has no entry for the document type.
// `timestamp` (seconds since the epoch) becomes the PDF CreationDate: SOURCE_DATE_EPOCH when
// set, else the document's own date at 00:00 UTC. `keep_together` is the shared list of
// phrases no line may split (templates/phrases/keep-together.txt). A parent line that repeats
// the profile's title (docs/markup.md, "<issuer>") is left out with a warning.
Result<ResolvedDocument> resolve(const Document& doc, const Profile& profile, long long timestamp,
                                 std::span<const std::string> keep_together = {});

// The phrases every document of `profile` keeps together: `keep_together` and the profile's
// title lines. Built once per profile and run, and shared by the documents (text/keep_together.h).
std::shared_ptr<const text::KeepTogether> shared_phrases(const Profile& profile,
                                                         std::span<const std::string> keep_together);

// As above, with the shared phrases built beforehand by shared_phrases(profile, ...).
Result<ResolvedDocument> resolve(const Document& doc, const Profile& profile, long long timestamp,
                                 std::shared_ptr<const text::KeepTogether> shared);

}  // namespace vanban
