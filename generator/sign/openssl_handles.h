// Owning handles for the OpenSSL objects the signing code creates (RAII: every early return
// frees them).
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/ssl.h>
#include <openssl/ts.h>
#include <openssl/x509.h>

#include <memory>
#include <string>

namespace vanban {

template <auto Free>
struct OpenSslDeleter {
  template <class T>
  void operator()(T* p) const { Free(p); }
};

using BioHandle = std::unique_ptr<BIO, OpenSslDeleter<BIO_free>>;
using CmsHandle = std::unique_ptr<CMS_ContentInfo, OpenSslDeleter<CMS_ContentInfo_free>>;
using KeyHandle = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using MdContextHandle = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX_free>>;
using Pkcs12Handle = std::unique_ptr<PKCS12, OpenSslDeleter<PKCS12_free>>;
using X509Handle = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using TsReqHandle = std::unique_ptr<TS_REQ, OpenSslDeleter<TS_REQ_free>>;
using TsRespHandle = std::unique_ptr<TS_RESP, OpenSslDeleter<TS_RESP_free>>;
using TsVerifyHandle = std::unique_ptr<TS_VERIFY_CTX, OpenSslDeleter<TS_VERIFY_CTX_free>>;
using TsImprintHandle = std::unique_ptr<TS_MSG_IMPRINT, OpenSslDeleter<TS_MSG_IMPRINT_free>>;
using AlgorHandle = std::unique_ptr<X509_ALGOR, OpenSslDeleter<X509_ALGOR_free>>;
using IntegerHandle = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;
using BignumHandle = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using SslContextHandle = std::unique_ptr<SSL_CTX, OpenSslDeleter<SSL_CTX_free>>;

inline void free_openssl_text(char* s) { OPENSSL_free(s); }
using OpenSslTextHandle = std::unique_ptr<char, OpenSslDeleter<free_openssl_text>>;

inline void free_x509_stack(STACK_OF(X509)* s) { sk_X509_pop_free(s, X509_free); }
using X509StackHandle = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<free_x509_stack>>;

// The first error on OpenSSL's queue, as text (and the queue cleared), for messages.
std::string openssl_error();

}  // namespace vanban
