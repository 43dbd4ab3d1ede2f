#include "batch/build_folder.h"

#include <algorithm>
#include <ctime>
#include <optional>
#include <string_view>
#include <unordered_set>
#include <utility>

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
  Result<RenderedDocument> document;
  std::string kind;
  std::string number_text;  // as printed: "Số 12-BC/BTGDVTU"
  std::string unsigned_pdf_hash;  // SHA-256 of the PDF before it was signed; empty when not signed
  std::string hash;         // the document's, when the worker made it (not issued through a register)
  bool unchanged = false;   // its files are up to date: nothing rendered
  bool no_markup = false;   // its markup could not be generated: nothing rendered, nothing removed
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
      : engine_(engine), job_(std::move(job)), settings_(settings), progress_(progress),
        manifest_(Manifest::load(job_.output_dir)) {
    out_.label = job_.label;
    out_.input = job_.input;
    out_.output_dir = job_.output_dir;
    out_.documents = job_.items.size();
  }

  FolderOutcome run(const std::function<bool()>& keep_going) {
    for (Diagnostic& d : job_.rejected) report(std::move(d));
    for (Diagnostic& d : job_.warnings) report(std::move(d));
    open_register();
    plan();
    // Every page of the folder is drawn in the shipped face (batch/web_fonts_folder.h).
    if (!job_.items.empty())
      for (Diagnostic& d : place_web_fonts(engine_.data_dir(), job_.output_dir)) report(std::move(d));

    done_.resize(todo_.size());
    progress_.start(job_.label, todo_.size());
    std::size_t finished = 0;
    const std::size_t consumed = run_pool<Rendered>(
        todo_.size(), settings_.jobs,
        [&](std::size_t k) { return produce(todo_[k]); },
        [&](std::size_t k, Rendered r) {
          take(k, std::move(r));
          progress_.update(++finished);
        },
        keep_going);
    progress_.finish();
    out_.interrupted = consumed < todo_.size();
    release_messages(true);

    for (std::size_t k = 0; k < done_.size(); ++k) {
      const std::string& name = job_.items[todo_[k].item].name;
      if (done_[k].written) out_.written.push_back(std::move(*done_[k].written));
      if (done_[k].failed) out_.failed.push_back(name);
      if (done_[k].removed) out_.removed.push_back(name);
      if (done_[k].unchanged) unchanged_[todo_[k].item] = true;
    }
    for (std::size_t i = 0; i < job_.items.size(); ++i)
      if (unchanged_[i]) out_.unchanged.push_back(job_.items[i].name);
    if (!out_.interrupted && job_.input_complete) remove_stale();
    save_manifest();
    return std::move(out_);
  }

 private:
  // A document for the worker threads. One issued through the register was hashed in plan() and
  // found out of date; any other is generated and hashed on its worker, and rendered there unless
  // it is up to date.
  struct Todo {
    std::size_t item = 0;
    std::string hash;
    const ManifestEntry* recorded = nullptr;  // the manifest's entry for it as the run began
    long long register_id = 0;  // its register entry; 0: not issued through one
    int number = 0;             // and the number and date it was issued with
    CivilDate date;
  };
  // What became of one document to render; its messages wait until those of every document
  // before it are out, so that they come in the same order whatever the threads.
  struct Done {
    bool taken = false;
    bool unchanged = false;
    bool failed = false;
    bool removed = false;  // its old outputs were deleted
    std::optional<BuiltDocument> written;
    Diagnostics messages;
  };

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
    job_.items.clear();
    job_.input_complete = false;
  }

  // Refuses unusable names and lists the documents for the workers. Items in a series are issued
  // here, in job order, when the job has a register: their markup gets its number and date, the
  // same on every run, and is hashed here (generated markup is made again to render). Every
  // other item is generated, hashed and checked against the manifest on the workers, at the same
  // time as others render, and its markup made only once.
  void plan() {
    unchanged_.assign(job_.items.size(), false);
    for (std::size_t i = 0; i < job_.items.size(); ++i) {
      const BuildItem& item = job_.items[i];
      if (!is_plain_output_name(item.name)) {
        report({job_.source_of(item), 0, 0, "'" + item.name + "' cannot be an output name"});
        continue;
      }
      if (!names_.insert(item.name).second) {
        report({job_.source_of(item), 0, 0, "output name '" + item.name + "' is already taken in " + job_.output_dir});
        continue;
      }
      if (!register_ || !item.in_series) {
        Todo todo;
        todo.item = i;
        todo.recorded = manifest_.find(item.name);
        todo_.push_back(std::move(todo));
        continue;
      }
      Result<std::string> markup = job_.markup_of(item);
      for (Diagnostic& d : markup.errors) report(std::move(d));
      if (!markup.ok()) {  // what it would replace may still be right: nothing stale is removed
        out_.failed.push_back(item.name);
        job_.input_complete = false;
        continue;
      }
      Result<IssuedMarkup> issued = issue_markup(engine_, *register_, *markup.value, job_.source_of(item), item.name, {});
      for (Diagnostic& d : issued.errors) report(std::move(d));
      if (!issued.ok()) {  // refused (changed since it was issued, say): its issued files stay
        out_.failed.push_back(item.name);
        continue;
      }
      Todo todo;
      todo.item = i;
      todo.register_id = issued.value->issued.id;
      todo.number = issued.value->issued.number;
      todo.date = issued.value->issued.date;
      todo.hash = document_hash(settings_.engine_fingerprint + settings_.signing_fingerprint, issued.value->markup);
      if (manifest_.up_to_date(job_.output_dir, item.name, todo.hash)) {
        unchanged_[i] = true;
      } else {
        todo_.push_back(std::move(todo));
      }
    }
  }

  // On a worker thread: the document's markup, its hash and, unless its files are up to date,
  // the rendered document. Only what the office issues is signed: not a draft, a guide or a cadre's
  // own report.
  Rendered produce(const Todo& todo) const {
    const BuildItem& item = job_.items[todo.item];
    Result<std::string> markup = job_.markup_of(item);
    Rendered out;
    if (!markup.ok()) {
      out.document.errors = std::move(markup.errors);
      out.no_markup = true;
      return out;
    }
    if (todo.register_id) {  // the markup plan() issued: numbered again
      const std::optional<MarkupSlots> slots = find_markup_slots(*markup.value);  // issue_markup found them
      markup.value = markup_with_number(*markup.value, *slots, todo.number, todo.date);
      return render_item(engine_, item, job_.source_of(item), *markup.value, settings_.signing);
    }
    out.hash = document_hash(settings_.engine_fingerprint, *markup.value);
    if (Manifest::up_to_date(todo.recorded, job_.output_dir, item.name, out.hash)) {
      out.unchanged = true;
      return out;
    }
    Rendered rendered = render_item(engine_, item, job_.source_of(item), *markup.value, nullptr);
    rendered.hash = std::move(out.hash);
    return rendered;
  }

  void take(std::size_t k, Rendered r) {
    const Todo& todo = todo_[k];
    const BuildItem& item = job_.items[todo.item];
    Done& done = done_[k];
    done.taken = true;
    done.unchanged = r.unchanged;
    done.messages = std::move(r.document.errors);
    if (r.unchanged || r.no_markup) {
      // Without its markup, what it would replace may still be right: nothing stale is removed.
      done.failed = r.no_markup;
      if (r.no_markup) job_.input_complete = false;
      release_messages(false);
      return;
    }
    const std::string& hash = todo.register_id ? todo.hash : r.hash;
    done.failed = !r.document.ok() ||
                  std::any_of(done.messages.begin(), done.messages.end(), [](const Diagnostic& d) { return !d.warning; });
    if (!done.failed) {
      const RenderedDocument& doc = *r.document.value;
      const std::string error = write_outputs(job_.output_dir, item.name, doc);
      if (error.empty()) {
        const std::uint64_t pdf = size_of(doc, "pdf"), html = size_of(doc, "html"), booklet = size_of(doc, "booklet");
        manifest_.set(item.name, {hash, pdf, html, booklet, size_of(doc, "article")});
        if (todo.register_id) record(todo.register_id, item, r, done.messages);
        done.written = BuiltDocument{item.name, r.kind, doc.find("pdf")->pages, pdf, html, booklet};
        if (++written_since_save_ >= settings_.save_every) save_manifest();
      } else {
        done.failed = true;
        done.messages.push_back({job_.source_of(item), 0, 0, error});
      }
    }
    if (done.failed) done.removed = remove_outputs(item.name);
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
    for (; next_message_ < done_.size(); ++next_message_) {
      Done& done = done_[next_message_];
      if (!done.taken) {
        if (all) continue;
        break;
      }
      for (Diagnostic& d : done.messages) report(std::move(d));
      done.messages.clear();
    }
  }

  // Deletes the outputs of a document the manifest knows, so that none is left that no longer
  // matches the data (Manifest::remove_outputs says which files it may touch).
  bool remove_outputs(const std::string& name) { return manifest_.remove_outputs(job_.output_dir, name); }

  void remove_stale() {
    std::vector<std::string> gone;
    for (const auto& [name, entry] : manifest_.entries())
      if (!names_.count(name)) gone.push_back(name);
    for (const std::string& name : gone)
      if (remove_outputs(name)) out_.removed.push_back(name);
  }

  void save_manifest() {
    written_since_save_ = 0;
    const std::string error = manifest_.save(job_.output_dir);
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
  Manifest manifest_;
  std::optional<Register> register_;
  FolderOutcome out_;
  std::unordered_set<std::string_view> names_;  // of job_.items, which stay where they are
  std::vector<Todo> todo_;
  std::vector<Done> done_;
  std::vector<bool> unchanged_;  // by item
  std::size_t next_message_ = 0;
  std::size_t written_since_save_ = 0;
};

}  // namespace

FolderOutcome build_folder(const Engine& engine, FolderJob job, const FolderSettings& settings,
                           Progress& progress, const std::function<bool()>& keep_going) {
  return FolderBuilder(engine, std::move(job), settings, progress).run(keep_going);
}

}  // namespace vanban
