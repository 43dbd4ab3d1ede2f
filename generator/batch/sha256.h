// SHA-256 (OpenSSL libcrypto) of bytes, as lower-case hex: the content hash that decides whether
// a document must be rendered again.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace vanban {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  Sha256& update(std::string_view bytes);
  // The digest of everything given so far (64 hex digits); the hasher is spent afterwards.
  std::string hex_digest();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace vanban
