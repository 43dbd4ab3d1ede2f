#include "sign/cades.h"

#include <openssl/err.h>

#include <algorithm>
#include <vector>

namespace vanban {

namespace {

// DER length octets.
void append_length(std::string& out, std::size_t n) {
  if (n < 0x80) {
    out += static_cast<char>(n);
    return;
  }
  std::string bytes;
  for (; n > 0; n >>= 8) bytes.insert(bytes.begin(), static_cast<char>(n & 0xFF));
  out += static_cast<char>(0x80 | bytes.size());
  out += bytes;
}

// The signed attributes as the signature covers them: a DER SET OF (tag 0x31), its elements
// sorted by their encodings (X.690 11.6), which is how OpenSSL writes them into the SignerInfo.
std::string signed_attributes_der(CMS_SignerInfo* si) {
  std::vector<std::string> encoded;
  for (int i = 0; i < CMS_signed_get_attr_count(si); ++i) {
    unsigned char* der = nullptr;
    const int len = i2d_X509_ATTRIBUTE(CMS_signed_get_attr(si, i), &der);
    if (len <= 0) return {};
    encoded.emplace_back(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
    OPENSSL_free(der);
  }
  std::sort(encoded.begin(), encoded.end());  // byte order; a prefix sorts first, as in DER
  std::string content;
  for (const std::string& e : encoded) content += e;
  std::string set(1, '\x31');
  append_length(set, content.size());
  return set + content;
}

}  // namespace

Result<std::string> cades_detached_signature(const SigningKey& key, std::string_view data,
                                             const TimestampSource& timestamp) {
  auto fail = [](const std::string& what) {
    return Result<std::string>::failure({"", 0, 0, what + ": " + openssl_error()});
  };
  constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
  CmsHandle cms(CMS_sign(nullptr, nullptr, key.chain.get(), nullptr, kFlags));
  if (!cms) return fail("cannot create the CMS signature");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), key.certificate.get(), key.key.get(), EVP_sha256(),
                                       CMS_BINARY | CMS_NOSMIMECAP | CMS_CADES);
  if (si == nullptr) return fail("cannot add the signer");
  BioHandle content(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!CMS_final(cms.get(), content.get(), nullptr, kFlags)) return fail("cannot sign");

  // CMS_final always adds signingTime, which PAdES forbids: drop it, then sign the remaining
  // attributes again with the same key and digest.
  const int time_index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (time_index >= 0) X509_ATTRIBUTE_free(CMS_signed_delete_attr(si, time_index));
  const std::string attributes = signed_attributes_der(si);
  if (attributes.empty()) return fail("cannot encode the signed attributes");
  MdContextHandle md(EVP_MD_CTX_new());
  std::size_t length = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(attributes.data());
  if (!md || EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key.key.get()) != 1 ||
      EVP_DigestSign(md.get(), nullptr, &length, bytes, attributes.size()) != 1) {
    return fail("cannot sign the attributes");
  }
  std::vector<unsigned char> signature(length);
  if (EVP_DigestSign(md.get(), signature.data(), &length, bytes, attributes.size()) != 1) {
    return fail("cannot sign the attributes");
  }
  ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), signature.data(), static_cast<int>(length));

  if (timestamp) {
    Result<std::string> token =
        timestamp(std::string_view(reinterpret_cast<const char*>(signature.data()), length));
    if (!token.ok()) return Result<std::string>::failure(token.errors.front());
    // A V_ASN1_SEQUENCE value is written as the DER it holds: the token's ContentInfo.
    if (!CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                       token.value->data(), static_cast<int>(token.value->size()))) {
      return fail("cannot add the time-stamp");
    }
  }

  unsigned char* der = nullptr;
  const int der_length = i2d_CMS_ContentInfo(cms.get(), &der);
  if (der_length <= 0) return fail("cannot encode the CMS signature");
  Result<std::string> result;
  result.value.emplace(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
  OPENSSL_free(der);
  return result;
}

}  // namespace vanban
