#include "cli/serve_command.h"

#include <csignal>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/running_fingerprint.h"
#include "cli/app.h"
#include "cli/command_usage.h"
#include "cli/engine_settings.h"
#include "cli/signing_options.h"
#include "input/serve_settings_reader.h"
#include "serve/listen_address.h"
#include "serve/password_hash.h"
#include "serve/server.h"

namespace vanban::cli {

namespace {

constexpr const char* kServeHelp =
    "Usage: vanban serve [--listen HOST:PORT] [--content DIR] [-o DIR] [--settings FILE]\n"
    "                    [--max-body-kb N] [--fonts DIR] [--data DIR]\n"
    "       vanban serve hash-password [--password-file F | --password-env VAR | --password-fd N]\n"
    "\n"
    "Serves the compose page: write a document in a form (organisation, type, number or one\n"
    "from the register, date, Kính gửi, subject, body, signature, Nơi nhận), see its pages as\n"
    "the PDF prints them while typing, with every rule it breaks beside its field, save it as\n"
    "a markup file CONTENT/drafts/NAME.xml, import a markup file, download its PDF, HTML or\n"
    "markup. Then Issue (the number from the register of the settings, written into the\n"
    "draft; OUT/issued/NAME.pdf and .html), Sign (the key of the settings, its password typed\n"
    "each time), Publish (once issued and signed: into CONTENT/documents/ and the site\n"
    "OUT/site, shown at /site/), each step recorded in the register, and build a month folder\n"
    "while watching its progress and run report. Open http://HOST:PORT/ in a browser. Stop\n"
    "with Ctrl-C.\n"
    "\n"
    "Options:\n"
    "  --listen HOST:PORT   the address (default: 127.0.0.1:8080); an address other than the\n"
    "                       loopback needs <password-hash> in the settings\n"
    "  --content DIR        the content folder (default: content)\n"
    "  -o, --output DIR     the output folder (default: out)\n"
    "  --settings FILE      the office's settings (default: CONTENT/serve.xml)\n"
    "  --max-body-kb N      refuse request bodies above N KiB (default: 1024)\n"
    "  --fonts DIR, --data DIR   see vanban render --help\n"
    "\n"
    "hash-password prints the hash of a login password to put in the settings'\n"
    "<password-hash>; the password is read from the terminal (twice), or from\n"
    "--password-file, --password-env or --password-fd.\n"
    "\n"
    "Exit status: 0 stopped by Ctrl-C or kill, or the hash printed; 2 bad usage, settings\n"
    "that cannot be read, an address that needs a password, or an address in use.\n";

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string content_dir = "content";
  std::string output_dir = "out";
  std::string settings_file;
  std::string max_body_kb = "1024";
  std::string fonts_dir, data_dir;
  bool hash_password = false;
  PasswordSource password;
  bool help = false;
};

std::string parse(const std::vector<std::string>& args, ServeOptions& o) {
  std::size_t i = 0;
  if (!args.empty() && args[0] == "hash-password") o.hash_password = true, i = 1;
  for (; i < args.size(); ++i) {
    std::string name = args[i], value;
    if (name == "--help" || name == "-h") {
      o.help = true;
      continue;
    }
    const std::size_t eq = name.find('=');
    const bool inline_value = name.starts_with("--") && eq != std::string::npos;
    if (inline_value) value = name.substr(eq + 1), name = name.substr(0, eq);
    std::string* field = nullptr;
    if (o.hash_password) {
      field = name == "--password-file" ? &o.password.file
              : name == "--password-env" ? &o.password.env
              : name == "--password-fd"  ? &o.password.fd
                                         : nullptr;
    } else {
      field = name == "--listen"        ? &o.listen
              : name == "--content"     ? &o.content_dir
              : name == "-o" || name == "--output" ? &o.output_dir
              : name == "--settings"    ? &o.settings_file
              : name == "--max-body-kb" ? &o.max_body_kb
              : name == "--fonts"       ? &o.fonts_dir
              : name == "--data"        ? &o.data_dir
                                        : nullptr;
    }
    if (!field) return "unknown option or argument '" + name + "' for serve" + (o.hash_password ? " hash-password" : "");
    if (!inline_value) {
      if (i + 1 == args.size()) return "option '" + name + "' needs a value";
      value = args[++i];
    }
    if (value.empty()) return "option '" + name + "' needs a non-empty value";
    *field = value;
  }
  if (o.help || o.hash_password) return {};
  if (!serve::parse_listen_address(o.listen)) return "bad --listen '" + o.listen + "'; expected HOST:PORT such as 127.0.0.1:8080";
  char* end = nullptr;
  const long kb = std::strtol(o.max_body_kb.c_str(), &end, 10);
  if (*end != '\0' || kb < 16 || kb > 65536) return "--max-body-kb wants a number from 16 to 65536";
  return {};
}

int print_hash(const ServeOptions& o, std::ostream& out, std::ostream& err) {
  const bool from_terminal = o.password.file.empty() && o.password.env.empty() && o.password.fd.empty();
  const Result<std::string> first = read_password(o.password, "vanban serve's login");
  if (!first.ok()) {
    err << "vanban: " << first.errors.front().message << '\n';
    return kExitUsage;
  }
  if (from_terminal) {
    const Result<std::string> again = read_password(o.password, "vanban serve's login (again)");
    if (!again.ok() || *again.value != *first.value) {
      err << "vanban: the two passwords differ; nothing printed\n";
      return kExitUsage;
    }
  }
  if (first.value->size() < 8) {
    err << "vanban: a login password has at least 8 characters\n";
    return kExitUsage;
  }
  out << serve::hash_password(*first.value) << '\n';
  return kExitOk;
}

}  // namespace

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ServeOptions o;
  if (const auto status = parse_or_usage("serve", parse, args, o, kServeHelp, out, err)) return *status;
  if (o.hash_password) return print_hash(o, out, err);

  const std::optional<LoadedEngine> loaded = load_engine(o.data_dir, o.fonts_dir, err);
  if (!loaded) return kExitUsage;
  const std::string settings_file = o.settings_file.empty() ? o.content_dir + "/serve.xml" : o.settings_file;
  Result<ServeSettings> settings =
      read_serve_settings(settings_file, loaded->settings.data_dir + "/templates/schema/serve.rng");
  for (const Diagnostic& d : settings.errors) err << d.to_string() << '\n';
  if (!settings.ok()) {
    err << "vanban: serve needs its settings (see docs/serve.md)\n";
    return kExitUsage;
  }
  const serve::ListenAddress address = *serve::parse_listen_address(o.listen);
  const bool loopback = serve::is_loopback(address.host);
  if (!loopback && settings.value->password_hash.empty()) {
    err << "vanban: " << address.host << " is reachable from other machines: set <password-hash> in "
        << settings_file << " first (vanban serve hash-password), or listen on 127.0.0.1\n";
    return kExitUsage;
  }

  const Result<std::string> fingerprint = running_engine_fingerprint(loaded->settings);
  for (const Diagnostic& d : fingerprint.errors) err << d.to_string() << '\n';
  if (!fingerprint.ok()) return kExitUsage;

  serve::ServeSetup setup;
  setup.content_dir = o.content_dir;
  setup.output_dir = o.output_dir;
  setup.engine_fingerprint = *fingerprint.value;
  setup.data_dir = loaded->settings.data_dir;
  setup.settings = std::move(*settings.value);
  setup.max_body_bytes = std::strtoul(o.max_body_kb.c_str(), nullptr, 10) * 1024;
  setup.loopback = loopback;
  serve::Server server(loaded->engine, std::move(setup));
  const int port = server.bind(address);
  if (port < 0) {
    err << "vanban: cannot listen on " << o.listen << " (in use, or not an address of this machine)\n";
    return kExitUsage;
  }

  // Ctrl-C and kill stop the server from a thread that waits for them, not from a handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    // A month's build in progress takes the signal as `vanban build` does (batch/stop_signals.h):
    // it finishes the document it is writing, saves its manifest and ends.
    kill(getpid(), signal);
  });
  const std::string host = address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host;
  err << "vanban serve: http://" << host << ":" << port << "/ (Ctrl-C to stop)" << std::endl;
  server.run();
  waiter.join();
  return kExitOk;
}

}  // namespace vanban::cli
