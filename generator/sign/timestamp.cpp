#include "sign/timestamp.h"

#include <openssl/http.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/ts.h>

#include <memory>

#include "sign/openssl_handles.h"

namespace vanban {

namespace {

using TsReqHandle = std::unique_ptr<TS_REQ, OpenSslDeleter<TS_REQ_free>>;
using TsRespHandle = std::unique_ptr<TS_RESP, OpenSslDeleter<TS_RESP_free>>;
using TsVerifyHandle = std::unique_ptr<TS_VERIFY_CTX, OpenSslDeleter<TS_VERIFY_CTX_free>>;
using TsImprintHandle = std::unique_ptr<TS_MSG_IMPRINT, OpenSslDeleter<TS_MSG_IMPRINT_free>>;
using AlgorHandle = std::unique_ptr<X509_ALGOR, OpenSslDeleter<X509_ALGOR_free>>;
using IntegerHandle = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using BignumHandle = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
void free_text(char* s) { OPENSSL_free(s); }
using TextHandle = std::unique_ptr<char, OpenSslDeleter<free_text>>;

constexpr int kTimeoutSeconds = 30;
constexpr std::size_t kMaxReply = 1 << 20;

TsReqHandle make_request(std::string_view signature_value) {
  unsigned char hash[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(signature_value.data()), signature_value.size(), hash);
  TsImprintHandle imprint(TS_MSG_IMPRINT_new());
  AlgorHandle algorithm(X509_ALGOR_new());
  X509_ALGOR_set0(algorithm.get(), OBJ_nid2obj(NID_sha256), V_ASN1_NULL, nullptr);
  BignumHandle random(BN_new());
  IntegerHandle nonce;
  TsReqHandle request(TS_REQ_new());
  if (!imprint || !algorithm || !random || !request || !TS_MSG_IMPRINT_set_algo(imprint.get(), algorithm.get()) ||
      !TS_MSG_IMPRINT_set_msg(imprint.get(), hash, sizeof hash) || !BN_rand(random.get(), 64, 0, 0) ||
      !(nonce = IntegerHandle(BN_to_ASN1_INTEGER(random.get(), nullptr))) || !TS_REQ_set_version(request.get(), 1) ||
      !TS_REQ_set_msg_imprint(request.get(), imprint.get()) || !TS_REQ_set_nonce(request.get(), nonce.get()) ||
      !TS_REQ_set_cert_req(request.get(), 1)) {
    return nullptr;
  }
  return request;
}

}  // namespace

Result<std::string> request_timestamp(const std::string& url, std::string_view signature_value) {
  auto fail = [&](const std::string& why) { return Result<std::string>::failure({url, 0, 0, why}); };
  int use_ssl = 0;
  char *host = nullptr, *port = nullptr, *path = nullptr;
  if (!OSSL_HTTP_parse_url(url.c_str(), &use_ssl, nullptr, &host, &port, nullptr, &path, nullptr, nullptr)) {
    return fail("not a URL: " + openssl_error());
  }
  const TextHandle host_owner(host), port_owner(port), path_owner(path);
  if (use_ssl) return fail("only http:// time-stamp authorities are supported");

  const TsReqHandle request = make_request(signature_value);
  if (!request) return fail("cannot build the time-stamp request: " + openssl_error());
  unsigned char* der = nullptr;
  const int der_length = i2d_TS_REQ(request.get(), &der);
  if (der_length <= 0) return fail("cannot encode the time-stamp request: " + openssl_error());
  const std::string query(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
  OPENSSL_free(der);

  BioHandle body(BIO_new_mem_buf(query.data(), static_cast<int>(query.size())));
  BioHandle reply(OSSL_HTTP_transfer(nullptr, host, port, path, 0, nullptr, nullptr, nullptr, nullptr, nullptr,
                                     nullptr, 0, nullptr, "application/timestamp-query", body.get(),
                                     "application/timestamp-reply", 0, kMaxReply, kTimeoutSeconds, 0));
  if (!reply) return fail("no time-stamp from the authority: " + openssl_error());
  TsRespHandle response(d2i_TS_RESP_bio(reply.get(), nullptr));
  if (!response) return fail("the authority's reply is not a time-stamp response");
  const long status = ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response.get())));
  if (status != 0 && status != 1) return fail("the authority refused the time-stamp (status " + std::to_string(status) + ")");
  // Imprint, nonce and version, as asked; not the TSA's signature (no trust store here).
  TsVerifyHandle verify(TS_REQ_to_TS_VERIFY_CTX(request.get(), nullptr));
  if (verify) TS_VERIFY_CTX_set_flags(verify.get(), TS_VFY_VERSION | TS_VFY_IMPRINT | TS_VFY_NONCE);
  if (!verify || TS_RESP_verify_response(verify.get(), response.get()) != 1) {
    return fail("the time-stamp does not match the request: " + openssl_error());
  }
  unsigned char* token = nullptr;
  const int token_length = i2d_PKCS7(TS_RESP_get_token(response.get()), &token);
  if (token_length <= 0) return fail("cannot encode the time-stamp token");
  Result<std::string> result;
  result.value.emplace(reinterpret_cast<const char*>(token), static_cast<std::size_t>(token_length));
  OPENSSL_free(token);
  return result;
}

}  // namespace vanban
