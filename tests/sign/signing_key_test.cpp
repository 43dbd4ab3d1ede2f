#include "sign/signing_key.h"

#include <gtest/gtest.h>

#include "test_pki.h"

namespace vanban {
namespace {

const std::time_t kNow = std::time(nullptr);

std::string error_of(const Result<SigningKey>& r) { return r.errors.empty() ? "" : r.errors.front().message; }

TEST(SigningKeyTest, ReadsKeyAndCertificate) {
  KeyHandle key = test::make_key();
  X509Handle cert = test::make_certificate(key.get(), "Nguyễn Thị Kim Xuyến", -1, 30);
  const Result<SigningKey> k = load_signing_key(test::make_p12(key.get(), cert.get(), "mật khẩu"), "mật khẩu", kNow, "k.p12");
  ASSERT_TRUE(k.ok()) << error_of(k);
  EXPECT_EQ(k.value->common_name(), "Nguyễn Thị Kim Xuyến");
}

TEST(SigningKeyTest, RefusesWrongPassword) {
  KeyHandle key = test::make_key();
  X509Handle cert = test::make_certificate(key.get(), "A", -1, 30);
  const Result<SigningKey> k = load_signing_key(test::make_p12(key.get(), cert.get(), "right"), "wrong", kNow, "k.p12");
  EXPECT_FALSE(k.ok());
  EXPECT_EQ(error_of(k), "wrong password");
  EXPECT_EQ(k.errors.front().file, "k.p12");
}

TEST(SigningKeyTest, RefusesCertificateOutsideItsValidity) {
  KeyHandle key = test::make_key();
  X509Handle expired = test::make_certificate(key.get(), "A", -30, -1);
  X509Handle future = test::make_certificate(key.get(), "A", 1, 30);
  EXPECT_NE(error_of(load_signing_key(test::make_p12(key.get(), expired.get(), "p"), "p", kNow, "")).find("has expired"),
            std::string::npos);
  EXPECT_NE(error_of(load_signing_key(test::make_p12(key.get(), future.get(), "p"), "p", kNow, "")).find("not yet valid"),
            std::string::npos);
}

TEST(SigningKeyTest, RefusesKeyWithoutCertificateAndForeignCertificate) {
  KeyHandle key = test::make_key();
  EXPECT_NE(error_of(load_signing_key(test::make_p12(key.get(), nullptr, "p"), "p", kNow, "")).find("without its certificate"),
            std::string::npos);
  EXPECT_EQ(error_of(load_signing_key("not a p12", "p", kNow, "")), "not a PKCS#12 (.p12) file");
}

}  // namespace
}  // namespace vanban
