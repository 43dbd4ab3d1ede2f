// Signs a PDF that vanban wrote, as an incremental update (PoDoFo 0.9.8): a new signature field,
// or the empty one prepared for signing (<external-signing>), whose widget shows the appearance
// NĐ 30/2020 Phụ lục I prescribes, and a PAdES B-B signature (sign/cades.h) over the whole file.
// What came before is never rewritten, so earlier signatures stay valid and the PDF/A-2b
// conformance of the original holds (the update sets Info's /ModDate and the XMP's
// xmp:ModifyDate to the signing time, together).
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "font/font_set.h"
#include "model/diagnostic.h"
#include "sign/png_image.h"
#include "sign/signing_key.h"

namespace vanban {

enum class SignatureRole {
  Signer,      // the person with authority: the handwritten signature in box 7c
  Seal,        // the organisation, after the person: the seal over the left third of it
  Attachment,  // the organisation on an attachment file: number, symbol and time, top right
};

struct SignatureRequest {
  SignatureRole role = SignatureRole::Signer;
  std::optional<PngImage> image;  // Signer: the signature; Seal: the seal (none: invisible)
  double seal_diameter_mm = 0;    // Seal: the seal's real size; 0: from the image's DPI
  std::string attachment_text;    // Attachment: the main document's number and symbol
  const FontSet* fonts = nullptr;  // Attachment: the serif face of the text
  std::time_t now = 0;             // the signing time
  std::string tsa_url;             // non-empty: an RFC 3161 time-stamp from there (PAdES B-T)
  // Signer: the empty signature field to sign in (prepared with <external-signing>); empty:
  // the PDF's first empty signature field, or a new field over the signature box if it has none.
  std::string field;
};

// Field names of the two signatures, so that the seal finds the person's image.
inline constexpr const char* kSignerFieldName = "vanban-signer";
inline constexpr const char* kSealFieldName = "vanban-seal";
inline constexpr const char* kAttachmentFieldName = "vanban-attachment";

// The signed file's bytes: `pdf` followed by the update. Refuses a PDF vanban did not write
// (Producer), an encrypted one, a second person's signature, a seal without the person's
// signature first, a named field the PDF does not have empty, and a signature that does not fit
// the reserved space; nothing is changed then.
Result<std::string> sign_pdf(const std::string& pdf, const SigningKey& key,
                             const SignatureRequest& request);

// "2026-12-02T10:44:23+07:00": `t` in Vietnam time (UTC+7, no daylight saving), ISO 8601.
std::string vietnam_time_iso8601(std::time_t t);

}  // namespace vanban
