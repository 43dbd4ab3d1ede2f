// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1, SubFilter
// ETSI.CAdES.detached): detached, SHA-256, one SignerInfo carrying signing-certificate-v2 and the
// message digest, and no signingTime (the time is the signature dictionary's /M instead).
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "sign/signing_key.h"

namespace vanban {

// DER bytes of the ContentInfo over `data` (the PDF's byte ranges), or why it failed.
Result<std::string> cades_detached_signature(const SigningKey& key, std::string_view data);

}  // namespace vanban
