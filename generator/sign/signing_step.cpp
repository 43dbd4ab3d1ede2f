#include "sign/signing_step.h"

#include "sign/pdf_signer.h"

namespace vanban {

Result<std::string> sign_issued_pdf(const std::string& pdf, const SigningSetup& setup, std::time_t now) {
  SignatureRequest person;
  person.role = SignatureRole::Signer;
  person.image = setup.signature_image;
  person.now = now;
  person.tsa_url = setup.tsa_url;
  Result<std::string> signed_pdf = sign_pdf(pdf, setup.signer, person);
  if (!signed_pdf.ok() || !setup.seal) return signed_pdf;
  SignatureRequest seal;
  seal.role = SignatureRole::Seal;
  seal.image = setup.seal_image;
  seal.seal_diameter_mm = setup.seal_diameter_mm;
  seal.now = now;
  seal.tsa_url = setup.tsa_url;
  return sign_pdf(*signed_pdf.value, *setup.seal, seal);
}

}  // namespace vanban
