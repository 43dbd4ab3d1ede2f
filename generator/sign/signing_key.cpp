#include "sign/signing_key.h"

#include <openssl/err.h>

namespace vanban {

std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  ERR_clear_error();
  if (code == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(code, buf, sizeof buf);
  return buf;
}

std::string SigningKey::common_name() const {
  char buf[256] = "";
  X509_NAME_get_text_by_NID(X509_get_subject_name(certificate.get()), NID_commonName, buf, sizeof buf);
  return buf;
}

Result<SigningKey> load_signing_key(const std::string& der, const std::string& password,
                                    std::time_t now, const std::string& source) {
  auto fail = [&](const std::string& why) {
    ERR_clear_error();
    return Result<SigningKey>::failure({source, 0, 0, why});
  };
  BioHandle in(BIO_new_mem_buf(der.data(), static_cast<int>(der.size())));
  Pkcs12Handle p12(d2i_PKCS12_bio(in.get(), nullptr));
  if (!p12) return fail("not a PKCS#12 (.p12) file");
  if (!PKCS12_verify_mac(p12.get(), password.c_str(), static_cast<int>(password.size()))) {
    return fail("wrong password");
  }
  EVP_PKEY* key = nullptr;
  X509* certificate = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, &chain)) {
    return fail("cannot read the key: " + openssl_error());
  }
  SigningKey k{KeyHandle(key), X509Handle(certificate), X509StackHandle(chain)};
  if (!k.key) return fail("the file holds no private key");
  if (!k.certificate) return fail("the file holds a key without its certificate");
  if (!X509_check_private_key(k.certificate.get(), k.key.get())) {
    return fail("the certificate does not belong to the key");
  }
  std::time_t t = now;
  if (X509_cmp_time(X509_get0_notBefore(k.certificate.get()), &t) > 0) {
    return fail("the certificate of '" + k.common_name() + "' is not yet valid");
  }
  if (X509_cmp_time(X509_get0_notAfter(k.certificate.get()), &t) < 0) {
    return fail("the certificate of '" + k.common_name() + "' has expired");
  }
  Result<SigningKey> result;
  result.value = std::move(k);
  return result;
}

}  // namespace vanban
