// Owning handles for the OpenSSL objects the signing code creates (RAII: every early return
// frees them).
#pragma once

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
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

inline void free_x509_stack(STACK_OF(X509)* s) { sk_X509_pop_free(s, X509_free); }
using X509StackHandle = std::unique_ptr<STACK_OF(X509), OpenSslDeleter<free_x509_stack>>;

// The first error on OpenSSL's queue, as text (and the queue cleared), for messages.
std::string openssl_error();

}  // namespace vanban
