#include "sign/cades.h"

#include <gtest/gtest.h>

#include "test_pki.h"

namespace vanban {
namespace {

SigningKey test_key() {
  KeyHandle key = test::make_key();
  X509Handle cert = test::make_certificate(key.get(), "Signer", -1, 30);
  return SigningKey{std::move(key), std::move(cert), X509StackHandle(sk_X509_new_null())};
}

CmsHandle parse(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return CmsHandle(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
}

// Verifies the detached signature over `data`, trusting the signer's own certificate.
bool verifies(CMS_ContentInfo* cms, const SigningKey& key, const std::string& data) {
  X509_STORE* store = X509_STORE_new();
  X509_STORE_add_cert(store, key.certificate.get());
  BioHandle content(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  const int ok = CMS_verify(cms, nullptr, store, content.get(), nullptr, CMS_BINARY | CMS_CADES);
  X509_STORE_free(store);
  ERR_clear_error();
  return ok == 1;
}

TEST(CadesTest, OneSignerInfoWithSigningCertificateV2AndNoSigningTime) {
  const SigningKey key = test_key();
  const std::string data = "%PDF-1.7 the byte ranges of a document";
  const Result<std::string> der = cades_detached_signature(key, data);
  ASSERT_TRUE(der.ok()) << der.errors.front().message;
  CmsHandle cms = parse(*der.value);
  ASSERT_TRUE(cms);
  EXPECT_EQ(OBJ_obj2nid(CMS_get0_type(cms.get())), NID_pkcs7_signed);
  ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
  EXPECT_TRUE(content == nullptr || *content == nullptr) << "detached: no content inside";
  STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms.get());
  ASSERT_EQ(sk_CMS_SignerInfo_num(infos), 1);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(infos, 0);
  EXPECT_LT(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1), 0);
  EXPECT_GE(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1), 0);
  X509_ALGOR* digest = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, nullptr);
  EXPECT_EQ(OBJ_obj2nid(digest->algorithm), NID_sha256);
  EXPECT_TRUE(verifies(cms.get(), key, data));
}

TEST(CadesTest, ChangedDataDoesNotVerify) {
  const SigningKey key = test_key();
  const Result<std::string> der = cades_detached_signature(key, "original bytes");
  ASSERT_TRUE(der.ok());
  CmsHandle cms = parse(*der.value);
  EXPECT_FALSE(verifies(cms.get(), key, "original byteS"));
}

}  // namespace
}  // namespace vanban
