#include "cli/issue_command.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

#include "batch/issue_markup.h"
#include "batch/sha256.h"
#include "cli/app.h"
#include "cli/command_usage.h"
#include "cli/engine_settings.h"
#include "cli/signing_options.h"
#include "cli/register_command.h"
#include "output/atomic_file.h"
#include "output/output_name.h"
#include "register/register.h"
#include "register/register_path.h"
#include "render/engine.h"

namespace vanban::cli {

namespace {

constexpr const char* kIssueHelp =
    "Usage: vanban issue FILE.xml... [--register DB] [-o DIR] [--date YYYY-MM-DD|today] [--reissue]\n"
    "                    [--key KEY.p12 [SIGNING OPTIONS]] [--fonts DIR] [--data DIR]\n"
    "\n"
    "Issues each document: takes the next number of its issuer's series from the register (the\n"
    "series rule is the layout profile's <numbering>: per calendar year, or per type through a\n"
    "Party committee's term), dates it, renders it with both and writes DIR/NAME.pdf and\n"
    "DIR/NAME.html atomically, then records it and its files' SHA-256 in the register. A document\n"
    "issued before (same issuer, type and file name) with the same content keeps its number and\n"
    "date; one whose content has changed is refused unless --reissue is given.\n"
    "With --key, DIR/NAME.pdf is the signed PDF (PAdES, see vanban sign --help): signed by the\n"
    "person with authority, then by the organisation with --seal-key; the register records the\n"
    "signed file's SHA-256.\n"
    "\n"
    "Options:\n"
    "  --register DB      the office's register, created if missing (default: $VANBAN_REGISTER)\n"
    "  -o, --output DIR   output folder, created if missing (default: out)\n"
    "  --date DATE        issue date of new numbers, YYYY-MM-DD or 'today' (in Vietnam);\n"
    "                     default: the document's <date>\n"
    "  --reissue          re-issue documents whose content changed, under the same number\n"
    "                     and date; recorded in the register's history\n"
    "  --fonts DIR        see vanban render --help\n"
    "  --data DIR         see vanban render --help\n"
    VANBAN_SIGNING_OPTIONS_HELP
    "\n"
    "Exit status: 0 every input issued, 1 some input rejected or refused (the others are still\n"
    "issued), 2 bad usage, or fonts, profiles or the register that cannot be opened.\n";

struct IssueOptions {
  std::vector<std::string> inputs;
  std::string output_dir = "out";
  std::string register_file;
  std::optional<CivilDate> date;
  bool reissue = false;
  SigningOptions signing;
  std::string fonts_dir, data_dir;
  bool help = false;
};

// Vietnam keeps UTC+7 all year (no daylight saving since 1975), so no time zone database is
// needed for "today" in Asia/Ho_Chi_Minh.
CivilDate today_in_vietnam() {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(system_clock::now() + hours(7))};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Empty string, or why the arguments are bad.
std::string parse(const std::vector<std::string>& args, IssueOptions& o) {
  bool only_inputs = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_inputs || arg.empty() || arg[0] != '-' || arg == "-") {
      o.inputs.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_inputs = true;
      continue;
    }
    const OptionArgument option = split_inline_value(arg);
    const std::string& name = option.name;
    if ((name == "--help" || name == "-h" || name == "--reissue") && !option.inline_value) {
      (name == "--reissue" ? o.reissue : o.help) = true;
      continue;
    }
    if (name != "-o" && name != "--output" && name != "--register" && name != "--date" && name != "--fonts" &&
        name != "--data" && !is_signing_option(name))
      return "unknown option '" + name + "' for issue";
    std::string error;
    const std::optional<std::string> given = option_value(option, args, i, error);
    if (!given) return error;
    const std::string& value = *given;
    if (is_signing_option(name)) {
      set_signing_option(o.signing, name, value);
    } else if (name == "--date") {
      o.date = value == "today" ? std::optional(today_in_vietnam()) : parse_iso_date(value);
      if (!o.date) return "bad --date '" + value + "'; expected YYYY-MM-DD, a day that exists, or 'today'";
    } else {
      (name == "--register" ? o.register_file
       : name == "--fonts"  ? o.fonts_dir
       : name == "--data"   ? o.data_dir
                            : o.output_dir) = value;
    }
  }
  if (o.help) return {};
  if (o.inputs.empty()) return "issue needs at least one document";
  if (std::string error = check_signing_options(o.signing); !error.empty()) return error;
  o.register_file = register_path(o.register_file);
  if (o.register_file.empty()) return "issue needs a register: --register FILE or VANBAN_REGISTER";
  return {};
}

void report(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << d.to_string() << '\n';
}

const char* status_word(IssuedNumber::Status s) {
  switch (s) {
    case IssuedNumber::Status::New: return "issued";
    case IssuedNumber::Status::Unchanged: return "already issued, unchanged";
    case IssuedNumber::Status::Reissued: break;
  }
  return "re-issued";
}

class IssueRun {
 public:
  IssueRun(const Engine& engine, Register& reg, const IssueOptions& options, const SigningSetup* signing,
           std::ostream& out, std::ostream& err)
      : engine_(engine), register_(reg), options_(options), signing_(signing), out_(out), err_(err) {}

  // false if the input was rejected or refused (the reasons are printed).
  bool issue(const std::string& input);

 private:
  bool fail(const Diagnostics& errors) {
    report(errors, err_);
    return false;
  }

  const Engine& engine_;
  Register& register_;
  const IssueOptions& options_;
  const SigningSetup* signing_;  // null: unsigned
  std::ostream& out_;
  std::ostream& err_;
  OutputNames names_;
};

bool IssueRun::issue(const std::string& input) {
  const Result<std::string> name = names_.claim(input);
  if (!name.ok()) return fail(name.errors);
  std::ifstream in(input, std::ios::binary);
  if (!in) return fail({{input, 0, 0, "cannot read the file"}});
  const std::string markup{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

  const Result<IssuedMarkup> issued = issue_markup(engine_, register_, markup, input, *name.value,
                                                   {options_.date, options_.reissue});
  report(issued.errors, err_);
  if (!issued.ok()) return false;

  const Result<ResolvedDocument> final_doc = engine_.resolve_bytes(issued.value->markup, input);
  report(final_doc.errors, err_);
  if (!final_doc.ok()) return false;
  Result<RenderedDocument> rendered = engine_.render(*final_doc.value, {.pdf = true, .html = true});
  report(rendered.errors, err_);
  if (!rendered.ok()) return false;
  std::string unsigned_pdf_hash;  // the register records the issued PDF, then its signing
  if (Output* pdf = rendered.value->find("pdf"); signing_ && pdf) {  // NAME.pdf is the signed file
    unsigned_pdf_hash = sha256_hex(pdf->bytes);
    Result<std::string> signed_pdf = sign_issued_pdf(pdf->bytes, *signing_, std::time(nullptr));
    for (Diagnostic& d : signed_pdf.errors) d.file = input;
    report(signed_pdf.errors, err_);
    if (!signed_pdf.ok()) return false;
    pdf->bytes = std::move(*signed_pdf.value);
  }

  std::vector<IssuedFile> files;
  std::optional<IssuedFile> signed_file;
  for (const Output& output : rendered.value->outputs) {
    files.push_back({*name.value + output.suffix, sha256_hex(output.bytes)});
    if (const std::string error = write_file_atomically(options_.output_dir, files.back().name, output.bytes);
        !error.empty())
      return fail({{input, 0, 0, error}});
    if (output.suffix == ".pdf" && !unsigned_pdf_hash.empty())
      signed_file = IssuedFile{files.back().name, std::exchange(files.back().sha256, unsigned_pdf_hash)};
  }
  const std::string number_text = number_without_label(final_doc.value->number.text);
  const long long id = issued.value->issued.id;
  Result<bool> recorded = register_.record_output(id, number_text, files);
  if (recorded.ok() && signed_file) recorded = register_.record_signed(id, *signed_file);
  if (!recorded.ok()) return fail(recorded.errors);
  out_ << input << ": " << number_text << ", " << iso_date(issued.value->issued.date) << ": "
       << status_word(issued.value->issued.status) << (signing_ ? ", signed" : "") << '\n';
  return true;
}

}  // namespace

int run_issue(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  IssueOptions options;
  if (const auto status = parse_or_usage("issue", parse, args, options, kIssueHelp, out, err)) return *status;
  const std::optional<LoadedEngine> loaded = load_engine(options.data_dir, options.fonts_dir, err);
  if (!loaded) return kExitUsage;
  if (const std::string problem = register_path_problem(options.register_file, options.output_dir); !problem.empty()) {
    err << "vanban: " << options.register_file << ": " << problem << '\n';
    return kExitUsage;
  }
  Result<Register> reg = Register::open(options.register_file);
  report(reg.errors, err);
  if (!reg.ok()) return kExitUsage;

  std::optional<SigningSetup> signing;
  if (options.signing.wanted()) {
    Result<SigningSetup> loaded_signing = load_signing(options.signing, std::time(nullptr));
    report(loaded_signing.errors, err);
    if (!loaded_signing.ok()) return kExitRejected;
    signing = std::move(loaded_signing.value);
  }

  install_cleanup_handlers();
  IssueRun run(loaded->engine, *reg.value, options, signing ? &*signing : nullptr, out, err);
  bool all_ok = true;
  for (const std::string& input : options.inputs) all_ok = run.issue(input) && all_ok;
  return all_ok ? kExitOk : kExitRejected;
}

}  // namespace vanban::cli
