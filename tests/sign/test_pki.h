// Keys and certificates made in memory for the signing tests.
#pragma once

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <string>

#include "sign/openssl_handles.h"

namespace vanban::test {

inline KeyHandle make_key() { return KeyHandle(EVP_RSA_gen(2048)); }

// A self-signed certificate for `key`, valid from now + from_days to now + to_days.
inline X509Handle make_certificate(EVP_PKEY* key, const char* common_name, long from_days, long to_days) {
  X509Handle cert(X509_new());
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), from_days * 86400);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), to_days * 86400);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509_set_pubkey(cert.get(), key);
  X509_sign(cert.get(), key, EVP_sha256());
  return cert;
}

// The DER bytes of a .p12 holding `key` and, when given, `cert`.
inline std::string make_p12(EVP_PKEY* key, X509* cert, const char* password) {
  Pkcs12Handle p12(PKCS12_create(password, "test", key, cert, nullptr, 0, 0, 0, 0, 0));
  unsigned char* der = nullptr;
  const int length = i2d_PKCS12(p12.get(), &der);
  std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return bytes;
}

}  // namespace vanban::test
