#include "render/engine.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "render/timestamp.h"
#include "html/html_writer.h"
#include "html/page_svg.h"
#include "html/site_article.h"
#include "input/markup_reader.h"
#include "input/phrase_list_reader.h"
#include "input/profile_reader.h"
#include "layout/booklet.h"
#include "layout/document_layout.h"
#include "layout/header_layout.h"
#include "pdf/pdf_writer.h"
#include "profile/profile_phrases.h"
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

// What every writer reads: the document as resolved, the same with its charts and tables measured,
// the fonts.
struct WriterInput {
  const ResolvedDocument& doc;
  const ResolvedDocument& measured;
  const FontSet& fonts;
  const HtmlSheet* sheet;  // of `measured`, when the page or the site's article is wanted
};

Result<Output> pdf_output(const Pages& pages, const FontSet& fonts) {
  Result<Output> out;
  if (!pages.problems.empty()) {  // what does not fit is never printed past the page edge
    out.errors = pages.problems;
    return out;
  }
  Result<std::string> pdf = write_pdf(pages, fonts);
  out.errors = std::move(pdf.errors);
  if (pdf.ok()) out.value = Output{{}, {}, std::move(*pdf.value), static_cast<int>(pages.pages.size())};
  return out;
}

Result<Output> a4_pdf(const WriterInput& in) { return pdf_output(layout_document(in.measured, in.fonts), in.fonts); }

Result<Output> html_page(const WriterInput& in) {
  Result<Output> out;
  out.value = Output{{}, {}, write_html(in.measured, *in.sheet), 0};
  return out;
}

Result<Output> svg_pages(const WriterInput& in) {
  const Pages pages = layout_document(in.measured, in.fonts);
  Result<Output> out;
  if (!pages.problems.empty()) {
    out.errors = pages.problems;
    return out;
  }
  out.value = Output{{}, {}, write_page_svgs(pages), static_cast<int>(pages.pages.size())};
  return out;
}

Result<Output> site_record(const WriterInput& in) {
  Result<Output> out;
  out.value = Output{{}, {}, serialise_site_article(site_article(in.measured, *in.sheet)), 0};
  return out;
}

// The same document on A5 pages imposed as a saddle-stitch booklet on A4 landscape sheets.
Result<Output> booklet_pdf(const WriterInput& in) {
  const Profile a5 = booklet_profile(*in.doc.profile);
  ResolvedDocument on_a5 = in.doc;
  on_a5.profile = &a5;
  Result<Output> out;
  CheckedHeader header = check_header(on_a5, in.fonts);  // the A4 header does not fit an A5 page
  out.errors = std::move(header.problems);
  if (!out.errors.empty()) return out;
  on_a5.header = std::move(header.fragment);
  on_a5.charts = measure_charts(on_a5, in.fonts);
  on_a5.tables = measure_tables(on_a5, in.fonts);
  const BookletSetup& b = in.doc.profile->booklet;
  const Pages pages = layout_document(on_a5, in.fonts);
  if (!pages.problems.empty()) return pdf_output(pages, in.fonts);  // refused, with the reasons
  return pdf_output(impose_booklet(pages, to_pt(b.sheet_width).value, to_pt(b.sheet_height).value), in.fonts);
}

// The table of outputs: a new output is a writer and a row (and its --format name in OutputFormats).
struct OutputWriter {
  const char* format;
  const char* suffix;
  bool OutputFormats::*wanted;
  Result<Output> (*write)(const WriterInput&);
};

constexpr OutputWriter kWriters[] = {
    {"pdf", ".pdf", &OutputFormats::pdf, a4_pdf},
    {"html", ".html", &OutputFormats::html, html_page},
    {"booklet", "-a5.pdf", &OutputFormats::booklet, booklet_pdf},
    {"svg", ".svg.html", &OutputFormats::svg, svg_pages},
    {"article", ".article", &OutputFormats::article, site_record},
};

}  // namespace

Engine::Engine(EngineSettings settings, FontSet fonts, ProfileRegistry profiles,
               const std::vector<std::string>& keep_together)
    : settings_(std::move(settings)),
      fonts_(std::move(fonts)),
      profiles_(std::move(profiles)),
      document_schema_(settings_.data_dir + "/templates/schema/document.rng") {
  for (const Profile& p : profiles_.all()) profile_phrases_.push_back(profile_phrases(p, keep_together));
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
  out.value.emplace(Engine(settings, std::move(*fonts.value), std::move(*profiles.value), *phrases.value));
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
  const auto shared = profile_phrases_[static_cast<std::size_t>(profile - profiles_.all().data())];
  Result<ResolvedDocument> resolved = vanban::resolve(doc, *profile, timestamp, shared);
  out.errors.insert(out.errors.end(), resolved.errors.begin(), resolved.errors.end());
  if (!resolved.ok()) return out;
  CheckedHeader header = check_header(*resolved.value, fonts_);
  out.errors.insert(out.errors.end(), header.problems.begin(), header.problems.end());
  if (!header.problems.empty()) return out;
  resolved.value->header = std::move(header.fragment);
  if (!header.issuer.lines.empty()) {
    resolved.value->issuer_lines = std::move(header.issuer.lines);
    resolved.value->issuer_breaks = std::move(header.issuer.breaks);
  }
  out.value = std::move(resolved.value);
  return out;
}

ResolvedDocument Engine::measure(const ResolvedDocument& doc) const {
  ResolvedDocument measured = doc;
  measured.charts = measure_charts(doc, fonts_);
  measured.tables = measure_tables(doc, fonts_);
  return measured;
}

Result<RenderedDocument> Engine::render(const ResolvedDocument& doc, const OutputFormats& formats) const {
  // The measuring step: what only fonts can tell (chart geometry) goes into the document that
  // every writer reads.
  const ResolvedDocument measured = measure(doc);
  // The page and the site's article show the same sheet: built once for both.
  const std::optional<HtmlSheet> sheet =
      formats.html || formats.article ? std::optional(build_html_sheet(measured)) : std::nullopt;
  const WriterInput input{doc, measured, fonts_, sheet ? &*sheet : nullptr};
  Result<RenderedDocument> out;
  RenderedDocument rendered;
  for (const OutputWriter& writer : kWriters) {
    if (!(formats.*writer.wanted)) continue;
    Result<Output> written = writer.write(input);
    for (Diagnostic& d : written.errors) {
      if (d.file.empty()) d.file = doc.source_file;
      out.errors.push_back(std::move(d));
    }
    if (!written.ok()) return out;
    written.value->format = writer.format;
    written.value->suffix = writer.suffix;
    rendered.outputs.push_back(std::move(*written.value));
  }
  out.value = std::move(rendered);
  return out;
}

}  // namespace vanban
