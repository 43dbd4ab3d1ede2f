// A signer's private key and certificate, read from a PKCS#12 (.p12/.pfx) file, as the CA's
// tokens export them.
#pragma once

#include <ctime>
#include <string>

#include "model/diagnostic.h"
#include "sign/openssl_handles.h"

namespace vanban {

struct SigningKey {
  KeyHandle key;
  X509Handle certificate;
  X509StackHandle chain;  // the other certificates of the file (CA chain), may be empty

  // The certificate's subject common name, for messages and the signature's /Name.
  std::string common_name() const;
};

// Reads `der` (the .p12 bytes) with `password` and checks what signing needs: the password is
// right, the file has a certificate that matches its key, and the certificate is valid at
// `now`. Each failure says which; `source` names the file in messages.
Result<SigningKey> load_signing_key(const std::string& der, const std::string& password,
                                    std::time_t now, const std::string& source);

}  // namespace vanban
