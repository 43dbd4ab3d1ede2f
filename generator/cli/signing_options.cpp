#include "cli/signing_options.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "output/file_bytes.h"
#include "sign/signing_files.h"

namespace vanban::cli {

namespace {

constexpr std::pair<const char*, std::string SigningOptions::*> kValued[] = {
    {"--key", &SigningOptions::key},
    {"--signature-image", &SigningOptions::signature_image},
    {"--seal-key", &SigningOptions::seal_key},
    {"--seal-image", &SigningOptions::seal_image},
    {"--seal-size", &SigningOptions::seal_size},
    {"--tsa", &SigningOptions::tsa}};

constexpr std::pair<const char*, std::string PasswordSource::*> kPassword[] = {
    {"password-file", &PasswordSource::file}, {"password-env", &PasswordSource::env}, {"password-fd", &PasswordSource::fd}};

std::string first_line(std::string text) {
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

std::string check_source(const PasswordSource& s, const char* prefix) {
  const int given = !s.file.empty() + !s.env.empty() + !s.fd.empty();
  if (given > 1) return std::string("give one of --") + prefix + "password-file, -env and -fd";
  if (!s.fd.empty() && s.fd.find_first_not_of("0123456789") != std::string::npos)
    return std::string("--") + prefix + "password-fd wants a file descriptor number, such as 3";
  return {};
}

// Reads up to a newline from `fd` (which stays open).
std::optional<std::string> read_fd(int fd) {
  std::string text;
  char c;
  for (;;) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0) return std::nullopt;
    if (n == 0 || c == '\n') break;
    text += c;
  }
  return first_line(text);
}

// Asks on the terminal with echo off.
std::optional<std::string> prompt(const std::string& key) {
  std::cerr << "Password for " << key << ": " << std::flush;
  termios old{};
  const bool terminal = tcgetattr(STDIN_FILENO, &old) == 0;
  if (terminal) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::optional<std::string> text = read_fd(STDIN_FILENO);
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  std::cerr << '\n';
  return text;
}

}  // namespace

bool is_signing_option(const std::string& name) {
  for (const auto& [option, member] : kValued)
    if (name == option) return true;
  for (const auto& [suffix, member] : kPassword)
    if (name == std::string("--") + suffix || name == std::string("--seal-") + suffix) return true;
  return false;
}

void set_signing_option(SigningOptions& o, const std::string& name, const std::string& value) {
  for (const auto& [option, member] : kValued)
    if (name == option) o.*member = value;
  for (const auto& [suffix, member] : kPassword) {
    if (name == std::string("--") + suffix) o.password.*member = value;
    if (name == std::string("--seal-") + suffix) o.seal_password.*member = value;
  }
}

std::string check_signing_options(const SigningOptions& o) {
  if (std::string error = check_source(o.password, ""); !error.empty()) return error;
  if (std::string error = check_source(o.seal_password, "seal-"); !error.empty()) return error;
  const bool anything = !o.signature_image.empty() || !o.seal_key.empty() || !o.seal_image.empty() ||
                        !o.seal_size.empty() || !o.tsa.empty() || !o.password.file.empty() ||
                        !o.password.env.empty() || !o.password.fd.empty();
  if (o.key.empty() && anything) return "the signing options need --key KEY.p12, the person's key";
  if (o.seal_key.empty() && (!o.seal_image.empty() || !o.seal_size.empty() || !o.seal_password.file.empty() ||
                             !o.seal_password.env.empty() || !o.seal_password.fd.empty()))
    return "--seal-image, --seal-size and --seal-password-* go with --seal-key";
  if (!o.seal_size.empty()) {
    char* end = nullptr;
    const double mm = std::strtod(o.seal_size.c_str(), &end);
    if (*end != '\0' || !(mm > 0 && mm < 200)) return "--seal-size wants a width in mm, such as 36";
  }
  return {};
}

Result<std::string> read_password(const PasswordSource& source, const std::string& key) {
  using Out = Result<std::string>;
  std::optional<std::string> text;
  if (!source.env.empty()) {
    const char* value = std::getenv(source.env.c_str());
    if (value == nullptr) return Out::failure({key, 0, 0, "no password: the environment variable " + source.env + " is not set"});
    text = value;
  } else if (!source.file.empty()) {
    text = read_file_bytes(source.file);
    if (!text) return Out::failure({source.file, 0, 0, "cannot read the password file"});
    text = first_line(*text);
  } else if (!source.fd.empty()) {
    text = read_fd(std::atoi(source.fd.c_str()));
    if (!text) return Out::failure({key, 0, 0, "cannot read the password from file descriptor " + source.fd});
  } else if (isatty(STDIN_FILENO)) {
    text = prompt(key);
    if (!text) return Out::failure({key, 0, 0, "cannot read the password from the terminal"});
  } else {
    text.emplace();
  }
  Out out;
  out.value = std::move(text);
  return out;
}

Result<SigningSetup> load_signing(const SigningOptions& o, std::time_t now) {
  // Each password is read only when its key is used, as the prompts come in that order.
  const Result<std::string> password = read_password(o.password, o.key);
  if (!password.ok()) return Result<SigningSetup>::failure(password.errors.front());
  std::string seal_password;
  if (!o.seal_key.empty()) {
    Result<std::string> read = read_password(o.seal_password, o.seal_key);
    if (!read.ok()) return Result<SigningSetup>::failure(read.errors.front());
    seal_password = std::move(*read.value);
  }
  const SigningFiles files{o.key, o.signature_image, o.seal_key, o.seal_image,
                           o.seal_size.empty() ? 0 : std::strtod(o.seal_size.c_str(), nullptr), o.tsa};
  return load_signing_files(files, *password.value, seal_password, now);
}

}  // namespace vanban::cli
