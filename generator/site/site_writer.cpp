#include "site/site_writer.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include <nlohmann/json.hpp>

#include "batch/build_run.h"
#include "batch/manifest.h"
#include "batch/sha256.h"
#include "batch/work_pool.h"
#include "batch/write_if_changed.h"
#include "html/kept_html.h"
#include "html/web_fonts.h"
#include "input/phrase_list_reader.h"
#include "input/site_settings_reader.h"
#include "output/atomic_file.h"
#include "output/file_bytes.h"
#include "output/linked_copy.h"
#include "output/record_file.h"
#include "site/article_slug.h"
#include "site/feed.h"
#include "site/issued_pdfs.h"
#include "site/listing.h"
#include "site/page_digest.h"
#include "site/search_index.h"
#include "site/signed_pdf.h"
#include "site/site_manifest.h"
#include "site/site_templates.h"
#include "text/vietnamese_format.h"

namespace vanban::site {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kRelated = 6;
constexpr const char* kIndexFolder = "tim-kiem/";
constexpr const char* kIndexFile = "tim-kiem/index.js";  // its "made" line is the whole index's
// An article's description is an excerpt of about 200 characters of its body: this much of the
// text after the subject holds it.
constexpr std::size_t kDescriptionBytes = 4096;
struct Prepared {
  std::optional<SiteDocument> document;
  Diagnostics document_errors;  // why the document could not be read (the build says so too)
};

// One file of the site as a worker placed it, for the calling thread to record.
struct Placed {
  std::string path;  // relative to the site folder
  std::uint64_t size = 0;
  bool written = false;
  std::string error;
  std::string digest;  // a page's: what it was made from (site/page_digest.h)
};

// What writing one article did: its files (page, PDFs), and what to report.
struct ArticleFiles {
  std::vector<Placed> files;
  Diagnostics rejected;
  Diagnostics warnings;
};

// Compiled templates are not for concurrent use (templating/render_template.h): each worker
// borrows a set of its own.
class TemplateSets {
 public:
  TemplateSets(const std::string& dir, unsigned count) {
    for (unsigned i = 0; i < count; ++i) {
      Result<SiteTemplates> t = SiteTemplates::load(dir);
      if (t.ok()) free_.push_back(std::make_unique<SiteTemplates>(std::move(*t.value)));
    }
  }
  std::unique_ptr<SiteTemplates> take() {
    std::lock_guard lock(mutex_);
    if (free_.empty()) return nullptr;
    std::unique_ptr<SiteTemplates> t = std::move(free_.back());
    free_.pop_back();
    return t;
  }
  void give_back(std::unique_ptr<SiteTemplates> t) {
    std::lock_guard lock(mutex_);
    free_.push_back(std::move(t));
  }

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<SiteTemplates>> free_;
};

// The documents the build's last run in DIR refused ("failed" in DIR/run-report.json); none when
// there is no report or it cannot be read.
std::vector<std::string> refused_documents(const std::string& dir) {
  const std::optional<std::string> report = read_file_bytes((fs::path(dir) / "run-report.json").string());
  if (!report) return {};
  const nlohmann::json json = nlohmann::json::parse(*report, nullptr, false);
  std::vector<std::string> names;
  if (json.is_object() && json.contains("failed") && json["failed"].is_array())
    for (const nlohmann::json& name : json["failed"])
      if (name.is_string()) names.push_back(name.get<std::string>());
  return names;
}

// "84 KB", "1,2 MB": the size a reader weighs before a download.
std::string file_size_label(std::size_t bytes) {
  if (bytes < 1000 * 1000) return text::format_integer(static_cast<long long>((bytes + 999) / 1000)) + " KB";
  const long long tenths = static_cast<long long>((bytes + 50'000) / 100'000);
  return text::format_integer(tenths / 10) + "," + std::to_string(tenths % 10) + " MB";
}

std::string month_key(const CivilDate& d) { return date_iso(d).substr(0, 7); }
std::string month_label(const CivilDate& d) { return std::to_string(d.month) + "/" + std::to_string(d.year); }

// A group of documents one listing shows: a month, a type or an issuer.
struct Group {
  std::string base;   // "thang/2026-10"
  std::string label;  // "Tháng 10/2026"
  std::string heading;
  std::vector<std::size_t> docs;  // indices into the newest-first list
};

class SiteWriter {
 public:
  SiteWriter(const Engine& engine, const SiteRequest& request, const SiteSettings& settings,
             const SiteTemplates& templates, const text::KeepTogether& phrases)
      : engine_(engine), request_(request), settings_(settings), templates_(templates),
        earlier_(SiteManifest::load(request.site_dir)) {
    // The banner keeps names on one line as the documents' headers do: at 390 px "TỈNH ỦY
    // TRƯỜNG GIANG" moves whole to the next line, never leaving "TRƯỜNG GIANG" alone.
    text::KeepTogether board(std::make_shared<const text::KeepTogether>(phrases));
    board.add_name(settings.board);
    board.add_phrase(parent_body(settings.board, board), text::Bond::Soft);
    append_kept_html(board_html_, settings.board, board);
  }

  // The body a board belongs to, at the end of its name, as the documents' headers print it on a
  // line of its own: two kept phrases side by side that end the name ("Tỉnh ủy" "Trường Giang",
  // "Thành ủy" "Thành phố Hồ Chí Minh"); empty when there are none.
  static std::string_view parent_body(std::string_view name, const text::KeepTogether& keep) {
    const std::vector<text::KeptSpan> spans = keep.spans(name);
    std::size_t last = std::string_view::npos;  // where the longest span but the whole name ending it starts
    for (const text::KeptSpan& s : spans)
      if (s.end == name.size() && s.begin > 0 && s.begin < last) last = s.begin;
    if (last == std::string_view::npos) return {};
    std::size_t first = std::string_view::npos;
    for (const text::KeptSpan& s : spans)
      if (s.end + 1 == last && s.begin < first) first = s.begin;
    return first == std::string_view::npos ? std::string_view() : name.substr(first);
  }

  SiteOutcome run(const std::vector<std::string>& folders) {
    Diagnostics register_problems;
    issued_ = issued_signed_pdfs(request_.register_file, (fs::path(request_.build_dir) / "issued").string(),
                                 register_problems);
    for (Diagnostic& d : register_problems) warn(std::move(d));
    collect(folders);
    assign_slugs();
    std::sort(docs_.begin(), docs_.end(), [](const SiteDocument& a, const SiteDocument& b) {
      return a.date != b.date ? a.date > b.date : a.key < b.key;
    });
    out_.documents = docs_.size();
    group();
    write_assets();
    // The search index is made while the articles are written (it reads the documents' fields
    // and texts, which the article workers never touch), unless the documents, their order and
    // their addresses are those the site's index was made from.
    const std::string index_digest = search_index_digest();
    std::future<std::vector<SiteFile>> index;
    std::vector<std::string> unreadable;
    if (!earlier_index_holds(index_digest)) {
      index = std::async(std::launch::async, [this, &unreadable] {
        unreadable = load_texts(docs_.size());
        std::vector<const SiteDocument*> newest;
        for (const SiteDocument& d : docs_) newest.push_back(&d);
        return search_index_files(newest);
      });
    }
    write_articles();
    for (const auto* groups : {&months_, &types_, &issuers_})
      for (const auto& [key, g] : *groups) write_listing(g);
    if (index.valid()) {
      write_search_index(index.get(), index_digest);
      for (const std::string& path : unreadable)
        warn({path, 0, 0, "changed while the site was written, so its words are not in the search index; run "
                          "vanban site again"});
    } else {
      keep_search_index(index_digest);
    }
    write_search_page();
    write_feed_and_sitemap();
    write_home();
    for (const SiteDocument& d : docs_) manifest_.set_slug(d.key, d.slug);
    out_.removed = earlier_.remove_files_not_in(manifest_, request_.site_dir).size();
    const std::string error = write_if_changed(request_.site_dir, SiteManifest::kFileName, manifest_.serialise());
    if (!error.empty()) reject({request_.site_dir, 0, 0, error});
    return std::move(out_);
  }

 private:
  // Every document the build wrote, as each folder's manifest lists it: DIR/NAME.article (read
  // on worker threads) beside DIR/NAME.pdf, trusted only as the plain name and the size recorded
  // there. A document the build refused has no files, so no entry and no page.
  void collect(const std::vector<std::string>& folders) {
    struct Item {
      std::string folder, dir, name;
      ManifestEntry entry;
    };
    std::vector<Item> items;
    for (const std::string& folder : folders) {
      const std::string dir = (fs::path(request_.build_dir) / folder).string();
      std::map<std::string, ManifestEntry> manifest;  // by name, as the file lists them
      read_manifest(dir, [&](std::string_view name, const ManifestEntry& entry) { manifest[std::string(name)] = entry; });
      if (manifest.empty()) warn({dir, 0, 0, "nothing built here yet; run vanban build first"});
      for (const auto& [name, entry] : manifest) items.push_back({folder, dir, name, entry});
      note_refused(folder, dir, manifest);
    }
    std::vector<std::variant<SiteDocument, Diagnostic>> read(items.size());
    run_pool<std::variant<SiteDocument, Diagnostic>>(
        items.size(), jobs(), [&](std::size_t i) { return read_article(items[i].dir, items[i].name, items[i].entry); },
        [&](std::size_t i, std::variant<SiteDocument, Diagnostic> r) { read[i] = std::move(r); }, [] { return true; });
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (Diagnostic* problem = std::get_if<Diagnostic>(&read[i])) {
        reject(std::move(*problem));
        continue;
      }
      SiteDocument& d = std::get<SiteDocument>(read[i]);
      if (!know_stylesheet(d)) {
        reject({d.source, 0, 0, "no layout profile '" + d.family + "' of edition '" + d.edition + "' any more (" +
                items[i].dir + "/" + items[i].name + ".article names it); run vanban build again. The document "
                "is left out of the site"});
        continue;
      }
      d.key = items[i].folder + "/" + items[i].name;
      d.pdf_dir = items[i].dir;
      d.name = items[i].name;
      d.record_identity = items[i].entry.hash + ' ' + std::to_string(items[i].entry.article_bytes);
      docs_.push_back(std::move(d));
    }
  }

  // Whether the profile that `d`'s sheet was written for is known; its stylesheet is then in
  // stylesheets_ under d.stylesheet (until write_assets() names its file there).
  bool know_stylesheet(SiteDocument& d) {
    d.stylesheet = d.family + '\n' + d.edition;
    if (stylesheets_.count(d.stylesheet)) return true;
    for (const Profile& p : engine_.profiles().all()) {
      if (p.family != d.family || p.edition != d.edition) continue;
      stylesheets_[d.stylesheet] = site_article_stylesheet(p);
      return true;
    }
    return false;
  }

  // The fields of the build's record of DIR/NAME, or why the site cannot show it. Safe on any
  // thread.
  static std::variant<SiteDocument, Diagnostic> read_article(const std::string& dir, const std::string& name,
                                                             const ManifestEntry& entry) {
    const fs::path path = fs::path(dir) / (name + ".article");
    const auto unusable = [&](const std::string& why) {
      return Diagnostic{path.string(), 0, 0, why + "; run vanban build again. The document is left out of the site"};
    };
    std::variant<SiteDocument, std::string> read = read_record_fields(path.string(), entry.article_bytes);
    if (const std::string* why = std::get_if<std::string>(&read))
      return unusable(*why + " (" + std::string(kManifestFile) + " records " +
                      std::to_string(entry.article_bytes) + " bytes)");
    SiteDocument& d = std::get<SiteDocument>(read);
    d.booklet = d.booklet || entry.booklet_bytes > 0;
    return std::move(d);
  }

  // The documents the build refused this time and that have no files (a refused re-issue keeps
  // its issued files, and its page): said once per folder, with where the reasons are.
  void note_refused(const std::string& folder, const std::string& dir,
                    const std::map<std::string, ManifestEntry>& manifest) {
    std::vector<std::string> names;
    for (const std::string& name : refused_documents(dir))
      if (!manifest.count(name)) names.push_back(folder + "/" + name);
    if (names.empty()) return;
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    out_.refused += names.size();
    warn({dir, 0, 0,
          text::format_integer(static_cast<long long>(names.size())) + " document" + (names.size() > 1 ? "s" : "") +
              " refused by the build, so not on the site: " + list + " (the reasons are in " +
              (fs::path(dir) / "run-report.json").string() + ")"});
  }

  // Earlier addresses first; then the oldest documents get the plainest ones.
  void assign_slugs() {
    SlugBook book(earlier_.slugs());
    std::set<std::string> keys;
    for (const SiteDocument& d : docs_) keys.insert(d.key);
    book.keep_earlier(keys);
    std::vector<std::size_t> order(docs_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return docs_[a].date != docs_[b].date ? docs_[a].date < docs_[b].date : docs_[a].key < docs_[b].key;
    });
    std::vector<bool> keep(docs_.size(), true);
    for (const std::size_t i : order) {
      SiteDocument& d = docs_[i];
      d.slug = book.claim(d.key, d.subject, {d.addressee, d.issuer, "ngày " + date_dmy(d.date)});
      if (d.slug.empty()) {
        const std::string wanted = slug(d.subject);
        std::string other = book.holder(wanted);
        for (const SiteDocument& o : docs_)
          if (o.key == other) other = o.source;
        reject({d.source, 0, 0,
                "duplicate address: '" + wanted + "' (also with the addressee, the issuer or the date added) is "
                "already the page of " + other + ", a document with the same subject, addressee, issuer and date; "
                "give one of them another subject. This document is left out of the site"});
        keep[i] = false;
      }
    }
    std::vector<SiteDocument> kept;
    for (std::size_t i = 0; i < docs_.size(); ++i)
      if (keep[i]) kept.push_back(std::move(docs_[i]));
    docs_ = std::move(kept);
  }

  void group() {
    for (std::size_t i = 0; i < docs_.size(); ++i) {
      const SiteDocument& d = docs_[i];
      Group& m = months_[month_key(d.date)];
      if (m.base.empty()) {
        m.base = "thang/" + month_key(d.date);
        m.label = "Tháng " + month_label(d.date);
        m.heading = "Văn bản tháng " + month_label(d.date);
      }
      m.docs.push_back(i);
      Group& t = types_[d.type];
      if (t.base.empty()) {
        t.base = "loai/" + d.type;
        t.label = d.type_label;
        t.heading = d.type_label;
      }
      t.docs.push_back(i);
      const std::string issuer = slug(d.issuer);
      Group& o = issuers_[issuer.empty() ? "khac" : issuer];
      if (o.base.empty()) {
        o.base = "co-quan/" + (issuer.empty() ? std::string("khac") : issuer);
        o.label = d.issuer;
        o.heading = "Văn bản của " + d.issuer;
      }
      o.docs.push_back(i);
    }
  }

  unsigned jobs() const {
    return request_.jobs ? request_.jobs : std::max(1u, std::thread::hardware_concurrency());
  }

  // ---- writing ----

  void reject(Diagnostic d) {
    err_lines_.push_back(d.to_string());
    out_.rejected.push_back(std::move(d));
  }

  // Writes the site's file `path` unless it already holds `bytes`. Safe on any thread.
  Placed place(const std::string& path, std::string_view bytes) const {
    const fs::path p(path);
    Placed out{path, bytes.size(), false, {}, {}};
    out.error = write_if_changed((fs::path(request_.site_dir) / p.parent_path()).string(), p.filename().string(), bytes,
                                 &out.written);
    return out;
  }

  // The build's file FROM as the site's `path` (a hard link where it can be), when FROM exists.
  // Safe on any thread.
  std::optional<Placed> place_copy(const std::string& from, const std::string& path) const {
    std::error_code ec;
    if (!fs::is_regular_file(from, ec)) return std::nullopt;
    const fs::path p(path);
    const PlacedFile placed =
        place_linked_copy(from, (fs::path(request_.site_dir) / p.parent_path()).string(), p.filename().string());
    return Placed{path, placed.size, placed.written, placed.error, {}};
  }

  // On the calling thread: the file goes into the manifest and the counts.
  void record(const Placed& file) {
    if (!file.error.empty()) {
      reject({(fs::path(request_.site_dir) / file.path).string(), 0, 0, file.error});
      return;
    }
    manifest_.set_file(file.path, file.size);
    if (!file.digest.empty()) manifest_.set_digest(file.path, file.digest);
    pages_.push_back(file.path);
    ++(file.written ? out_.written : out_.unchanged);
  }

  void put(const std::string& path, std::string_view bytes) { record(place(path, bytes)); }

  // Copies FROM to the site's `path` when FROM exists; its size, or nothing.
  std::optional<std::size_t> copy(const std::string& from, const std::string& path) {
    const std::optional<Placed> placed = place_copy(from, path);
    if (!placed) return std::nullopt;
    record(*placed);
    return placed->size;
  }

  void write_assets() {
    const std::string assets = request_.data_dir + "/templates/site/assets/";
    for (const char* name : {"site.css", "search.js"}) {
      const std::optional<std::string> bytes = read_file_bytes(assets + name);
      if (bytes) put(std::string("assets/") + name, *bytes);
      else reject({assets + name, 0, 0, "cannot read the site asset"});
    }
    // The documents' own typeface (html/web_fonts.h), beside their stylesheets: articles only,
    // so that the home page stays light (the site's own pages name installed faces).
    const std::string fonts = std::string("assets/") + html::kWebFontsFolder + "/";
    for (const html::WebFontFace& f : html::web_font_faces()) copy(request_.data_dir + "/fonts/" + f.file, fonts + f.file);
    copy(request_.data_dir + "/fonts/" + html::kWebFontsLicense, fonts + html::kWebFontsLicense);
    // One stylesheet per profile in use, named by its content.
    for (auto& [profile, css] : stylesheets_) {
      const std::string path = "assets/van-ban-" + sha256_hex(css).substr(0, 12) + ".css";
      put(path, css);
      css = path;
    }
    for (SiteDocument& d : docs_) d.stylesheet = stylesheets_.at(d.stylesheet);
  }

  TemplateContext frame(const std::string& root, const std::string& path, const std::string& title,
                        const std::string& description) const {
    TemplateContext v;
    v.set("root", root);
    v.set("page_title", title);
    v.set("description", description);
    v.set("canonical", settings_.base_url + path);
    v.set("og_type", "website");
    v.set("board", settings_.board);
    v.set("board_html", board_html_);
    v.set("address", settings_.address);
    v.set("editor_in_chief", settings_.editor_in_chief);
    v.set("source_note", settings_.source_note);
    if (!settings_.phone.empty()) v.set("phone", settings_.phone);
    if (!settings_.email.empty()) v.set("email", settings_.email);
    TemplateValue& nav = v.set_list("nav_types");
    for (const auto& [key, g] : types_) {
      TemplateValue& item = nav.add_map();
      item.set("href", g.base + ".html");
      item.set("label", g.label);
      item.set_flag("current", path.rfind(g.base, 0) == 0);
    }
    return v;
  }

  // The page at `path` from `view`, made again only when its digest changed.
  void render(const std::string& path, SiteTemplates::Content content, const TemplateContext& view) {
    const std::string digest =
        page_digest(request_.engine_fingerprint, "page " + std::to_string(static_cast<int>(content)), view);
    if (earlier_.holds(request_.site_dir, path, digest)) {
      record({path, earlier_.files().at(path), false, {}, digest});
      return;
    }
    Result<std::string> page = templates_.page(content, view);
    if (!page.ok()) {
      for (Diagnostic& d : page.errors) reject(std::move(d));
      return;
    }
    Placed placed = place(path, *page.value);
    placed.digest = digest;
    record(placed);
  }

  // What tells `d` apart from `others` of the same subject, for a reader: "gửi ADDRESSEE", the
  // issuer, "số NUMBER", or the date, the first that none of them shares.
  static std::string distinction(const SiteDocument& d, const std::vector<const SiteDocument*>& others) {
    const std::pair<std::string, std::string (*)(const SiteDocument&)> details[] = {
        {"gửi ", [](const SiteDocument& x) { return x.addressee; }},
        {"", [](const SiteDocument& x) { return x.issuer; }},
        {"số ", [](const SiteDocument& x) { return x.number; }}};
    for (const auto& detail : details) {  // not a structured binding: clang 14 cannot capture one
      const auto of = detail.second;
      const std::string mine = of(d);
      if (!mine.empty() && std::none_of(others.begin(), others.end(), [&](const SiteDocument* o) { return of(*o) == mine; }))
        return detail.first + mine;
    }
    return date_dmy(d.date);
  }

  // One line of a list per document of `shown`, in order. The month's reminders share one
  // subject, and so do the mass organisations' guides: a line whose subject the list (or the
  // page's own document, `page`) shows more than once names the first detail that tells it
  // apart from the others: whom it is for, its issuer, its number, its date.
  static void add_items(TemplateValue& list, const std::vector<const SiteDocument*>& shown,
                        const SiteDocument* page = nullptr) {
    for (const SiteDocument* d : shown) {
      TemplateValue& item = list.add_map();
      item_fields(item, *d);
      std::vector<const SiteDocument*> alike;
      if (page && page->subject == d->subject) alike.push_back(page);
      for (const SiteDocument* o : shown)
        if (o != d && o->subject == d->subject) alike.push_back(o);
      if (!alike.empty()) item.set("distinction", distinction(*d, alike));
    }
  }

  static void item_fields(TemplateValue& item, const SiteDocument& d) {
    item.set("slug", d.slug);
    item.set("subject", d.subject);
    item.set("type_label", d.type_label);
    if (!d.number.empty()) item.set("number", d.number);
    item.set("issuer", d.issuer);
    item.set("date", date_dmy(d.date));
    item.set("date_iso", date_iso(d.date));
  }

  // Every article, with its PDFs, on worker threads; recorded in document order.
  void write_articles() {
    TemplateSets sets(request_.data_dir + "/templates/site", jobs());
    std::vector<ArticleFiles> done(docs_.size());
    run_pool<ArticleFiles>(
        docs_.size(), jobs(),
        [&](std::size_t i) {
          std::unique_ptr<SiteTemplates> templates = sets.take();
          ArticleFiles files = article(i, templates ? *templates : templates_);
          if (templates) sets.give_back(std::move(templates));
          return files;
        },
        [&](std::size_t i, ArticleFiles files) { done[i] = std::move(files); }, [] { return true; });
    for (ArticleFiles& a : done) {
      for (const Placed& f : a.files) record(f);
      for (Diagnostic& d : a.rejected) reject(std::move(d));
      for (Diagnostic& d : a.warnings) warn(std::move(d));
    }
  }

  // Article i's page and its PDFs. Safe on any thread with its own `templates`.
  ArticleFiles article(std::size_t i, const SiteTemplates& templates) const {
    ArticleFiles out;
    const SiteDocument& d = docs_[i];
    const std::string path = "van-ban/" + d.slug + ".html";
    TemplateContext v = frame("../", path, d.title, "");
    v.set("og_type", "article");
    v.set("body_class", "article-page");
    v.set_list("stylesheets").add_map().set("href", "../" + d.stylesheet);
    TemplateValue& crumb = v.set("breadcrumb", TemplateValue());
    crumb.set("href", "loai/" + d.type + ".html");
    crumb.set("label", d.type_label);
    item_fields(v, d);
    v.set("type_href", "loai/" + d.type + ".html");
    const std::string issuer = slug(d.issuer);
    v.set("issuer_href", "co-quan/" + (issuer.empty() ? std::string("khac") : issuer) + ".html");
    v.set("month_href", months_.at(month_key(d.date)).base + ".html");
    v.set("month_label", month_label(d.date));

    // The PDF: the signed one the office issued for it, when the register vouches for one with
    // this number; else the build's NAME.pdf (the signed file when the build signed it).
    // NAME-signed.pdf is what `vanban sign` wrote beside the build's.
    const fs::path from = fs::path(d.pdf_dir);
    // Only content/documents/ is published from the register's issued files (vanban serve).
    const auto issued = d.key.rfind(std::string(kDocumentsFolder) + "/", 0) == 0 ? issued_.find(d.name) : issued_.end();
    const bool issued_signed = issued != issued_.end() && issued->second.number == d.number;
    const std::string pdf = issued_signed ? issued->second.path : (from / (d.name + ".pdf")).string();
    if (issued != issued_.end() && !issued_signed)
      out.warnings.push_back({d.source, 0, 0, issued->second.path + " is issued as " + issued->second.number +
                                                  " but this document is numbered '" + d.number +
                                                  "': its page links the build's PDF, not the signed one"});
    if (const std::optional<Placed> placed = place_copy(pdf, "van-ban/" + d.slug + ".pdf")) {
      out.files.push_back(*placed);
      v.set("pdf", d.slug + ".pdf");
      v.set("pdf_size", file_size_label(placed->size));
      v.set_flag("pdf_signed", issued_signed || pdf_file_signed(pdf));
    } else {
      out.warnings.push_back({d.source, 0, 0, "no PDF at " + pdf + "; run vanban build first (the page links to no PDF)"});
    }
    if (d.booklet) {
      if (const auto placed = place_copy((from / (d.name + "-a5.pdf")).string(), "van-ban/" + d.slug + "-a5.pdf")) {
        out.files.push_back(*placed);
        v.set("booklet", d.slug + "-a5.pdf");
        v.set("booklet_size", file_size_label(placed->size));
      }
    }
    if (const auto placed = place_copy((from / (d.name + "-signed.pdf")).string(), "van-ban/" + d.slug + "-ky-so.pdf")) {
      out.files.push_back(*placed);
      v.set("signed", d.slug + "-ky-so.pdf");
      v.set("signed_size", file_size_label(placed->size));
    }

    // Tin khác: the nearest documents of the same type and month, then others of the month:
    // after this one (older), then before it (newer), nearest first. `month` is in index order.
    std::vector<const SiteDocument*> others;
    const std::vector<std::size_t>& month = months_.at(month_key(d.date)).docs;
    const std::size_t at = static_cast<std::size_t>(std::lower_bound(month.begin(), month.end(), i) - month.begin());
    for (const bool same_type : {true, false}) {
      for (std::size_t k = 1; k < month.size() && others.size() < kRelated; ++k) {
        const std::size_t j = at + k < month.size() ? month[at + k] : month[month.size() - 1 - k];
        if ((docs_[j].type == d.type) == same_type) others.push_back(&docs_[j]);
      }
    }
    add_items(v.set_list("related"), others, &d);

    // The sheet and the description come from the record, which its identity names: the page is
    // made again only when the record or what else the page shows changed.
    const std::string digest = page_digest(request_.engine_fingerprint, "article", v, d.record_identity);
    if (earlier_.holds(request_.site_dir, path, digest)) {
      out.files.push_back({path, earlier_.files().at(path), false, {}, digest});
      return out;
    }
    const std::optional<std::string> sheet = read_sheet(d.record);
    // The description is the start of the body: the text's first line is the subject.
    const std::optional<std::string> text = read_text(d.record, d.subject.size() + kDescriptionBytes);
    if (!sheet || !text) {
      out.rejected.push_back({d.record.path, 0, 0, "changed while the site was written; run vanban site again. "
                                                   "The document is left out of the site"});
      return out;
    }
    const std::size_t body = text->find('\n');
    v.set("description", excerpt(body == std::string::npos ? std::string_view(d.subject)
                                                            : std::string_view(*text).substr(body), 200));
    v.set("sheet", *sheet);
    Result<std::string> page = templates.page(SiteTemplates::Content::Article, v);
    for (Diagnostic& e : page.errors) out.rejected.push_back(std::move(e));
    if (page.ok()) {
      out.files.push_back(place(path, *page.value));
      out.files.back().digest = digest;
    }
    return out;
  }

  void write_listing(const Group& g) {
    const std::size_t per_page = static_cast<std::size_t>(settings_.page_size);
    const std::size_t pages = page_count(g.docs.size(), per_page);
    const std::string name = fs::path(g.base).filename().string();
    for (std::size_t page = 1; page <= pages; ++page) {
      const std::string path = listing_page_file(g.base, page);
      const std::string title = g.heading + (page > 1 ? " - trang " + std::to_string(page) : "");
      TemplateContext v =
          frame("../", path, title, g.heading + ": " + std::to_string(g.docs.size()) + " văn bản, mới nhất trước.");
      v.set("body_class", "listing-page");
      v.set("heading", g.heading);
      v.set("count", text::format_integer(static_cast<long long>(g.docs.size())));
      v.set("page", std::to_string(page));
      v.set("pages", std::to_string(pages));
      v.set("start", std::to_string((page - 1) * per_page + 1));
      v.set_flag("pages_many", pages > 1);
      std::vector<const SiteDocument*> shown;
      for (std::size_t k = (page - 1) * per_page; k < std::min(g.docs.size(), page * per_page); ++k)
        shown.push_back(&docs_[g.docs[k]]);
      add_items(v.set_list("items"), shown);
      if (page > 1) v.set("previous", listing_page_file(name, page - 1));
      if (page < pages) v.set("next", listing_page_file(name, page + 1));
      TemplateValue& links = v.set_list("links");
      for (const PageLink& link : pagination(page, pages)) {
        TemplateValue& l = links.add_map();
        if (link.page == 0) {
          l.set_flag("gap", true);
          continue;
        }
        l.set("href", listing_page_file(name, link.page));
        l.set("number", std::to_string(link.page));
        l.set_flag("current", link.current);
      }
      render(path, SiteTemplates::Content::Listing, v);
    }
  }

  // What the search index is made from: every document's record, in order, with its address.
  std::string search_index_digest() const {
    std::string inputs;
    for (const SiteDocument& d : docs_) inputs += d.key + '\n' + d.record_identity + '\n' + d.slug + '\n';
    return page_digest(request_.engine_fingerprint, "search index", TemplateValue(), inputs);
  }

  // Whether the site's index was made from `digest` and each of its files is still there.
  bool earlier_index_holds(const std::string& digest) const {
    if (!earlier_.holds(request_.site_dir, kIndexFile, digest)) return false;
    for (const auto& [path, bytes] : earlier_.files())
      if (path.rfind(kIndexFolder, 0) == 0 && !is_file_of_size(fs::path(request_.site_dir) / path, bytes)) return false;
    return true;
  }

  // The texts of the first `count` documents (newest first) that are not read yet; the records
  // that could not be read any more.
  std::vector<std::string> load_texts(std::size_t count) {
    std::vector<std::string> unreadable;
    for (std::size_t i = 0; i < count && i < docs_.size(); ++i) {
      SiteDocument& d = docs_[i];
      if (!d.text.empty() || d.record.text_bytes == 0) continue;
      std::optional<std::string> text = read_text(d.record);
      if (text) d.text = std::move(*text);
      else unreadable.push_back(d.record.path);
    }
    return unreadable;
  }

  void write_search_index(const std::vector<SiteFile>& index, const std::string& digest) {
    for (const SiteFile& f : index) {
      Placed placed = place(f.path, f.bytes);
      if (f.path == kIndexFile) placed.digest = digest;
      record(placed);
      out_.index_bytes += f.bytes.size();
      ++out_.index_files;
    }
  }

  // The index the site holds, made from the same documents: kept as it is.
  void keep_search_index(const std::string& digest) {
    for (const auto& [path, bytes] : earlier_.files()) {
      if (path.rfind(kIndexFolder, 0) != 0) continue;
      record({path, bytes, false, {}, path == kIndexFile ? digest : std::string()});
      out_.index_bytes += bytes;
      ++out_.index_files;
    }
  }

  void write_search_page() {
    TemplateContext v = frame("", "tim-kiem.html", "Tìm kiếm văn bản",
                              "Tìm văn bản của " + settings_.board + ", có dấu hoặc không dấu.");
    v.set("body_class", "search-page");
    v.set_flag("nav_search", true);
    TemplateValue& scripts = v.set_list("scripts");
    scripts.add_map().set("src", "assets/search.js");
    render("tim-kiem.html", SiteTemplates::Content::Search, v);
  }

  void write_feed_and_sitemap() {
    // The feed's summaries are the start of the newest documents' texts.
    for (const std::string& path : load_texts(static_cast<std::size_t>(settings_.feed_count)))
      warn({path, 0, 0, "changed while the site was written, so its feed entry has no summary; run vanban site "
                        "again"});
    std::vector<const SiteDocument*> newest;
    for (std::size_t i = 0; i < docs_.size() && i < static_cast<std::size_t>(settings_.feed_count); ++i)
      newest.push_back(&docs_[i]);
    put("feed.xml", atom_feed(settings_, newest));
    std::vector<std::string> pages = {"index.html"};
    for (const std::string& p : pages_)
      if (p.size() > 5 && p.compare(p.size() - 5, 5, ".html") == 0) pages.push_back(p);
    put("sitemap.xml", sitemap(settings_, pages));
  }

  void write_home() {
    TemplateContext v = frame("", "index.html", "Trang chủ",
                              "Văn bản của " + settings_.board + ": chỉ thị, công văn, báo cáo, tài liệu sinh hoạt.");
    v.set("body_class", "home-page");
    v.set_flag("nav_home", true);
    std::vector<const SiteDocument*> newest;
    for (std::size_t i = 0; i < docs_.size() && i < static_cast<std::size_t>(settings_.home_count); ++i)
      newest.push_back(&docs_[i]);
    add_items(v.set_list("items"), newest);
    const auto listing = [&](const char* key, const std::map<std::string, Group>& groups, bool newest_first) {
      TemplateValue& list = v.set_list(key);
      std::vector<const Group*> order;
      for (const auto& [k, g] : groups) order.push_back(&g);
      if (newest_first) std::reverse(order.begin(), order.end());
      for (const Group* g : order) {
        TemplateValue& item = list.add_map();
        item.set("href", g->base + ".html");
        item.set("label", g->label);
        item.set("count", text::format_integer(static_cast<long long>(g->docs.size())));
      }
    };
    listing("months", months_, true);
    listing("types", types_, false);
    listing("issuers", issuers_, false);
    render("index.html", SiteTemplates::Content::Home, v);
  }

  void warn(Diagnostic d) {
    d.warning = true;
    out_.warnings.push_back(d);
    err_lines_.push_back(d.to_string());
  }

 public:
  std::vector<std::string> err_lines_;

 private:
  const Engine& engine_;
  const SiteRequest& request_;
  const SiteSettings& settings_;
  const SiteTemplates& templates_;
  SiteManifest earlier_;
  std::string board_html_;  // the board's name with its kept spans (html/kept_html.h)
  SiteManifest manifest_;
  SiteOutcome out_;
  std::vector<SiteDocument> docs_;  // newest first once sorted
  std::map<std::string, Group> months_, types_, issuers_;
  std::map<std::string, IssuedPdf> issued_;  // by document name
  std::map<std::string, std::string> stylesheets_;  // profile ("family\nedition") -> its CSS, then its file
  std::vector<std::string> pages_;  // every file written, in order
};

}  // namespace

int run_site(const Engine& engine, const SiteRequest& request, std::ostream& err, SiteOutcome* outcome) {
  const std::string settings_file =
      request.settings_file.empty() ? (fs::path(request.content_dir) / "site.xml").string() : request.settings_file;
  const Result<SiteSettings> settings =
      read_site_settings(settings_file, request.data_dir + "/templates/schema/site.rng");
  const Result<SiteTemplates> templates = SiteTemplates::load(request.data_dir + "/templates/site");
  for (const Diagnostic& d : settings.errors) err << d.to_string() << '\n';
  for (const Diagnostic& d : templates.errors) err << d.to_string() << '\n';
  if (!settings.ok() || !templates.ok()) return 2;

  BuildRequest build;
  build.content_dir = request.content_dir;
  std::string error = check_output_folder(request.site_dir);
  std::vector<std::string> folders;
  if (error.empty()) folders = folders_to_build(build, error);
  if (!error.empty()) {
    err << "vanban: " << error << '\n';
    return 2;
  }
  for (const char* sub : {"", "/van-ban", "/thang", "/loai", "/co-quan", "/tim-kiem", "/assets", "/assets/fonts"})
    remove_stale_temp_files(request.site_dir + sub);

  // The phrases no line may split, as the documents' headers keep them.
  const Result<std::vector<std::string>> phrase_list =
      read_phrase_list(request.data_dir + "/templates/phrases/keep-together.txt");
  for (const Diagnostic& d : phrase_list.errors) err << d.to_string() << '\n';
  if (!phrase_list.ok()) return 2;
  text::KeepTogether phrases;
  for (const std::string& p : *phrase_list.value) phrases.add_phrase(p);

  SiteWriter writer(engine, request, *settings.value, *templates.value, phrases);
  SiteOutcome out = writer.run(folders);
  for (const std::string& line : writer.err_lines_) err << line << '\n';
  if (!request.quiet)
    err << "site: " << text::format_integer(static_cast<long long>(out.documents)) << " documents"
        << (out.refused ? " (" + text::format_integer(static_cast<long long>(out.refused)) + " refused by the build, "
                              "without a page)" : std::string())
        << ", " << text::format_integer(static_cast<long long>(out.written)) << " files written, "
        << text::format_integer(static_cast<long long>(out.unchanged)) << " unchanged, "
        << text::format_integer(static_cast<long long>(out.removed)) << " removed; search index "
        << text::format_integer(static_cast<long long>(out.index_bytes / 1000)) << " KB in "
        << out.index_files << " files (" << request.site_dir << "/index.html)\n";
  const int status = out.rejected.empty() ? 0 : 1;
  if (outcome) *outcome = std::move(out);
  return status;
}

}  // namespace vanban::site
