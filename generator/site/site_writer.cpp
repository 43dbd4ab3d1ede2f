#include "site/site_writer.h"

#include <algorithm>
#include <filesystem>
#include <future>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "batch/build_run.h"
#include "batch/documents_job.h"
#include "batch/sha256.h"
#include "batch/work_pool.h"
#include "batch/write_if_changed.h"
#include "html/web_fonts.h"
#include "input/site_settings_reader.h"
#include "output/atomic_file.h"
#include "output/file_bytes.h"
#include "output/linked_copy.h"
#include "site/article_slug.h"
#include "site/feed.h"
#include "site/listing.h"
#include "site/search_index.h"
#include "site/signed_pdf.h"
#include "site/site_manifest.h"
#include "site/site_templates.h"
#include "text/vietnamese_format.h"

namespace vanban::site {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kRelated = 6;
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
             const SiteTemplates& templates)
      : engine_(engine), request_(request), settings_(settings), templates_(templates),
        earlier_(SiteManifest::load(request.site_dir)) {}

  SiteOutcome run(const std::vector<std::string>& folders) {
    collect(folders);
    assign_slugs();
    std::sort(docs_.begin(), docs_.end(), [](const SiteDocument& a, const SiteDocument& b) {
      return a.date != b.date ? a.date > b.date : a.key < b.key;
    });
    out_.documents = docs_.size();
    group();
    write_assets();
    // The search index is made while the articles are written (it only reads the documents).
    std::vector<const SiteDocument*> newest;
    for (const SiteDocument& d : docs_) newest.push_back(&d);
    std::future<std::vector<SiteFile>> index =
        std::async(std::launch::async, [&newest] { return search_index_files(newest); });
    write_articles();
    for (const auto* groups : {&months_, &types_, &issuers_})
      for (const auto& [key, g] : *groups) write_listing(g);
    write_search(index.get());
    write_feed_and_sitemap();
    write_home();
    for (const SiteDocument& d : docs_) manifest_.set_slug(d.key, d.slug);
    out_.removed = earlier_.remove_files_not_in(manifest_, request_.site_dir).size();
    const std::string error = write_if_changed(request_.site_dir, SiteManifest::kFileName, manifest_.serialise());
    if (!error.empty()) reject({request_.site_dir, 0, 0, error});
    return std::move(out_);
  }

 private:
  // Every document of every folder, read and resolved on worker threads, kept in job order.
  void collect(const std::vector<std::string>& folders) {
    struct Item {
      BuildItem item;
      std::string folder;
    };
    std::vector<Item> items;
    for (const std::string& folder : folders) {
      const std::string input = (fs::path(request_.content_dir) / folder).string();
      const std::string output = (fs::path(request_.build_dir) / folder).string();
      FolderJob job = folder == kDocumentsFolder
                          ? documents_job(input, output)
                          : month_job({input, output, request_.data_dir, request_.source});
      for (BuildItem& item : job.items) items.push_back({std::move(item), folder});
    }
    std::vector<Prepared> prepared(items.size());
    run_pool<Prepared>(
        items.size(), jobs(),
        [&](std::size_t i) { return prepare(items[i].item, items[i].folder); },
        [&](std::size_t i, Prepared p) { prepared[i] = std::move(p); }, [] { return true; });
    for (Prepared& p : prepared) {
      for (Diagnostic& d : p.document_errors) {
        if (d.warning) continue;  // the build reports the documents' warnings
        if (request_.report_document_errors) reject(std::move(d));
        else out_.rejected.push_back(std::move(d));
      }
      if (p.document) docs_.push_back(std::move(*p.document));
    }
  }

  Prepared prepare(const BuildItem& item, const std::string& folder) const {
    Prepared out;
    Result<ResolvedDocument> resolved = engine_.resolve_bytes(item.markup, item.source);
    out.document_errors = std::move(resolved.errors);
    const bool failed = !resolved.ok() || std::any_of(out.document_errors.begin(), out.document_errors.end(),
                                                      [](const Diagnostic& d) { return !d.warning; });
    if (failed) return out;
    SiteDocument d = make_site_document(engine_.measure(*resolved.value), folder + "/" + item.name, item.source);
    d.pdf_dir = (fs::path(request_.build_dir) / folder).string();
    d.name = item.name;
    d.booklet = d.booklet || item.booklet;
    out.document = std::move(d);
    return out;
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
    Placed out{path, bytes.size(), false, {}};
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
    return Placed{path, placed.size, placed.written, placed.error};
  }

  // On the calling thread: the file goes into the manifest and the counts.
  void record(const Placed& file) {
    if (!file.error.empty()) {
      reject({(fs::path(request_.site_dir) / file.path).string(), 0, 0, file.error});
      return;
    }
    manifest_.set_file(file.path, file.size);
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
    for (SiteDocument& d : docs_) {
      auto [it, fresh] = stylesheets_.try_emplace(d.stylesheet);
      if (fresh) {
        it->second = "assets/van-ban-" + sha256_hex(d.stylesheet).substr(0, 12) + ".css";
        put(it->second, d.stylesheet);
      }
      d.stylesheet = it->second;
    }
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

  void render(const std::string& path, SiteTemplates::Content content, TemplateContext& view) {
    Result<std::string> page = templates_.page(content, view);
    if (!page.ok()) {
      for (Diagnostic& d : page.errors) reject(std::move(d));
      return;
    }
    put(path, *page.value);
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
    const std::size_t body = d.text.find('\n');
    TemplateContext v = frame("../", path, d.title,
                              excerpt(body == std::string::npos ? d.subject : d.text.substr(body), 200));
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
    v.set("sheet", d.sheet);

    // NAME.pdf is the signed file when the build signed it; NAME-signed.pdf is what `vanban
    // sign` wrote beside it.
    const fs::path from = fs::path(d.pdf_dir);
    const std::string pdf = (from / (d.name + ".pdf")).string();
    if (const std::optional<Placed> placed = place_copy(pdf, "van-ban/" + d.slug + ".pdf")) {
      out.files.push_back(*placed);
      v.set("pdf", d.slug + ".pdf");
      v.set("pdf_size", file_size_label(placed->size));
      v.set_flag("pdf_signed", pdf_file_signed(pdf));
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
    TemplateValue& related = v.set_list("related");
    std::size_t n = 0;
    const std::vector<std::size_t>& month = months_.at(month_key(d.date)).docs;
    const std::size_t at = static_cast<std::size_t>(std::lower_bound(month.begin(), month.end(), i) - month.begin());
    for (const bool same_type : {true, false}) {
      for (std::size_t k = 1; k < month.size() && n < kRelated; ++k) {
        const std::size_t j = at + k < month.size() ? month[at + k] : month[month.size() - 1 - k];
        if ((docs_[j].type == d.type) != same_type) continue;
        item_fields(related.add_map(), docs_[j]);
        ++n;
      }
    }
    Result<std::string> page = templates.page(SiteTemplates::Content::Article, v);
    for (Diagnostic& e : page.errors) out.rejected.push_back(std::move(e));
    if (page.ok()) out.files.push_back(place(path, *page.value));
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
      TemplateValue& items = v.set_list("items");
      for (std::size_t k = (page - 1) * per_page; k < std::min(g.docs.size(), page * per_page); ++k)
        item_fields(items.add_map(), docs_[g.docs[k]]);
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

  void write_search(const std::vector<SiteFile>& index) {
    for (const SiteFile& f : index) {
      put(f.path, f.bytes);
      out_.index_bytes += f.bytes.size();
      ++out_.index_files;
    }
    TemplateContext v = frame("", "tim-kiem.html", "Tìm kiếm văn bản",
                              "Tìm văn bản của " + settings_.board + ", có dấu hoặc không dấu.");
    v.set("body_class", "search-page");
    v.set_flag("nav_search", true);
    TemplateValue& scripts = v.set_list("scripts");
    scripts.add_map().set("src", "assets/search.js");
    render("tim-kiem.html", SiteTemplates::Content::Search, v);
  }

  void write_feed_and_sitemap() {
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
    TemplateValue& items = v.set_list("items");
    for (std::size_t i = 0; i < docs_.size() && i < static_cast<std::size_t>(settings_.home_count); ++i)
      item_fields(items.add_map(), docs_[i]);
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
    if (!request_.quiet) err_lines_.push_back(d.to_string());
  }

 public:
  std::vector<std::string> err_lines_;

 private:
  const Engine& engine_;
  const SiteRequest& request_;
  const SiteSettings& settings_;
  const SiteTemplates& templates_;
  SiteManifest earlier_;
  SiteManifest manifest_;
  SiteOutcome out_;
  std::vector<SiteDocument> docs_;  // newest first once sorted
  std::map<std::string, Group> months_, types_, issuers_;
  std::map<std::string, std::string> stylesheets_;  // CSS -> its file
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

  SiteWriter writer(engine, request, *settings.value, *templates.value);
  SiteOutcome out = writer.run(folders);
  for (const std::string& line : writer.err_lines_) err << line << '\n';
  if (!request.quiet)
    err << "site: " << text::format_integer(static_cast<long long>(out.documents)) << " documents, "
        << text::format_integer(static_cast<long long>(out.written)) << " files written, "
        << text::format_integer(static_cast<long long>(out.unchanged)) << " unchanged, "
        << text::format_integer(static_cast<long long>(out.removed)) << " removed; search index "
        << text::format_integer(static_cast<long long>(out.index_bytes / 1000)) << " KB in "
        << out.index_files << " files (" << request.site_dir << "/index.html)\n";
  const int status = out.rejected.empty() ? 0 : 1;
  if (outcome) *outcome = std::move(out);
  return status;
}

}  // namespace vanban::site
