// The signing options `vanban issue` and `vanban build` share, and the loading of what they name.
// Passwords are read when needed, from a file, an environment variable, an open file descriptor
// or a prompt on the terminal, and never stored.
#pragma once

#include <ctime>
#include <string>

#include "model/diagnostic.h"
#include "sign/signing_step.h"

// For the commands' help texts (a literal, so that it concatenates with theirs).
#define VANBAN_SIGNING_OPTIONS_HELP                                                                     \
  "\nSigning (PAdES, the NĐ 30 appearance; see vanban sign --help):\n"                                \
  "  --key KEY.p12          the person with authority's key and certificate: sign each PDF\n"      \
  "  --signature-image PNG  the person's handwritten signature, in box 7c\n"                      \
  "  --seal-key ORG.p12     the organisation's key: a second signature, the seal\n"               \
  "  --seal-image PNG       the seal, over the left third of the person's signature\n"            \
  "  --seal-size MM         the seal's real width (default: from the PNG's DPI)\n"                \
  "  --tsa URL              time-stamp each signature (http:// or https://): PAdES B-T\n"         \
  "  --password-file F | --password-env VAR | --password-fd N\n"                                  \
  "                         the key's password (none of them: asked on the terminal, or empty\n"  \
  "                         when standard input is not one); never stored\n"                      \
  "  --seal-password-file F | --seal-password-env VAR | --seal-password-fd N\n"                   \
  "                         the same for --seal-key\n"

namespace vanban::cli {

// Where a key's password comes from; nothing given: a prompt when standard input is a
// terminal, else the empty password.
struct PasswordSource {
  std::string file;  // its first line
  std::string env;   // the variable's value
  std::string fd;    // its first line, read from this open descriptor ("3")
};

struct SigningOptions {
  std::string key;  // the person's PKCS#12; empty: nothing is signed
  PasswordSource password;
  std::string signature_image;
  std::string seal_key;  // the organisation's PKCS#12; empty: no seal
  PasswordSource seal_password;
  std::string seal_image;
  std::string seal_size;  // mm
  std::string tsa;
  bool wanted() const { return !key.empty(); }
};

// The option names, each taking a value: --key, --password-file, --password-env, --password-fd,
// --signature-image, --seal-key, --seal-password-file, --seal-password-env, --seal-password-fd,
// --seal-image, --seal-size, --tsa.
bool is_signing_option(const std::string& name);
void set_signing_option(SigningOptions& o, const std::string& name, const std::string& value);
// Empty, or why the combination is bad.
std::string check_signing_options(const SigningOptions& o);

// The first line of the password, from `source` (at most one of its fields set); `key` names the
// key file in the prompt and in messages.
Result<std::string> read_password(const PasswordSource& source, const std::string& key);

// Loads the keys (checked valid at `now`) and images.
Result<SigningSetup> load_signing(const SigningOptions& o, std::time_t now);

}  // namespace vanban::cli
