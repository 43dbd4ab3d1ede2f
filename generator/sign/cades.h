// The CMS SignedData of a PAdES baseline B-B signature (ETSI EN 319 142-1, SubFilter
// ETSI.CAdES.detached): detached, SHA-256, one SignerInfo carrying signing-certificate-v2 and the
// message digest, and no signingTime (the time is the signature dictionary's /M instead).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "sign/signing_key.h"

namespace vanban {

// Gives the DER TimeStampToken for a signature value (sign/timestamp.h), for baseline B-T.
using TimestampSource = std::function<Result<std::string>(std::string_view signature_value)>;

// DER bytes of the ContentInfo over `data` (the PDF's byte ranges), or why it failed. With a
// `timestamp` source, the token it returns is added as the unsigned signature-time-stamp
// attribute (B-T); without, the signature is B-B.
Result<std::string> cades_detached_signature(const SigningKey& key, std::string_view data,
                                             const TimestampSource& timestamp = {});

}  // namespace vanban
