#include "input/site_settings_reader.h"

#include <gtest/gtest.h>

namespace vanban {
namespace {

const std::string kSchema = std::string(VANBAN_SOURCE_DIR) + "/templates/schema/site.rng";

TEST(SiteSettings, ReadsTheShippedSample) {
  const Result<SiteSettings> s = read_site_settings(std::string(VANBAN_SOURCE_DIR) + "/content/site.xml", kSchema);
  ASSERT_TRUE(s.ok()) << s.errors.front().to_string();
  EXPECT_EQ(s.value->board, "Ban Tuyên giáo và Dân vận Tỉnh ủy Trường Giang");
  EXPECT_EQ(s.value->base_url.back(), '/');
  EXPECT_FALSE(s.value->address.empty());
  EXPECT_FALSE(s.value->editor_in_chief.empty());
  EXPECT_FALSE(s.value->source_note.empty());
}

TEST(SiteSettings, DefaultsAndAFinalSlash) {
  const Result<SiteSettings> s = read_site_settings_bytes(
      "<site base-url=\"https://example.vn/tin\"><board>Ban   B</board><address>A</address>"
      "<editor-in-chief>E</editor-in-chief><source-note>N</source-note></site>",
      "site.xml", kSchema);
  ASSERT_TRUE(s.ok()) << s.errors.front().to_string();
  EXPECT_EQ(s.value->base_url, "https://example.vn/tin/");
  EXPECT_EQ(s.value->board, "Ban B");
  EXPECT_EQ(s.value->page_size, 20);
  EXPECT_EQ(s.value->home_count, 20);
  EXPECT_EQ(s.value->feed_count, 30);
  EXPECT_TRUE(s.value->phone.empty());
}

TEST(SiteSettings, RefusesARelativeAddressWithItsPlace) {
  const Result<SiteSettings> s = read_site_settings_bytes(
      "<site base-url=\"/tin/\" page-size=\"2\">\n<board>B</board><address>A</address>"
      "<editor-in-chief>E</editor-in-chief><source-note>N</source-note></site>",
      "site.xml", kSchema);
  ASSERT_FALSE(s.ok());
  const std::string message = s.errors.front().to_string();
  EXPECT_EQ(message.rfind("site.xml:1:", 0), 0u) << message;
}

}  // namespace
}  // namespace vanban
