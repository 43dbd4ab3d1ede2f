// The site's page templates (templates/site/*.mustache): page.mustache is the frame of every
// page (head, header with the search form, footer); article, listing, home and search fill its
// {{{content}}}. Loaded and compiled once per run.
#pragma once

#include <string>

#include "model/diagnostic.h"
#include "templating/render_template.h"

namespace vanban::site {

class SiteTemplates {
 public:
  // `site_templates_dir`: DATA/templates/site.
  static Result<SiteTemplates> load(const std::string& site_templates_dir);

  enum class Content { Article, Listing, Home, Search };

  // Renders the content template with `view`, then the frame with the same view and the
  // content under "content". Not for concurrent use.
  Result<std::string> page(Content content, const TemplateContext& view) const;

 private:
  SiteTemplates(MarkupTemplate frame, MarkupTemplate article, MarkupTemplate listing, MarkupTemplate home,
                MarkupTemplate search)
      : frame_(std::move(frame)), article_(std::move(article)), listing_(std::move(listing)),
        home_(std::move(home)), search_(std::move(search)) {}
  MarkupTemplate frame_, article_, listing_, home_, search_;
};

}  // namespace vanban::site
