#include "site/feed.h"

#include <gtest/gtest.h>

namespace vanban::site {
namespace {

SiteSettings settings() {
  SiteSettings s;
  s.base_url = "https://example.vn/";
  s.board = "Ban Tuyên giáo & Dân vận";
  return s;
}

TEST(AtomFeed, AbsoluteLinksDatesOfTheDocumentsEscapedText) {
  SiteDocument d;
  d.slug = "ke-hoach";
  d.title = "Kế hoạch <số 1> & hơn";
  d.issuer = "Tỉnh ủy";
  d.type = "ke-hoach";
  d.type_label = "Kế hoạch";
  d.date = {2026, 10, 5};
  d.text = "kế hoạch\nNội dung.";
  const std::string feed = atom_feed(settings(), {&d});
  EXPECT_EQ(feed.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"", 0), 0u);
  EXPECT_NE(feed.find("<title>Ban Tuyên giáo &amp; Dân vận</title>"), std::string::npos);
  EXPECT_NE(feed.find("<updated>2026-10-05T00:00:00+07:00</updated>"), std::string::npos);
  EXPECT_NE(feed.find("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.vn/van-ban/ke-hoach.html\"/>"),
            std::string::npos);
  EXPECT_NE(feed.find("<title>Kế hoạch &lt;số 1&gt; &amp; hơn</title>"), std::string::npos);
  EXPECT_NE(feed.find("<summary>Nội dung.</summary>"), std::string::npos);
  EXPECT_EQ(atom_feed(settings(), {&d}), feed);  // never the clock
}

TEST(Sitemap, EveryPageAbsolute) {
  EXPECT_EQ(sitemap(settings(), {"index.html", "thang/2026-10.html"}),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "<url><loc>https://example.vn/index.html</loc></url>\n"
            "<url><loc>https://example.vn/thang/2026-10.html</loc></url>\n"
            "</urlset>\n");
}

}  // namespace
}  // namespace vanban::site
