#include "serve/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <charconv>
#include <stdexcept>
#include <vector>

namespace vanban::serve {

namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;

std::string base64(const unsigned char* data, int n) {
  std::string out(4 * ((n + 2) / 3), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, n);
  out.resize(written);
  return out;
}

std::vector<unsigned char> unbase64(const std::string& text) {
  if (text.empty() || text.size() % 4 != 0) return {};
  std::vector<unsigned char> out(3 * text.size() / 4);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) return {};
  std::size_t padding = 0;
  for (std::size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) ++padding;
  out.resize(n - padding);
  return out;
}

std::vector<unsigned char> derive(const std::string& password, const std::vector<unsigned char>& salt, int iterations,
                                  std::size_t length) {
  std::vector<unsigned char> out(length);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(), static_cast<int>(salt.size()),
                        iterations, EVP_sha256(), static_cast<int>(length), out.data()) != 1)
    throw std::runtime_error("PBKDF2 failed");
  return out;
}

std::vector<unsigned char> random_bytes(int n) {
  std::vector<unsigned char> out(n);
  if (RAND_bytes(out.data(), n) != 1) throw std::runtime_error("no random bytes from OpenSSL");
  return out;
}

}  // namespace

std::string hash_password(const std::string& password, int iterations) {
  const std::vector<unsigned char> salt = random_bytes(kSaltBytes);
  const std::vector<unsigned char> hash = derive(password, salt, iterations, kHashBytes);
  return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + base64(salt.data(), kSaltBytes) + "$" +
         base64(hash.data(), kHashBytes);
}

bool verify_password(const std::string& password, const std::string& encoded) {
  const std::string prefix = "pbkdf2-sha256$";
  if (encoded.rfind(prefix, 0) != 0) return false;
  const std::size_t a = prefix.size(), b = encoded.find('$', a), c = encoded.find('$', b == std::string::npos ? b : b + 1);
  if (b == std::string::npos || c == std::string::npos) return false;
  int iterations = 0;
  const auto [end, ec] = std::from_chars(encoded.data() + a, encoded.data() + b, iterations);
  if (ec != std::errc() || end != encoded.data() + b || iterations < 1) return false;
  const std::vector<unsigned char> salt = unbase64(encoded.substr(b + 1, c - b - 1));
  const std::vector<unsigned char> expected = unbase64(encoded.substr(c + 1));
  if (salt.empty() || expected.empty()) return false;
  const std::vector<unsigned char> actual = derive(password, salt, iterations, expected.size());
  return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0;
}

std::string random_token(int bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : random_bytes(bytes)) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

}  // namespace vanban::serve
