#include "sign/signing_files.h"

#include <optional>

#include "output/file_bytes.h"

namespace vanban {

namespace {

Result<SigningKey> load_key(const std::string& path, const std::string& password, std::time_t now) {
  const std::optional<std::string> der = read_file_bytes(path);
  if (!der) return Result<SigningKey>::failure({path, 0, 0, "cannot read the key file"});
  return load_signing_key(*der, password, now, path);
}

Result<std::optional<PngImage>> load_image(const std::string& path) {
  using Out = Result<std::optional<PngImage>>;
  Out out;
  if (path.empty()) {
    out.value.emplace();
    return out;
  }
  const std::optional<std::string> bytes = read_file_bytes(path);
  if (!bytes) return Out::failure({path, 0, 0, "cannot read the image"});
  Result<PngImage> image = decode_png(*bytes, path);
  if (!image.ok()) return Out::failure(image.errors.front());
  out.value.emplace(std::move(*image.value));
  return out;
}

}  // namespace

Result<SigningSetup> load_signing_files(const SigningFiles& files, const std::string& password,
                                        const std::string& seal_password, std::time_t now) {
  using Out = Result<SigningSetup>;
  Result<SigningKey> signer = load_key(files.key, password, now);
  if (!signer.ok()) return Out::failure(signer.errors.front());
  Result<std::optional<PngImage>> signature = load_image(files.signature_image);
  if (!signature.ok()) return Out::failure(signature.errors.front());
  SigningSetup setup{std::move(*signer.value), std::move(*signature.value), std::nullopt, std::nullopt,
                     files.seal_diameter_mm, files.tsa_url};
  if (!files.seal_key.empty()) {
    Result<SigningKey> seal = load_key(files.seal_key, seal_password, now);
    if (!seal.ok()) return Out::failure(seal.errors.front());
    Result<std::optional<PngImage>> seal_image = load_image(files.seal_image);
    if (!seal_image.ok()) return Out::failure(seal_image.errors.front());
    setup.seal.emplace(std::move(*seal.value));
    setup.seal_image = std::move(*seal_image.value);
  }
  Out out;
  out.value.emplace(std::move(setup));
  return out;
}

}  // namespace vanban
