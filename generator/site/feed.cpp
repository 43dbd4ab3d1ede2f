#include "site/feed.h"

#include "site/search_index.h"
#include "model/xml_escape.h"

namespace vanban::site {

namespace {
constexpr std::size_t kSummaryChars = 240;
}  // namespace

std::string atom_date(const CivilDate& d) { return date_iso(d) + "T00:00:00+07:00"; }

std::string atom_feed(const SiteSettings& settings, const std::vector<const SiteDocument*>& newest) {
  const std::string base = xml_escaped(settings.base_url);
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n";
  out += "<title>" + xml_escaped(settings.board) + "</title>\n";
  out += "<subtitle>Văn bản mới</subtitle>\n";
  out += "<id>" + base + "</id>\n";
  out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + base + "feed.xml\"/>\n";
  out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + base + "index.html\"/>\n";
  out += "<updated>" + (newest.empty() ? std::string("1970-01-01T00:00:00Z") : atom_date(newest.front()->date)) +
         "</updated>\n";
  out += "<author><name>" + xml_escaped(settings.board) + "</name></author>\n";
  for (const SiteDocument* d : newest) {
    const std::string href = base + "van-ban/" + d->slug + ".html";
    out += "<entry>\n<title>" + xml_escaped(d->title) + "</title>\n";
    out += "<link rel=\"alternate\" type=\"text/html\" href=\"" + href + "\"/>\n";
    out += "<id>" + href + "</id>\n";
    out += "<updated>" + atom_date(d->date) + "</updated>\n";
    out += "<author><name>" + xml_escaped(d->issuer) + "</name></author>\n";
    out += "<category term=\"" + xml_escaped(d->type) + "\" label=\"" + xml_escaped(d->type_label) + "\"/>\n";
    const std::size_t body = d->text.find('\n');
    out += "<summary>" +
           xml_escaped(excerpt(body == std::string::npos ? "" : std::string_view(d->text).substr(body), kSummaryChars)) +
           "</summary>\n</entry>\n";
  }
  return out + "</feed>\n";
}

std::string sitemap(const SiteSettings& settings, const std::vector<std::string>& pages) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const std::string& page : pages) out += "<url><loc>" + xml_escaped(settings.base_url + page) + "</loc></url>\n";
  return out + "</urlset>\n";
}

}  // namespace vanban::site
