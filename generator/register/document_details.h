// The register form's columns of one document, taken from its markup as written.
#pragma once

#include "model/document.h"
#include "profile/profile.h"
#include "register/register_entry.h"

namespace vanban {

// Type name ("Công văn" for a type printed without one), subject, signer, recipients ("Kính
// gửi" addressees then "Nơi nhận" names, "; " between them), archive holders, and copies: one
// per addressee, per recipient and per archive holder ("Lưu: VT, VX" is two). `doc.type` must
// be one of the profile's types (resolve has checked it).
DocumentDetails document_details(const Document& doc, const Profile& profile);

}  // namespace vanban
