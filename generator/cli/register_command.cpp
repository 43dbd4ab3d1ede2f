#include "cli/register_command.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>

#include "cli/app.h"
#include "cli/command_usage.h"
#include "output/atomic_file.h"
#include "register/register.h"
#include "register/register_csv.h"

namespace vanban::cli {

namespace {

constexpr const char* kRegisterHelp =
    "Usage: vanban register list [--register DB]\n"
    "       vanban register show NUMBER [--register DB]\n"
    "       vanban register export [-o FILE.csv] [--separator ';'] [--register DB]\n"
    "       vanban register term --issuer CODE [--name NAME [--parent NAME]] [--from YYYY-MM-DD]\n"
    "                            [--register DB]\n"
    "\n"
    "The office's outgoing-document register (sổ đăng ký văn bản đi), kept by vanban issue.\n"
    "\n"
    "  list     one line per document: number and symbol, date, type and subject, file name\n"
    "  show     every recorded field, file hash and re-issue of the documents numbered NUMBER\n"
    "           (as printed, 01/UBND-VX, or the number alone) or issued from file NAME\n"
    "  export   the register as CSV for Excel (UTF-8 with BOM, the columns of NĐ 30's register\n"
    "           form) to FILE.csv, written atomically, or to standard output; --separator ';'\n"
    "           for an Excel set to Vietnamese, whose list separator is ';'\n"
    "  term     records that a term of the Party committee (or organisation) CODE, named NAME\n"
    "           under --parent as in its documents' <issuer>, begins on --from: its documents\n"
    "           are numbered from 01 again on that day; without --name, the term of every body\n"
    "           with that code; without --from, lists the terms recorded\n"
    "\n"
    "The register is --register DB, else $VANBAN_REGISTER.\n"
    "Exit status: 0 done, 1 show found nothing or the term was refused, 2 bad usage or a\n"
    "register that cannot be opened.\n";

struct RegisterOptions {
  std::string action;
  std::vector<std::string> arguments;  // show: NUMBER
  std::string register_file, output;
  IssuerIdentity issuer;  // term: code, name, parent
  std::optional<CivilDate> from;
  char separator = ',';
  bool help = false;
};

std::string parse(const std::vector<std::string>& args, RegisterOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      o.help = true;
      continue;
    }
    if (args[i].empty() || args[i][0] != '-') {
      (o.action.empty() ? o.action : o.arguments.emplace_back()) = args[i];
      continue;
    }
    const OptionArgument option = split_inline_value(args[i]);
    const std::string& name = option.name;
    const bool known = name == "--register" || (o.action == "export" && (name == "-o" || name == "--output" ||
                                                                         name == "--separator")) ||
                       (o.action == "term" && (name == "--issuer" || name == "--name" || name == "--parent" ||
                                                name == "--from"));
    if (!known) return "unknown option '" + name + "' for register" + (o.action.empty() ? "" : " " + o.action);
    std::string error;
    const std::optional<std::string> given = option_value(option, args, i, error);
    if (!given) return error;
    const std::string& value = *given;
    if (name == "--from") {
      o.from = parse_iso_date(value);
      if (!o.from) return "bad --from '" + value + "'; expected YYYY-MM-DD, a day that exists";
    } else if (name == "--separator") {
      if (value != "," && value != ";") return "bad --separator '" + value + "'; expected ',' or ';'";
      o.separator = value[0];
    } else {
      (name == "--register" ? o.register_file
       : name == "--issuer" ? o.issuer.code
       : name == "--name"   ? o.issuer.name
       : name == "--parent" ? o.issuer.parent
                            : o.output) = value;
    }
  }
  if (o.help) return {};
  if (o.action != "list" && o.action != "show" && o.action != "export" && o.action != "term")
    return o.action.empty() ? "register needs an action: list, show, export or term"
                            : "unknown register action '" + o.action + "'; expected list, show, export or term";
  if (o.action == "show" ? o.arguments.size() != 1 : !o.arguments.empty())
    return o.action == "show" ? "register show needs one NUMBER" : "unexpected argument '" + o.arguments[0] + "'";
  if (o.action == "term" && o.issuer.code.empty() && (o.from || !o.issuer.name.empty()))
    return "register term " + std::string(o.from ? "--from" : "--name") + " needs --issuer CODE";
  if (o.action == "term" && o.issuer.name.empty() && !o.issuer.parent.empty())
    return "register term --parent needs --name NAME";
  o.register_file = register_path(o.register_file);
  if (o.register_file.empty()) return "no register given: --register FILE or VANBAN_REGISTER";
  return {};
}

std::string day_month_year(const CivilDate& d) {
  const std::string iso = iso_date(d);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string series_name(const RegisterEntry& e) {
  std::string out = e.series.size() == 4 ? "năm " + e.series : "nhiệm kỳ từ " + e.series;
  return e.series_type.empty() ? out : out + ", loại " + e.series_type;
}

void list(const std::vector<RegisterEntry>& entries, std::ostream& out) {
  for (const RegisterEntry& e : entries)
    out << number_and_symbol(e) << "  " << day_month_year(e.date) << "  " << e.details.type_name << ' '
        << e.details.subject << "  [" << e.identity.key << "]\n";
}

void show(const RegisterEntry& e, std::ostream& out) {
  const DocumentDetails& d = e.details;
  out << "Số, ký hiệu: " << number_and_symbol(e) << '\n'
      << "Ngày: " << day_month_year(e.date) << '\n'
      << "Tên loại và trích yếu: " << d.type_name << ' ' << d.subject << '\n'
      << "Người ký: " << d.signer << '\n'
      << "Nơi nhận: " << d.recipients << '\n'
      << "Bản lưu: " << d.archive << '\n'
      << "Số lượng bản: " << d.copies << '\n'
      << "Ghi chú: " << d.notes << '\n'
      << "Sổ: " << describe(e.identity.issuer) << ", " << series_name(e) << ", số " << e.number << '\n'
      << "Văn bản: " << e.identity.key << " (" << d.family << ", " << e.identity.type << "), nội dung SHA-256 "
      << e.content_hash << '\n';
  for (const IssuedFile& f : e.files) out << "Tệp: " << f.name << " SHA-256 " << f.sha256 << '\n';
  for (const HistoryEvent& h : e.history) {
    out << "Lịch sử: " << h.at << ' ';
    if (h.event == "signed")
      out << "ký số " << h.file << " SHA-256 " << h.new_hash << (h.old_hash.empty() ? "" : ", bản chưa ký " + h.old_hash);
    else if (h.event == "published")
      out << "đăng trang tin " << h.file << " SHA-256 " << h.new_hash;
    else
      out << (h.event == "issued" ? "phát hành" : "phát hành lại") << (h.old_hash.empty() ? "" : ", nội dung trước " + h.old_hash);
    out << '\n';
  }
}

bool matches(const RegisterEntry& e, const std::string& wanted) {
  if (wanted == number_and_symbol(e) || wanted == e.identity.key) return true;
  return wanted.find_first_not_of("0123456789") == std::string::npos && std::atoi(wanted.c_str()) == e.number;
}

int run_action(Register& reg, const RegisterOptions& o, std::ostream& out, std::ostream& err) {
  if (o.action == "term") {
    if (o.from) {
      const Result<bool> added = reg.add_term(o.issuer, *o.from);
      for (const Diagnostic& d : added.errors) err << d.to_string() << '\n';
      if (!added.ok()) return kExitRejected;
    }
    const auto terms = reg.terms();
    for (const Diagnostic& d : terms.errors) err << d.to_string() << '\n';
    if (!terms.ok()) return kExitUsage;
    // Listing: the terms of the code asked for, and of the body when named.
    for (const auto& [issuer, start] : *terms.value)
      if (o.issuer.code.empty() ||
          (issuer.code == o.issuer.code && (o.issuer.name.empty() || issuer.name.empty() || issuer == o.issuer)))
        out << describe(issuer) << "  nhiệm kỳ từ " << day_month_year(start) << '\n';
    return kExitOk;
  }
  const Result<std::vector<RegisterEntry>> entries = reg.entries();
  for (const Diagnostic& d : entries.errors) err << d.to_string() << '\n';
  if (!entries.ok()) return kExitUsage;
  if (o.action == "list") {
    list(*entries.value, out);
  } else if (o.action == "show") {
    bool found = false;
    for (const RegisterEntry& e : *entries.value) {
      if (!matches(e, o.arguments[0])) continue;
      out << (found ? "\n" : "");
      show(e, out);
      found = true;
    }
    if (!found) {
      err << "vanban: no document numbered '" << o.arguments[0] << "' in " << reg.path() << '\n';
      return kExitRejected;
    }
  } else {
    const std::string csv = register_csv(*entries.value, o.separator);
    if (o.output.empty()) {
      out << csv;
    } else {
      const std::filesystem::path path(o.output);
      const std::string dir = path.parent_path().empty() ? "." : path.parent_path().string();
      if (const std::string error = write_file_atomically(dir, path.filename().string(), csv); !error.empty()) {
        err << "vanban: " << o.output << ": " << error << '\n';
        return kExitUsage;
      }
    }
  }
  return kExitOk;
}

}  // namespace

std::string register_path(const std::string& option) {
  if (!option.empty()) return option;
  const char* env = std::getenv("VANBAN_REGISTER");
  return env ? env : "";
}

int run_register(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  RegisterOptions options;
  if (const auto status = parse_or_usage("register", parse, args, options, kRegisterHelp, out, err)) return *status;
  // Reading never creates a register: a mistyped path would look like an empty one.
  std::error_code ec;
  if (options.action != "term" && !std::filesystem::exists(options.register_file, ec)) {
    err << "vanban: " << options.register_file << ": no register here; vanban issue creates it\n";
    return kExitUsage;
  }
  Result<Register> reg = Register::open(options.register_file);
  for (const Diagnostic& d : reg.errors) err << d.to_string() << '\n';
  if (!reg.ok()) return kExitUsage;
  return run_action(*reg.value, options, out, err);
}

}  // namespace vanban::cli
