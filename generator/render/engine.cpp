#include "render/engine.h"

#include <algorithm>
#include <cstdlib>

#include "render/timestamp.h"
#include "html/html_writer.h"
#include "input/markup_reader.h"
#include "input/phrase_list_reader.h"
#include "input/profile_reader.h"
#include "layout/booklet.h"
#include "layout/document_layout.h"
#include "layout/header_layout.h"
#include "pdf/pdf_writer.h"
#include "profile/resolve.h"

namespace vanban {

namespace {

// A copy of `p` that lays out the booklet's pages (its <booklet> set-up) as ordinary pages.
Profile booklet_profile(const Profile& p) {
  Profile a5 = p;
  a5.page = p.booklet.page;
  a5.page_numbers.from_top = p.booklet.page_number_from_top;
  return a5;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

}  // namespace

Engine::Engine(EngineSettings settings, FontSet fonts, ProfileRegistry profiles,
               std::vector<std::string> keep_together)
    : settings_(std::move(settings)),
      fonts_(std::move(fonts)),
      profiles_(std::move(profiles)),
      document_schema_(settings_.data_dir + "/templates/schema/document.rng") {
  for (const Profile& p : profiles_.all()) shared_phrases_.push_back(shared_phrases(p, keep_together));
}

Result<Engine> Engine::load(const EngineSettings& settings) {
  Result<Engine> out;
  Result<FontSet> fonts = FontSet::load_dir(settings.fonts_dir);
  out.errors = std::move(fonts.errors);
  const std::string templates = settings.data_dir + "/templates";
  Result<ProfileRegistry> profiles =
      load_profiles(templates + "/profiles", templates + "/schema/profile.rng");
  out.errors.insert(out.errors.end(), profiles.errors.begin(), profiles.errors.end());
  if (profiles.ok() && profiles.value->all().empty())
    out.errors.push_back({templates + "/profiles", 0, 0, "no layout profile found"});
  Result<std::vector<std::string>> phrases = read_phrase_list(templates + "/phrases/keep-together.txt");
  out.errors.insert(out.errors.end(), phrases.errors.begin(), phrases.errors.end());
  if (!fonts.ok() || !profiles.ok() || profiles.value->all().empty() || !phrases.ok()) return out;
  out.value.emplace(Engine(settings, std::move(*fonts.value), std::move(*profiles.value), std::move(*phrases.value)));
  return out;
}

Result<ResolvedDocument> Engine::resolve_file(const std::string& path) const {
  ReadOptions options{document_schema_, [this](char32_t cp) { return fonts_.covers(cp); },
                      fonts_.family_name()};
  return resolve(read_document(path, options));
}

Result<ResolvedDocument> Engine::resolve_bytes(std::string_view bytes, const std::string& name) const {
  ReadOptions options{document_schema_, [this](char32_t cp) { return fonts_.covers(cp); },
                      fonts_.family_name()};
  return resolve(read_document_bytes(bytes, name, options));
}

Result<ResolvedDocument> Engine::resolve(Result<Document> read) const {
  Result<ResolvedDocument> out;
  out.errors = std::move(read.errors);
  if (!read.ok()) return out;
  const Document& doc = *read.value;

  const Profile* profile = profiles_.find(doc.layout, doc.edition, doc.date);
  if (!profile) {
    const std::vector<std::string> families = profiles_.families();
    std::string message;
    if (std::find(families.begin(), families.end(), doc.layout) == families.end()) {
      message = "unknown layout '" + doc.layout + "'; expected one of: " + join(families);
    } else {
      std::vector<std::string> editions;
      for (const Profile& p : profiles_.all())
        if (p.family == doc.layout) editions.push_back(p.edition);
      message = "unknown edition '" + doc.edition + "' of layout '" + doc.layout +
                "'; expected one of: " + join(editions);
    }
    out.errors.push_back({doc.source_file, doc.line, doc.column, message});
    return out;
  }

  const long long timestamp = settings_.timestamp.value_or(document_timestamp(doc.date));
  const auto shared = shared_phrases_[static_cast<std::size_t>(profile - profiles_.all().data())];
  Result<ResolvedDocument> resolved = vanban::resolve(doc, *profile, timestamp, shared);
  out.errors.insert(out.errors.end(), resolved.errors.begin(), resolved.errors.end());
  if (!resolved.ok()) return out;
  const Diagnostics overflow = check_header(*resolved.value, fonts_);
  out.errors.insert(out.errors.end(), overflow.begin(), overflow.end());
  if (overflow.empty()) out.value = std::move(resolved.value);
  return out;
}

Result<RenderedDocument> Engine::render(const ResolvedDocument& doc, const OutputFormats& formats) const {
  Result<RenderedDocument> out;
  RenderedDocument rendered;
  // Writes `pages` into `into`; false (with the reasons in out.errors) when writing failed.
  auto write = [&](const Pages& pages, std::string& into) {
    Result<std::string> pdf = write_pdf(pages, fonts_);
    for (Diagnostic& d : pdf.errors) {
      if (d.file.empty()) d.file = doc.source_file;
      out.errors.push_back(std::move(d));
    }
    if (pdf.ok()) into = std::move(*pdf.value);
    return pdf.ok();
  };
  // The measuring step: what only fonts can tell (chart geometry) goes into the document that
  // both writers read.
  ResolvedDocument measured = doc;
  measured.charts = measure_charts(doc, fonts_);
  if (formats.pdf && !write(layout_document(measured, fonts_), rendered.pdf)) return out;
  if (formats.booklet) {
    const Profile a5 = booklet_profile(*doc.profile);
    ResolvedDocument on_a5 = doc;
    on_a5.profile = &a5;
    const Diagnostics overflow = check_header(on_a5, fonts_);
    if (!overflow.empty()) {
      out.errors.insert(out.errors.end(), overflow.begin(), overflow.end());
      return out;
    }
    on_a5.charts = measure_charts(on_a5, fonts_);
    const BookletSetup& b = doc.profile->booklet;
    if (!write(impose_booklet(layout_document(on_a5, fonts_), to_pt(b.sheet_width).value, to_pt(b.sheet_height).value),
               rendered.booklet_pdf))
      return out;
  }
  if (formats.html) rendered.html = write_html(measured);
  out.value = std::move(rendered);
  return out;
}

}  // namespace vanban
