#include "cli/sign_command.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>

#include "cli/app.h"
#include "cli/command_usage.h"
#include "cli/signing_options.h"
#include "font/font_set.h"
#include "output/atomic_file.h"
#include "output/file_bytes.h"
#include "render/data_location.h"
#include "sign/pdf_signer.h"
#include "sign/png_image.h"
#include "sign/signing_key.h"

namespace vanban::cli {

namespace {

constexpr const char* kSignHelp =
    "Usage: vanban sign FILE.pdf --key KEY.p12 [--password-file F | --password-env VAR]\n"
    "                   [--signature-image SIG.png] [--field NAME] [--tsa URL] [-o OUT.pdf]\n"
    "       vanban sign FILE.pdf --seal --key KEY.p12 [--seal-image SEAL.png [--seal-size MM]] ...\n"
    "       vanban sign FILE.pdf --attachment 'Số 12/CT-UBND' --key KEY.p12 ...\n"
    "\n"
    "Signs a PDF written by vanban with a PAdES baseline B-B signature (ETSI.CAdES.detached,\n"
    "SHA-256), appended as an incremental update so that earlier signatures stay valid. The\n"
    "appearance follows NĐ 30/2020/NĐ-CP Phụ lục I:\n"
    "  (default)      the person with authority: the handwritten signature image (blue PNG\n"
    "                 with transparency) centred between the role and the name (box 7c)\n"
    "  --seal         the organisation, after the person: the seal image (red PNG) at its real\n"
    "                 size over the left third of the person's signature\n"
    "  --attachment NUMBER  the organisation on an attachment or appendix file: no image, the\n"
    "                 main document's number and symbol and the signing time (ISO 8601,\n"
    "                 +07:00), 10 pt, top right of page 1\n"
    "\n"
    "Options:\n"
    "  --key KEY.p12          the signer's key and certificate (PKCS#12)\n"
    "  --password-file F      the key's password: the first line of F\n"
    "  --password-env VAR     the key's password: the environment variable VAR\n"
    "                         (neither: asked on the terminal, or empty when standard\n"
    "                         input is not one)\n"
    "  --signature-image PNG  the person's signature (without it the signature is invisible)\n"
    "  --field NAME           sign in the PDF's empty signature field NAME (prepared with\n"
    "                         <external-signing>); by default the person signs in the\n"
    "                         first empty field if there is one, else in a new one\n"
    "  --seal-image PNG       the seal (with --seal)\n"
    "  --seal-size MM         the seal's real width in mm (default: from the PNG's DPI)\n"
    "  -o, --output OUT.pdf   the signed file (default: FILE-signed.pdf beside FILE); written\n"
    "                         atomically; the input is only replaced when -o names it\n"
    "  --fonts DIR            the serif faces of the attachment text (see vanban render --help)\n"
    "  --tsa URL              add an RFC 3161 time-stamp from this authority (http://):\n"
    "                         PAdES baseline B-T instead of B-B\n"
    "\n"
    "Exit status: 0 signed, 1 refused (nothing written), 2 bad usage.\n";

struct SignOptions {
  std::string input;
  std::string key;
  std::string password_file;
  std::string password_env;
  std::string signature_image;
  std::string seal_image;
  std::string seal_size;
  std::string attachment;
  std::string output;
  std::string fonts_dir;
  std::string tsa;
  std::string field;
  bool seal = false;
  bool help = false;
};

// Empty string, or why the arguments are bad.
std::string parse(const std::vector<std::string>& args, SignOptions& o) {
  const std::pair<const char*, std::string SignOptions::*> valued[] = {
      {"--key", &SignOptions::key},
      {"--password-file", &SignOptions::password_file},
      {"--password-env", &SignOptions::password_env},
      {"--signature-image", &SignOptions::signature_image},
      {"--seal-image", &SignOptions::seal_image},
      {"--seal-size", &SignOptions::seal_size},
      {"--attachment", &SignOptions::attachment},
      {"-o", &SignOptions::output},
      {"--output", &SignOptions::output},
      {"--fonts", &SignOptions::fonts_dir},
      {"--tsa", &SignOptions::tsa},
      {"--field", &SignOptions::field}};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const OptionArgument option = split_inline_value(args[i]);
    const std::string& name = option.name;
    if (name == "--help" || name == "-h") {
      o.help = true;
      continue;
    }
    if (name == "--seal") {
      o.seal = true;
      continue;
    }
    std::string SignOptions::*field = nullptr;
    for (const auto& [option, member] : valued) {
      if (name == option) field = member;
    }
    if (field == nullptr) {
      if (name.rfind("-", 0) == 0) return "unknown option '" + name + "' for sign";
      if (!o.input.empty()) return "sign takes one PDF at a time";
      o.input = args[i];
      continue;
    }
    std::string error;
    const std::optional<std::string> value = option_value(option, args, i, error);
    if (!value) return error;
    o.*field = *value;
  }
  if (o.help) return {};
  if (o.input.empty()) return "sign needs a PDF file";
  if (o.key.empty()) return "sign needs --key KEY.p12";
  if (!o.password_file.empty() && !o.password_env.empty()) return "give --password-file or --password-env, not both";
  if (o.seal && !o.attachment.empty()) return "--seal and --attachment are different signatures; give one";
  if (!o.seal && (!o.seal_image.empty() || !o.seal_size.empty())) return "--seal-image and --seal-size go with --seal";
  if ((o.seal || !o.attachment.empty()) && !o.signature_image.empty()) {
    return "--signature-image is the person's; the organisation signs with --seal-image or none";
  }
  if ((o.seal || !o.attachment.empty()) && !o.field.empty()) return "--field is the person's signature field";
  if (!o.seal_size.empty()) {
    char* end = nullptr;
    const double mm = std::strtod(o.seal_size.c_str(), &end);
    if (*end != '\0' || !(mm > 0 && mm < 200)) return "--seal-size wants a width in mm, such as 36";
  }
  return {};
}

struct Refusal {
  Diagnostic diagnostic;
};

std::string read_or_refuse(const std::string& path, const char* what) {
  std::optional<std::string> bytes = read_file_bytes(path);
  if (!bytes) throw Refusal{{path, 0, 0, std::string("cannot read ") + what}};
  return std::move(*bytes);
}

template <class T>
T value_or_refuse(Result<T> r) {
  if (!r.ok()) throw Refusal{r.errors.front()};
  return std::move(*r.value);
}

std::string password(const SignOptions& o) {
  return value_or_refuse(read_password({o.password_file, o.password_env, ""}, o.key));
}

std::string default_output(const std::string& input) {
  std::filesystem::path p(input);
  return (p.parent_path() / (p.stem().string() + "-signed.pdf")).string();
}

int sign(const SignOptions& o, std::ostream& err) {
  const std::time_t now = std::time(nullptr);
  const SigningKey key = value_or_refuse(load_signing_key(read_or_refuse(o.key, "the key file"), password(o), now, o.key));

  SignatureRequest request;
  request.now = now;
  request.tsa_url = o.tsa;
  request.field = o.field;
  const std::string image = o.seal ? o.seal_image : o.signature_image;
  if (!image.empty()) request.image = value_or_refuse(decode_png(read_or_refuse(image, "the image"), image));
  std::optional<FontSet> fonts;
  if (o.seal) {
    request.role = SignatureRole::Seal;
    if (!o.seal_size.empty()) request.seal_diameter_mm = std::strtod(o.seal_size.c_str(), nullptr);
  } else if (!o.attachment.empty()) {
    request.role = SignatureRole::Attachment;
    request.attachment_text = o.attachment;
    fonts = value_or_refuse(FontSet::load_dir(o.fonts_dir.empty() ? default_fonts_dir(default_data_dir()) : o.fonts_dir));
    request.fonts = &*fonts;
  }

  const std::string pdf = read_or_refuse(o.input, "the PDF");
  Result<std::string> signed_pdf = sign_pdf(pdf, key, request);
  if (!signed_pdf.ok()) {
    Diagnostic d = signed_pdf.errors.front();
    d.file = o.input;
    throw Refusal{d};
  }
  const std::string output = o.output.empty() ? default_output(o.input) : o.output;
  const std::filesystem::path out_path(output);
  const std::string error = write_file_atomically(
      out_path.parent_path().empty() ? "." : out_path.parent_path().string(), out_path.filename().string(),
      *signed_pdf.value);
  if (!error.empty()) throw Refusal{{output, 0, 0, error}};
  err << output << ": signed by " << key.common_name() << '\n';
  return kExitOk;
}

}  // namespace

int run_sign(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  SignOptions options;
  if (const auto status = parse_or_usage("sign", parse, args, options, kSignHelp, out, err)) return *status;
  install_cleanup_handlers();
  try {
    return sign(options, err);
  } catch (const Refusal& r) {
    // Messages about whole files: "FILE: message", without line and column.
    err << (r.diagnostic.file.empty() ? "vanban" : r.diagnostic.file) << ": " << r.diagnostic.message << '\n';
    return kExitRejected;
  }
}

}  // namespace vanban::cli
