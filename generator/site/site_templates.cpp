#include "site/site_templates.h"

#include <fstream>
#include <iterator>
#include <optional>

namespace vanban::site {

namespace {

std::optional<MarkupTemplate> compile(const std::string& dir, const char* name, Diagnostics& errors) {
  const std::string path = dir + "/" + name;
  std::ifstream in(path, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.is_open() || in.bad()) {
    errors.push_back({path, 0, 0, "cannot read the site template"});
    return std::nullopt;
  }
  Result<MarkupTemplate> t = MarkupTemplate::compile(text, path);
  errors.insert(errors.end(), t.errors.begin(), t.errors.end());
  if (!t.ok()) return std::nullopt;
  return std::move(*t.value);
}

}  // namespace

Result<SiteTemplates> SiteTemplates::load(const std::string& site_templates_dir) {
  Result<SiteTemplates> out;
  std::optional<MarkupTemplate> frame = compile(site_templates_dir, "page.mustache", out.errors);
  std::optional<MarkupTemplate> article = compile(site_templates_dir, "article.mustache", out.errors);
  std::optional<MarkupTemplate> listing = compile(site_templates_dir, "listing.mustache", out.errors);
  std::optional<MarkupTemplate> home = compile(site_templates_dir, "home.mustache", out.errors);
  std::optional<MarkupTemplate> search = compile(site_templates_dir, "search.mustache", out.errors);
  if (frame && article && listing && home && search)
    out.value.emplace(SiteTemplates(std::move(*frame), std::move(*article), std::move(*listing), std::move(*home),
                                    std::move(*search)));
  return out;
}

Result<std::string> SiteTemplates::page(Content content, const TemplateContext& view) const {
  const MarkupTemplate& body = content == Content::Article   ? article_
                               : content == Content::Listing ? listing_
                               : content == Content::Home    ? home_
                                                             : search_;
  return frame_.render_around(body, view, "content");
}

}  // namespace vanban::site
