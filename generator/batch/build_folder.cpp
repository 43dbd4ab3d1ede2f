#include "batch/build_folder.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "batch/folder_ledger.h"
#include "batch/issue_markup.h"
#include "batch/manifest.h"
#include "batch/sha256.h"
#include "batch/web_fonts_folder.h"
#include "batch/work_pool.h"
#include "output/atomic_file.h"
#include "output/output_name.h"
#include "register/numbered_markup.h"
#include "register/register_path.h"

namespace vanban {


namespace {

struct Rendered {
  BuildItem item;
  PlannedDocument planned;
  Result<RenderedDocument> document;
  std::string kind;
  std::string number_text;  // as printed: "Số 12-BC/BTGDVTU"
  std::string unsigned_pdf_hash;  // SHA-256 of the PDF before it was signed; empty when not signed
  std::string hash;         // the document's, when the worker made it (not issued through a register)
  bool unchanged = false;   // its files are up to date: nothing rendered
  bool no_markup = false;   // its markup could not be generated: nothing rendered, nothing removed
  bool lost = false;        // the build's records could not say which document it is
};

Rendered render_item(const Engine& engine, const BuildItem& item, const std::string& source,
                     const std::string& markup, const SigningSetup* signing) {
  Rendered out;
  Result<ResolvedDocument> resolved = engine.resolve_bytes(markup, source);
  out.document.errors = std::move(resolved.errors);
  if (!resolved.ok()) return out;
  out.kind = resolved.value->type;
  out.number_text = resolved.value->number.text;
  OutputFormats formats;
  formats.booklet = item.booklet;
  formats.article = true;  // for vanban site, which never reads the markup again
  Result<RenderedDocument> rendered = engine.render(*resolved.value, formats);
  out.document.errors.insert(out.document.errors.end(), rendered.errors.begin(), rendered.errors.end());
  out.document.value = std::move(rendered.value);
  Output* pdf = out.document.value ? out.document.value->find("pdf") : nullptr;
  if (signing && pdf) {  // signing is a step on the PDF output: NAME.pdf is the signed file
    Result<std::string> signed_pdf = sign_issued_pdf(pdf->bytes, *signing, std::time(nullptr));
    for (Diagnostic& d : signed_pdf.errors) {
      d.file = source;
      out.document.errors.push_back(std::move(d));
    }
    if (!signed_pdf.ok()) {
      out.document.value.reset();
      return out;
    }
    out.unsigned_pdf_hash = sha256_hex(pdf->bytes);
    pdf->bytes = std::move(*signed_pdf.value);
  }
  return out;
}

// Writes the files, the PDF first; an empty string, or why not.
std::string write_outputs(const std::string& dir, const std::string& name, const RenderedDocument& doc) {
  for (const Output& output : doc.outputs)
    if (std::string error = write_file_atomically(dir, name + output.suffix, output.bytes); !error.empty()) return error;
  return {};
}

std::uint64_t size_of(const RenderedDocument& doc, std::string_view format) {
  const Output* output = doc.find(format);
  return output ? output->bytes.size() : 0;
}

class FolderBuilder {
 public:
  FolderBuilder(const Engine& engine, FolderJob job, const FolderSettings& settings, Progress& progress)
      : engine_(engine), job_(std::move(job)), settings_(settings), progress_(progress) {
    out_.label = job_.label;
    out_.input = job_.input;
    out_.output_dir = job_.output_dir;
    out_.documents = job_.count;
  }

  FolderOutcome run(const std::function<bool()>& keep_going) {
    for (Diagnostic& d : job_.rejected) report(std::move(d));
    for (Diagnostic& d : job_.warnings) report(std::move(d));
    std::string error;
    out_.ledger = FolderLedger::open(job_.output_dir, error);
    ledger_ = out_.ledger.get();
    if (!ledger_) {  // nothing can be kept track of: nothing is rendered, the old outputs stay
      report({job_.output_dir, 0, 0, "cannot keep the build's records there: " + error});
      return std::move(out_);
    }
    open_register();
    plan();
    // Every page of the folder is drawn in the shipped face (batch/web_fonts_folder.h).
    if (job_.count > 0)
      for (Diagnostic& d : place_web_fonts(engine_.data_dir(), job_.output_dir)) report(std::move(d));

    const std::size_t planned = ledger_->planned();
    progress_.start(job_.label, planned);
    std::size_t finished = 0;
    const std::size_t consumed = run_pool<Rendered>(
        planned, settings_.jobs, [&](std::size_t k) { return produce(k); },
        [&](std::size_t k, Rendered r) {
          take(k, std::move(r));
          progress_.update(++finished);
        },
        // Once the build's records fail (a full disk, say), no document can be told apart.
        [&] { return keep_going() && ledger_->error().empty(); });
    progress_.finish();
    out_.interrupted = consumed < planned;
    release_messages(true);

    if (!out_.interrupted && job_.input_complete) ledger_->remove_unclaimed();
    save_manifest();
    if (const std::string lost = ledger_->error(); !lost.empty())
      report({job_.output_dir, 0, 0, "the build's records are incomplete: " + lost});
    return std::move(out_);
  }

 private:
  // Without a register the job cannot number its documents: nothing is rendered and the old
  // outputs stay.
  void open_register() {
    if (job_.register_file.empty()) return;
    // Checked before opening: opening creates the file.
    std::string problem = register_path_problem(job_.register_file, job_.output_dir);
    Result<Register> opened = problem.empty() ? Register::open(job_.register_file)
                                              : Result<Register>::failure({job_.register_file, 0, 0, problem});
    for (Diagnostic& d : opened.errors) report(std::move(d));
    if (opened.ok()) {
      register_.emplace(std::move(*opened.value));
      return;
    }
    job_.count = 0;
    job_.input_complete = false;
  }

  // Refuses unusable names and plans the documents for the workers. Items in a series are issued
  // here, in job order, when the job has a register: their markup gets its number and date, the
  // same on every run, and is hashed here (generated markup is made again to render). Every
  // other item is generated, hashed and checked against the manifest on the workers, at the same
  // time as others render, and its markup made only once.
  void plan() {
    for (std::size_t i = 0; i < job_.count; ++i) {
      Result<BuildItem> made = job_.item(i);
      for (Diagnostic& d : made.errors) report(std::move(d));
      if (!made.ok()) {  // nameless, it replaces nothing: nothing stale is removed
        job_.input_complete = false;
        continue;
      }
      const BuildItem& item = *made.value;
      if (!is_plain_output_name(item.name)) {
        report({job_.source_of(item), 0, 0, "'" + item.name + "' cannot be an output name"});
        continue;
      }
      if (!ledger_->claim(item.name)) {
        report({job_.source_of(item), 0, 0, "output name '" + item.name + "' is already taken in " + job_.output_dir});
        continue;
      }
      PlannedDocument planned;
      planned.item = i;
      planned.name = item.name;
      if (!register_ || !item.in_series) {
        ledger_->plan(planned);
        continue;
      }
      Result<std::string> markup = job_.markup_of(item);
      for (Diagnostic& d : markup.errors) report(std::move(d));
      if (!markup.ok()) {  // what it would replace may still be right: nothing stale is removed
        ledger_->add(Listed::Failed, item.name);
        job_.input_complete = false;
        continue;
      }
      Result<IssuedMarkup> issued = issue_markup(engine_, *register_, *markup.value, job_.source_of(item), item.name, {});
      for (Diagnostic& d : issued.errors) report(std::move(d));
      if (!issued.ok()) {  // refused (changed since it was issued, say): its issued files stay
        ledger_->add(Listed::Failed, item.name);
        continue;
      }
      planned.register_id = issued.value->issued.id;
      planned.number = issued.value->issued.number;
      planned.date = issued.value->issued.date;
      planned.hash = document_hash(settings_.engine_fingerprint + settings_.signing_fingerprint, issued.value->markup);
      const std::optional<ManifestEntry> recorded = ledger_->recorded(item.name);
      if (up_to_date(recorded ? &*recorded : nullptr, job_.output_dir, item.name, planned.hash))
        ledger_->add(Listed::Unchanged, item.name);
      else
        ledger_->plan(planned);
    }
  }

  // On a worker thread: the document's markup, its hash and, unless its files are up to date,
  // the rendered document. Only what the office issues is signed: not a draft, a guide or a cadre's
  // own report.
  Rendered produce(std::size_t k) const {
    Rendered out;
    std::optional<PlannedDocument> found = ledger_->planned(k);
    if (!found) {  // the run stops (keep_going below): nothing is known of this document
      out.no_markup = true;
      out.lost = true;
      return out;
    }
    PlannedDocument& planned = *found;
    Result<BuildItem> made = job_.item(planned.item);
    // An item that cannot be made again is one without its markup, named as plan() found it.
    BuildItem item = made.ok() ? std::move(*made.value) : BuildItem{planned.name, {}, {}, false, false, std::nullopt};
    Result<std::string> markup = made.ok() ? job_.markup_of(item) : Result<std::string>{{}, std::move(made.errors)};
    if (!markup.ok()) {
      out.document.errors = std::move(markup.errors);
      out.no_markup = true;
    } else if (planned.register_id) {  // the markup plan() issued: numbered again
      const std::optional<MarkupSlots> slots = find_markup_slots(*markup.value);  // issue_markup found them
      markup.value = markup_with_number(*markup.value, *slots, planned.number, planned.date);
      out = render_item(engine_, item, job_.source_of(item), *markup.value, settings_.signing);
    } else {
      std::string hash = document_hash(settings_.engine_fingerprint, *markup.value);
      // The manifest's entry as the run began: only this document's own changes it.
      const std::optional<ManifestEntry> recorded = ledger_->recorded(item.name);
      if (up_to_date(recorded ? &*recorded : nullptr, job_.output_dir, item.name, hash)) {
        out.unchanged = true;
      } else {
        out = render_item(engine_, item, job_.source_of(item), *markup.value, nullptr);
      }
      out.hash = std::move(hash);
    }
    out.item = std::move(item);
    out.planned = std::move(planned);
    return out;
  }

  void take(std::size_t k, Rendered r) {
    const BuildItem& item = r.item;
    Diagnostics messages = std::move(r.document.errors);
    if (r.lost) {  // said once, as the run ends: "the build's records are incomplete"
      job_.input_complete = false;
    } else if (r.unchanged) {
      ledger_->add(Listed::Unchanged, item.name);
    } else if (r.no_markup) {
      // Without its markup, what it would replace may still be right: nothing stale is removed.
      ledger_->add(Listed::Failed, item.name);
      job_.input_complete = false;
    } else {
      const std::string& hash = r.planned.register_id ? r.planned.hash : r.hash;
      bool failed = !r.document.ok() ||
                    std::any_of(messages.begin(), messages.end(), [](const Diagnostic& d) { return !d.warning; });
      if (!failed) {
        const RenderedDocument& doc = *r.document.value;
        const std::string error = write_outputs(job_.output_dir, item.name, doc);
        if (error.empty()) {
          const std::uint64_t pdf = size_of(doc, "pdf"), html = size_of(doc, "html"), booklet = size_of(doc, "booklet");
          ledger_->record(item.name, {hash, pdf, html, booklet, size_of(doc, "article")});
          if (r.planned.register_id) record(r.planned.register_id, item, r, messages);
          ledger_->add_written({item.name, r.kind, doc.find("pdf")->pages, pdf, html, booklet});
          if (++written_since_save_ >= settings_.save_every && std::chrono::steady_clock::now() >= next_save_)
            save_manifest();
        } else {
          failed = true;
          messages.push_back({job_.source_of(item), 0, 0, error});
        }
      }
      if (failed) {
        ledger_->add(Listed::Failed, item.name);
        // Its old outputs would no longer match the data.
        if (ledger_->remove_outputs(item.name)) ledger_->add(Listed::Removed, item.name);
      }
    }
    const std::size_t at = k - next_message_;
    if (taken_.size() <= at) taken_.resize(at + 1, false);
    taken_[at] = true;
    if (!messages.empty()) waiting_messages_.emplace(k, std::move(messages));
    release_messages(false);
  }

  // The printed number and the files' SHA-256, in the register entry issued in plan(); a signed
  // PDF is recorded as `vanban issue --key` records it: the unsigned file's hash, then the
  // "signed" event that replaces it with the signed file's.
  void record(long long id, const BuildItem& item, const Rendered& r, Diagnostics& messages) {
    std::vector<IssuedFile> files;
    std::optional<IssuedFile> signed_pdf;
    for (const Output& output : r.document.value->outputs) {  // the documents issued, not the site's record of them
      if (output.format == "article") continue;
      files.push_back({item.name + output.suffix, sha256_hex(output.bytes)});
      if (output.format == "pdf" && !r.unsigned_pdf_hash.empty())
        signed_pdf = IssuedFile{files.back().name, std::exchange(files.back().sha256, r.unsigned_pdf_hash)};
    }
    Result<bool> recorded = register_->record_output(id, number_without_label(r.number_text), files);
    if (recorded.ok() && signed_pdf) recorded = register_->record_signed(id, *signed_pdf);
    for (const Diagnostic& d : recorded.errors) messages.push_back({job_.source_of(item), 0, 0, d.message});
  }

  // Prints the messages of the documents taken so far, in order, up to the first not yet taken;
  // with `all`, those after such a gap too (the run was stopped).
  void release_messages(bool all) {
    for (; !taken_.empty() && (taken_.front() || all); taken_.pop_front(), ++next_message_) {
      const auto waiting = waiting_messages_.find(next_message_);
      if (waiting == waiting_messages_.end()) continue;
      for (Diagnostic& d : waiting->second) report(std::move(d));
      waiting_messages_.erase(waiting);
    }
  }

  // A save writes the whole manifest, so saving every save_every documents would make a month of
  // a million documents quadratic: the next save waits ten times as long as this one took.
  void save_manifest() {
    written_since_save_ = 0;
    const auto start = std::chrono::steady_clock::now();
    const std::string error = ledger_->save_manifest();
    const auto end = std::chrono::steady_clock::now();
    next_save_ = end + 10 * (end - start);
    if (!error.empty()) report({job_.output_dir, 0, 0, error + "; the next run renders everything again", true});
  }

  void report(Diagnostic d) {
    progress_.message(d.to_string());
    (d.warning ? out_.warnings : out_.rejected).push_back(std::move(d));
  }

  const Engine& engine_;
  FolderJob job_;
  const FolderSettings& settings_;
  Progress& progress_;
  FolderOutcome out_;
  FolderLedger* ledger_ = nullptr;  // out_'s
  std::optional<Register> register_;
  // The documents from the first whose messages are not printed yet: taken or not. Documents
  // start in order, so only those taken while one before them still renders wait here.
  std::deque<bool> taken_;
  std::map<std::size_t, Diagnostics> waiting_messages_;  // by document, when it has some
  std::size_t next_message_ = 0;
  std::size_t written_since_save_ = 0;
  std::chrono::steady_clock::time_point next_save_{};
};

}  // namespace

FolderOutcome build_folder(const Engine& engine, FolderJob job, const FolderSettings& settings,
                           Progress& progress, const std::function<bool()>& keep_going) {
  return FolderBuilder(engine, std::move(job), settings, progress).run(keep_going);
}

}  // namespace vanban
