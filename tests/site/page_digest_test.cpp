#include "site/page_digest.h"

#include <gtest/gtest.h>

namespace vanban::site {
namespace {

TemplateContext view(const std::string& subject) {
  TemplateContext v;
  v.set("subject", subject);
  v.set_flag("signed", false);
  v.set_list("related").add_map().set("slug", "a");
  return v;
}

// A page is made again when anything it is made from changes, and only then.
TEST(PageDigest, ChangesWithEveryInput) {
  const std::string d = page_digest("engine", "article", view("Về việc họp"), "record 1");
  EXPECT_EQ(d.size(), 64u);
  EXPECT_EQ(page_digest("engine", "article", view("Về việc họp"), "record 1"), d);
  EXPECT_NE(page_digest("engine 2", "article", view("Về việc họp"), "record 1"), d);
  EXPECT_NE(page_digest("engine", "listing", view("Về việc họp"), "record 1"), d);
  EXPECT_NE(page_digest("engine", "article", view("Về việc họp."), "record 1"), d);
  EXPECT_NE(page_digest("engine", "article", view("Về việc họp"), "record 2"), d);
  TemplateContext flagged = view("Về việc họp");
  flagged.set_flag("signed", true);
  EXPECT_NE(page_digest("engine", "article", flagged, "record 1"), d);
  // Strings are counted: moving text between two values is a change.
  TemplateContext a, b;
  a.set("x", "ab");
  a.set("y", "c");
  b.set("x", "a");
  b.set("y", "bc");
  EXPECT_NE(page_digest("", "", a), page_digest("", "", b));
}

}  // namespace
}  // namespace vanban::site
