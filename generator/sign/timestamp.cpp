#include "sign/timestamp.h"

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

#include <ctime>

#include "sign/openssl_handles.h"

namespace vanban {

namespace {

// Connecting, then the whole exchange; an authority that does not answer in time is an error.
constexpr int kConnectSeconds = 10;
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

// https: TLS 1.2 or later, the server's certificate verified against the system's trust store
// (or SSL_CERT_FILE / SSL_CERT_DIR when set) and matched to the host name or IP address.
struct TlsSetup {
  SslContextHandle context;
  std::string host;
};

BIO* tls_over(BIO* chain, void* arg, int connect, int /*detail*/) {
  if (!connect) {  // the connection below is the caller's to free; the TLS layer is ours
    BIO_ssl_shutdown(chain);
    BIO* connection = BIO_pop(chain);
    BIO_free(chain);
    return connection;
  }
  BIO* connection = chain;
  const TlsSetup& tls = *static_cast<const TlsSetup*>(arg);
  SSL* ssl = SSL_new(tls.context.get());
  BIO* ssl_bio = BIO_new(BIO_f_ssl());
  if (ssl == nullptr || ssl_bio == nullptr) {
    SSL_free(ssl);
    BIO_free(ssl_bio);
    return nullptr;
  }
  X509_VERIFY_PARAM* verify = SSL_get0_param(ssl);
  const bool ip_address = X509_VERIFY_PARAM_set1_ip_asc(verify, tls.host.c_str()) == 1;
  if (!ip_address && (!SSL_set_tlsext_host_name(ssl, tls.host.c_str()) || !SSL_set1_host(ssl, tls.host.c_str()))) {
    SSL_free(ssl);
    BIO_free(ssl_bio);
    return nullptr;
  }
  SSL_set_connect_state(ssl);
  BIO_set_ssl(ssl_bio, ssl, BIO_CLOSE);
  return BIO_push(ssl_bio, connection);
}

SslContextHandle tls_context() {
  SslContextHandle context(SSL_CTX_new(TLS_client_method()));
  if (!context || !SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION) ||
      !SSL_CTX_set_default_verify_paths(context.get()))
    return nullptr;
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER, nullptr);
  return context;
}

// One connection attempt, given up after kConnectSeconds. OpenSSL's own connect retries a refused
// connection until the whole timeout has passed (for a server that is starting up), which makes
// an authority that is down cost the full timeout.
BioHandle connect_to(const char* host, const char* port, std::string& error) {
  BioHandle connection(BIO_new_connect(host));
  if (!connection || !BIO_set_conn_port(connection.get(), port) || !BIO_set_nbio(connection.get(), 1)) {
    error = "cannot connect: " + openssl_error();
    return nullptr;
  }
  const std::time_t deadline = std::time(nullptr) + kConnectSeconds;
  for (;;) {
    if (BIO_do_connect(connection.get()) > 0) return connection;
    if (!BIO_should_retry(connection.get())) {
      error = "cannot connect: " + openssl_error();
      return nullptr;
    }
    if (BIO_wait(connection.get(), deadline, 100) <= 0) {
      error = "cannot connect within " + std::to_string(kConnectSeconds) + " s";
      ERR_clear_error();
      return nullptr;
    }
  }
}

}  // namespace

Result<std::string> request_timestamp(const std::string& url, std::string_view signature_value) {
  auto fail = [&](const std::string& why) { return Result<std::string>::failure({url, 0, 0, why}); };
  int use_ssl = 0;
  char *host = nullptr, *port = nullptr, *path = nullptr;
  if (!OSSL_HTTP_parse_url(url.c_str(), &use_ssl, nullptr, &host, &port, nullptr, &path, nullptr, nullptr)) {
    return fail("not a URL: " + openssl_error());
  }
  const OpenSslTextHandle host_owner(host), port_owner(port), path_owner(path);
  TlsSetup tls;
  if (use_ssl) {
    tls = {tls_context(), host};
    if (!tls.context) return fail("cannot set up TLS: " + openssl_error());
  }

  const TsReqHandle request = make_request(signature_value);
  if (!request) return fail("cannot build the time-stamp request: " + openssl_error());
  unsigned char* der = nullptr;
  const int der_length = i2d_TS_REQ(request.get(), &der);
  if (der_length <= 0) return fail("cannot encode the time-stamp request: " + openssl_error());
  const std::string query(reinterpret_cast<const char*>(der), static_cast<std::size_t>(der_length));
  OPENSSL_free(der);

  BioHandle body(BIO_new_mem_buf(query.data(), static_cast<int>(query.size())));
  // expect_asn1 = 1: OpenSSL reads the whole DER reply into memory, waiting for it within the
  // timeout. Without it the reply is the raw non-blocking socket, and a body that arrives after
  // the headers (a loaded machine, a slow authority) reads as nothing.
  std::string error;
  const BioHandle connection = connect_to(host, port, error);
  if (!connection) return fail(error);
  BioHandle reply(OSSL_HTTP_transfer(nullptr, host, port, path, use_ssl, nullptr, nullptr, connection.get(), nullptr,
                                     use_ssl ? tls_over : nullptr, use_ssl ? &tls : nullptr, 0, nullptr,
                                     "application/timestamp-query", body.get(), "application/timestamp-reply", 1,
                                     kMaxReply, kTimeoutSeconds, 0));
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
