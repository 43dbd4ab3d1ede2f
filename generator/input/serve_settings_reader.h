// The office's settings for vanban serve (CONTENT/serve.xml, schema templates/schema/serve.rng):
// the login password's hash, the register, the signing keys and images, and the issuing bodies
// the compose page offers with their issuer lines, place and signers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/draft.h"

namespace vanban {

struct ServeOrganisation {
  std::string id;      // "tinh-uy"
  std::string layout;  // profile family
  DraftIssuer issuer;
  std::string place;
  std::vector<DraftSignature> signers;
};

struct ServeSigning {
  std::string key, signature_image, seal_key, seal_image;  // absolute or relative to the settings
  std::string seal_size;                                   // mm, empty: from the image
};

struct ServeSettings {
  std::string password_hash;  // empty: no password, loopback only
  std::string register_file;  // empty: no register, nothing can be issued
  ServeSigning signing;       // key empty: nothing can be signed
  std::vector<ServeOrganisation> organisations;
};

// Paths in the file are made relative to the folder of `name` (the settings file's path).
Result<ServeSettings> read_serve_settings_bytes(std::string_view bytes, const std::string& name,
                                                const std::string& schema_path);
Result<ServeSettings> read_serve_settings(const std::string& path, const std::string& schema_path);

}  // namespace vanban
