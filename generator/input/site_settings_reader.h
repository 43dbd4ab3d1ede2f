// The board's web site settings (content/site.xml, schema templates/schema/site.rng): its name,
// address, editor in chief and source note for every page's footer, the absolute base URL of
// canonical links, the feed and the sitemap, and how many documents a page lists.
#pragma once

#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace vanban {

struct SiteSettings {
  std::string base_url;  // absolute, always ending in "/"
  std::string board;     // "Ban Tuyên giáo và Dân vận Tỉnh ủy ..."
  std::string address;
  std::string editor_in_chief;
  std::string phone;     // optional
  std::string email;     // optional
  std::string source_note;
  int page_size = 20;    // documents per listing page
  int home_count = 20;   // newest documents on the home page
  int feed_count = 30;   // entries of feed.xml
};

Result<SiteSettings> read_site_settings(const std::string& path, const std::string& schema_path);
Result<SiteSettings> read_site_settings_bytes(std::string_view bytes, const std::string& name,
                                              const std::string& schema_path);

}  // namespace vanban
