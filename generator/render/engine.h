// Everything one render needs, loaded once per process: the fonts, the layout profiles, the
// phrases no line may split and the schema. It turns one input into its outputs in memory
// (render/output.h); the commands decide what to write where, and the benchmark calls it in a loop.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "font/font_set.h"
#include "model/diagnostic.h"
#include "profile/profile_registry.h"
#include "profile/resolved_document.h"
#include "render/output.h"
#include "text/keep_together.h"

namespace vanban {

struct OutputFormats {
  bool pdf = true;
  bool html = true;
  // The same document on A5 pages imposed as a saddle-stitch booklet on A4 landscape sheets
  // (layout/booklet.h), for the monthly discussion guides.
  bool booklet = false;
  // The A4 pages as inline SVG (html/page_svg.h): the preview of vanban serve.
  bool svg = false;
};

struct EngineSettings {
  std::string data_dir;                // holds templates/schema and templates/profiles
  std::string fonts_dir;               // the four faces (font/font_set.h)
  std::optional<long long> timestamp;  // SOURCE_DATE_EPOCH; unset: each document's own date
};


class Engine {
 public:
  // Fails when the fonts or the profiles cannot be loaded; warnings about single bad profile
  // files come back in `errors` beside the engine.
  static Result<Engine> load(const EngineSettings& settings);

  // Reads, validates and resolves one document: every check `vanban check` makes.
  Result<ResolvedDocument> resolve_file(const std::string& path) const;
  Result<ResolvedDocument> resolve_bytes(std::string_view bytes, const std::string& name) const;

  Result<RenderedDocument> render(const ResolvedDocument& doc, const OutputFormats& formats) const;

  const ProfileRegistry& profiles() const { return profiles_; }
  const FontSet& fonts() const { return fonts_; }
  // Holds templates/, schemas, profiles and the shipped fonts/.
  const std::string& data_dir() const { return settings_.data_dir; }

  // templates/schema/document.rng, for readers that need the markup itself.
  const std::string& document_schema() const { return document_schema_; }

  // `doc` with what only the fonts can tell (chart geometry) filled in: what both writers read,
  // for callers that write HTML of their own around it (the site).
  ResolvedDocument measure(const ResolvedDocument& doc) const;

 private:
  Engine(EngineSettings settings, FontSet fonts, ProfileRegistry profiles, const std::vector<std::string>& keep_together);
  Result<ResolvedDocument> resolve(Result<Document> read) const;

  EngineSettings settings_;
  FontSet fonts_;
  ProfileRegistry profiles_;
  // Per profile, in the order of profiles_.all(): templates/phrases/keep-together.txt and the
  // profile's title lines, shared by every document resolved with it.
  std::vector<std::shared_ptr<const text::KeepTogether>> profile_phrases_;
  std::string document_schema_;
};

}  // namespace vanban
