#include "serve/document_steps.h"

#include <ctime>
#include <filesystem>
#include <mutex>
#include <optional>
#include <sstream>
#include <tuple>
#include <variant>

#include "batch/build_run.h"
#include "batch/issue_markup.h"
#include "batch/sha256.h"
#include "input/draft_reader.h"
#include "output/atomic_file.h"
#include "output/file_bytes.h"
#include "register/register.h"
#include "register/register_path.h"
#include "serve/draft_markup.h"
#include "sign/signing_files.h"
#include "site/site_writer.h"

namespace vanban::serve {

namespace fs = std::filesystem;

namespace {

StepResult refused(int status, std::string message, Diagnostics problems = {}) {
  return {status, std::move(message), std::move(problems), {}, {}};
}

struct IssuedDraft {
  StoredDraft stored;
  IssuedMarkup issued;
  std::string number_text;  // "12-CV/TU"
  std::string printed;      // "Số 12-CV/TU"
  RenderedDocument rendered;
};

// Numbers the stored draft through the register (the same number again for a draft issued
// before with the same content) and renders it; the caller holds the register's lock.
// `refusal` heads its messages: "Không cấp số", "Không ký", "Không đăng".
std::variant<IssuedDraft, StepResult> issue_and_render(ServeContext& c, const std::string& name,
                                                        const std::optional<std::string>& version, const std::string& refusal) {
  const ServeSettings& settings = c.setup.settings;
  if (settings.register_file.empty())
    return refused(409, "Chưa có sổ đăng ký văn bản: thêm <register file=\"...\"/> vào tệp cài đặt (docs/serve.md).");
  if (const std::string problem = register_path_problem(settings.register_file, c.setup.output_dir); !problem.empty())
    return refused(409, "Sổ đăng ký " + settings.register_file + ": " + problem);
  std::optional<StoredDraft> stored = c.drafts.load(name);
  if (!stored) return refused(404, "Không có bản nháp '" + name + "'.");
  if (version && stored->version != *version)
    return refused(409, "Bản nháp đã thay đổi từ khi mở (hoặc chưa lưu): hãy lưu hoặc mở lại rồi cấp số.");
  const std::string file = c.draft_file(name);
  // The page's own rule, which the engine does not know: no marks printed as asterisks.
  if (const Result<Draft> draft = read_draft(stored->bytes, file); draft.ok()) {
    Diagnostics marks;
    for (const MarkProblem& p : draft_to_markup(*draft.value).styled_plain_lines)
      marks.push_back({file, p.line, p.column, kStyledPlainLine});
    if (!marks.empty()) return refused(422, refusal + ": văn bản còn lỗi.", marks);
  }
  Result<Register> reg = Register::open(settings.register_file);
  if (!reg.ok()) return refused(409, "Không mở được sổ đăng ký.", reg.errors);
  Result<IssuedMarkup> issued = issue_markup(c.engine, *reg.value, stored->bytes, file, name, {});
  if (!issued.ok()) return refused(422, refusal + ": văn bản còn lỗi, hoặc đã sửa sau khi cấp số, hoặc sổ đăng ký từ chối.", issued.errors);
  const Result<ResolvedDocument> doc = c.engine.resolve_bytes(issued.value->markup, file);
  if (!doc.ok()) return refused(422, refusal + ": văn bản còn lỗi.", doc.errors);
  Result<RenderedDocument> rendered = c.engine.render(*doc.value, {.pdf = true, .html = true});
  if (!rendered.ok()) return refused(422, refusal + ": văn bản không dàn trang được.", rendered.errors);
  IssuedDraft out{std::move(*stored), std::move(*issued.value), number_without_label(doc.value->number.text),
                  doc.value->number.text, std::move(*rendered.value)};
  return out;
}

// "01/12/2026", as the page writes dates.
std::string day_month_year(const CivilDate& d) {
  const std::string iso = iso_date(d);
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

std::string issued_dir(const ServeContext& c) { return c.setup.output_dir + "/issued"; }

// Writes the files into OUT/issued, then records them in the register through `record`.
template <typename Record>
std::string write_and_record(ServeContext& c, const std::vector<std::pair<std::string, std::string>>& files, Record record) {
  std::vector<IssuedFile> written;
  for (const auto& [file_name, bytes] : files) {
    if (std::string error = write_file_atomically(issued_dir(c), file_name, bytes); !error.empty()) return error;
    written.push_back({file_name, sha256_hex(bytes)});
  }
  Result<Register> reg = Register::open(c.setup.settings.register_file);
  if (!reg.ok()) return reg.errors.front().to_string();
  const Result<bool> ok = record(*reg.value, written);
  return ok.ok() ? "" : ok.errors.front().to_string();
}

bool is_signed(const std::string& pdf) { return pdf.find("/ByteRange") != std::string::npos; }

}  // namespace

StepResult issue_draft(ServeContext& c, const std::string& name, const std::string& version) {
  std::lock_guard lock(c.register_mutex);
  auto issued = issue_and_render(c, name, version, "Không cấp số");
  if (auto* r = std::get_if<StepResult>(&issued)) return *r;
  IssuedDraft& d = std::get<IssuedDraft>(issued);
  // The draft file carries its number and date from now on, for the page and the command line.
  const SaveResult saved = c.drafts.save(name, d.issued.markup, d.stored.version);
  if (saved.outcome != SaveOutcome::Saved) return refused(409, "Đã cấp số nhưng không ghi được bản nháp: " + saved.message);
  std::vector<std::pair<std::string, std::string>> files;
  for (const Output& o : d.rendered.outputs) files.push_back({name + o.suffix, o.bytes});
  const std::string error = write_and_record(c, files, [&](Register& reg, const std::vector<IssuedFile>& written) {
    return reg.record_output(d.issued.issued.id, d.number_text, written);
  });
  if (!error.empty()) return refused(500, error);
  const char* how = d.issued.issued.status == IssuedNumber::Status::New ? "Đã cấp số " : "Văn bản đã được cấp số ";
  return {200, how + d.number_text + ", ngày " + day_month_year(d.issued.issued.date) + ".", {}, d.printed, saved.version};
}

StepResult sign_issued(ServeContext& c, const std::string& name, const std::string& password,
                       const std::string& seal_password) {
  const ServeSigning& s = c.setup.settings.signing;
  if (s.key.empty()) return refused(409, "Chưa có khóa ký: thêm <signing key=\"...\"/> vào tệp cài đặt (docs/serve.md).");
  std::error_code ec;
  for (const std::string& file : {s.key, s.signature_image, s.seal_key, s.seal_image})
    if (!file.empty() && !fs::exists(file, ec))
      return refused(409, "Không có tệp " + file + " mà tệp cài đặt chỉ tới: hãy đặt khóa và hình chữ ký, con dấu của cơ quan "
                          "vào đó, hoặc tạo bộ khóa thử bằng scripts/make-test-keys.sh (README).");
  std::lock_guard lock(c.register_mutex);
  const std::string pdf_path = issued_dir(c) + "/" + name + ".pdf";
  const std::optional<std::string> pdf = read_file_bytes(pdf_path);
  if (!pdf) return refused(409, "Văn bản chưa được cấp số: hãy cấp số trước khi ký.");
  if (is_signed(*pdf)) return refused(409, "Văn bản đã được ký.");
  auto issued = issue_and_render(c, name, std::nullopt, "Không ký");  // the register's entry; nothing changed since
  if (auto* r = std::get_if<StepResult>(&issued)) return *r;
  IssuedDraft& d = std::get<IssuedDraft>(issued);
  if (d.rendered.find("pdf")->bytes != *pdf)
    return refused(409, "Tệp " + pdf_path + " không còn là bản đã cấp số; hãy cấp số lại.");
  const double seal_mm = s.seal_size.empty() ? 0 : std::strtod(s.seal_size.c_str(), nullptr);
  const std::time_t now = std::time(nullptr);
  const Result<SigningSetup> setup =
      load_signing_files({s.key, s.signature_image, s.seal_key, s.seal_image, seal_mm, ""}, password, seal_password, now);
  if (!setup.ok()) return refused(422, "Không ký được: " + setup.errors.front().message, setup.errors);
  Result<std::string> signed_pdf = sign_issued_pdf(*pdf, *setup.value, now);
  if (!signed_pdf.ok()) return refused(422, "Không ký được.", signed_pdf.errors);
  const std::string error = write_and_record(c, {{name + ".pdf", *signed_pdf.value}}, [&](Register& reg, const std::vector<IssuedFile>& written) {
    return reg.record_signed(d.issued.issued.id, written.front());
  });
  if (!error.empty()) return refused(500, error);
  return {200, "Đã ký số văn bản số " + d.number_text + " (" + setup.value->signer.common_name() + (setup.value->seal ? ", có con dấu" : "") + ").",
          {}, d.printed, {}};
}

// Only a document issued and signed is published: on the board's site it stands for the
// office's document, and an electronic document is the office's once signed (NĐ 30, Điều 6).
StepResult publish_issued(ServeContext& c, const std::string& name) {
  const ServeSettings& settings = c.setup.settings;
  std::lock_guard lock(c.register_mutex);
  const std::optional<std::string> pdf = read_file_bytes(issued_dir(c) + "/" + name + ".pdf");
  const std::optional<std::string> html = read_file_bytes(issued_dir(c) + "/" + name + ".html");
  const std::optional<StoredDraft> stored = c.drafts.load(name);
  if (!stored) return refused(404, "Không có bản nháp '" + name + "'.");
  if (!pdf || !html) return refused(409, "Văn bản chưa được cấp số: hãy cấp số và ký số trước khi đăng.");
  if (!is_signed(*pdf)) return refused(409, "Văn bản chưa được ký số: chỉ văn bản đã cấp số và ký số mới được đăng lên trang tin.");
  auto issued = issue_and_render(c, name, std::nullopt, "Không đăng");  // its register entry; nothing changed since
  if (auto* r = std::get_if<StepResult>(&issued)) return *r;
  const IssuedDraft& d = std::get<IssuedDraft>(issued);
  const fs::path site_settings = fs::path(c.setup.content_dir) / "site.xml";
  std::error_code ec;
  if (!fs::exists(site_settings, ec)) return refused(409, "Chưa có " + site_settings.string() + ": trang tin chưa được cài đặt.");
  const std::string documents = c.setup.content_dir + "/documents";
  const std::optional<std::string> existing = read_file_bytes(documents + "/" + name + ".xml");
  if (existing && *existing != stored->bytes)
    return refused(409, documents + "/" + name + ".xml đã có và là văn bản khác; hãy đặt tên khác cho bản nháp.");
  if (const std::string error = write_file_atomically(documents, name + ".xml", stored->bytes); !error.empty())
    return refused(500, error);
  // The documents folder built as `vanban build` builds it (its records are what the site shows;
  // the site links the signed PDF of OUT/issued/ that the register vouches for), then the site.
  std::ostringstream messages;
  BuildRequest build;
  build.content_dir = c.setup.content_dir;
  build.output_dir = c.setup.output_dir;
  build.month = kDocumentsFolder;
  build.jobs = 1;
  build.progress = ProgressMode::Quiet;
  build.data_dir = c.setup.data_dir;
  build.engine_fingerprint = c.setup.engine_fingerprint;
  if (run_build(c.engine, build, messages) >= 2) return refused(500, "Không dựng được văn bản: " + messages.str());
  site::SiteRequest request;
  request.content_dir = c.setup.content_dir;
  request.build_dir = c.setup.output_dir;
  request.site_dir = c.setup.output_dir + "/site";
  request.data_dir = c.setup.data_dir;
  request.register_file = settings.register_file;
  request.engine_fingerprint = c.setup.engine_fingerprint;
  request.jobs = 1;
  request.quiet = true;
  site::SiteOutcome outcome;
  const int status = site::run_site(c.engine, request, messages, &outcome);
  if (status >= 2) return refused(500, "Không ghi được trang tin: " + messages.str());
  Result<Register> reg = Register::open(c.setup.settings.register_file);
  const Result<bool> recorded = reg.ok() ? reg.value->record_published(d.issued.issued.id, {name + ".pdf", sha256_hex(*pdf)})
                                         : Result<bool>::failure(reg.errors.front());
  if (!recorded.ok()) return refused(500, "Đã đăng nhưng không ghi được vào sổ đăng ký: " + recorded.errors.front().to_string());
  return {200, "Đã đăng văn bản số " + d.number_text + " lên trang tin (" + std::to_string(outcome.documents) + " văn bản)." +
                   (status == 1 ? " Một số văn bản khác không đăng được: " + messages.str() : ""),
          {}, d.printed, {}};
}

std::optional<RegisterEntry> draft_register_entry(ServeContext& c, const std::string& name) {
  const std::string& file = c.setup.settings.register_file;
  std::error_code ec;
  // Looking does not create the register: it is made by the first Issue.
  if (file.empty() || !register_path_problem(file, c.setup.output_dir).empty() || !fs::is_regular_file(file, ec))
    return std::nullopt;
  const std::optional<StoredDraft> stored = c.drafts.load(name);
  if (!stored) return std::nullopt;
  const Result<Draft> draft = read_draft(stored->bytes, c.draft_file(name));
  if (!draft.ok()) return std::nullopt;
  const DraftIssuer& i = draft.value->issuer;
  std::lock_guard lock(c.register_mutex);
  Result<Register> reg = Register::open(file);
  if (!reg.ok()) return std::nullopt;
  Result<std::optional<RegisterEntry>> entry = reg.value->entry({{i.code, i.name, i.parent}, draft.value->type, name});
  return entry.ok() ? std::move(*entry.value) : std::nullopt;
}

}  // namespace vanban::serve
