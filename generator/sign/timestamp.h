// RFC 3161 time-stamps for PAdES baseline B-T: the signature value is sent, hashed with SHA-256,
// to a time-stamp authority over HTTP or HTTPS, and its token becomes the SignerInfo's unsigned
// signature-time-stamp attribute (sign/cades.h).
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

// The DER TimeStampToken for `signature_value` from the TSA at `url` (http:// or https://, the
// server verified against the system's trust store), after
// checking that the reply grants it, with our nonce and digest. Its signature and the TSA's
// certificate are for the validator to judge.
Result<std::string> request_timestamp(const std::string& url, std::string_view signature_value);

}  // namespace vanban
