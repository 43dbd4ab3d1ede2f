// The login password of vanban serve, kept in the settings only as a PBKDF2-HMAC-SHA256 hash
// with a random salt: "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64), as `vanban serve
// hash-password` prints it.
#pragma once

#include <string>

namespace vanban::serve {

constexpr int kPasswordIterations = 600000;  // OWASP's figure for PBKDF2-HMAC-SHA256 (2023)

std::string hash_password(const std::string& password, int iterations = kPasswordIterations);
// False for a wrong password and for a hash that is not in the format above. Compares in
// constant time.
bool verify_password(const std::string& password, const std::string& encoded);

// `bytes` random bytes from OpenSSL's generator, hex-encoded (session ids, CSRF tokens).
std::string random_token(int bytes = 32);

}  // namespace vanban::serve
