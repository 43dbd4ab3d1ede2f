// `vanban site` over many documents: every step (reading the build's records, articles with
// their "Tin khác", listings, search index, feed, sitemap, manifest) must stay linear in the
// number of documents. The slope
// is the process's CPU time at 1x and 10x (growth.h: the site writes on worker threads), never a
// wall-clock limit.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "batch/build_run.h"
#include "growth.h"
#include "render/engine.h"
#include "site/site_writer.h"
#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
const fs::path kSource = VANBAN_SOURCE_DIR;

TEST(SiteScale, WritingTheSiteOfNDocumentsStaysLinear) {
  const Result<Engine> engine = Engine::load({kSource.string(), (kSource / "fonts").string(), std::nullopt});
  ASSERT_TRUE(engine.ok());
  const std::string sample = testing::read_bytes(kSource / "content/documents/cong-van-dang.xml");
  testing::TempDir dir;
  // n dispatches of one month with their own subjects, built once (not timed): the site is made
  // from the build's records.
  const auto built = [&](int n) {
    const fs::path run = dir.path() / std::to_string(n);
    testing::write_bytes(run / "content/site.xml", testing::read_bytes(kSource / "content/site.xml"));
    for (int i = 0; i < n; ++i) {
      const std::string day = std::to_string(1 + i % 28);
      std::string markup = std::regex_replace(sample, std::regex("</subject>"), " số " + std::to_string(i) + "</subject>");
      markup = std::regex_replace(markup, std::regex("<date>2026-05-20</date>"),
                                  "<date>2026-05-" + std::string(day.size() == 1 ? "0" : "") + day + "</date>");
      testing::write_bytes(run / "content/documents" / ("cong-van-" + std::to_string(i) + ".xml"), markup);
    }
    BuildRequest build;
    build.content_dir = (run / "content").string();
    build.output_dir = (run / "out").string();
    build.progress = ProgressMode::Quiet;
    build.data_dir = kSource.string();
    std::ostringstream err;
    EXPECT_EQ(run_build(*engine.value, build, err), 0) << err.str();
    return run;
  };
  const std::map<int, fs::path> runs = {{20, built(20)}, {200, built(200)}};
  int site_number = 0;
  const auto write_site = [&](int n) {
    const fs::path& run = runs.at(n);
    site::SiteRequest request;
    request.content_dir = (run / "content").string();
    request.build_dir = (run / "out").string();
    request.site_dir = (run / ("site-" + std::to_string(site_number++))).string();
    request.data_dir = kSource.string();
    request.jobs = 1;
    request.quiet = true;
    std::ostringstream err;
    site::SiteOutcome outcome;
    ASSERT_EQ(site::run_site(*engine.value, request, err, &outcome), 0) << err.str();
    ASSERT_EQ(outcome.documents, static_cast<std::size_t>(n));
  };
  const double growth = testing::tenfold_growth(write_site, 20, 3, testing::CpuClock::Process);
  RecordProperty("site_growth", std::to_string(growth));
  EXPECT_LT(growth, testing::kLinearGrowthLimit);
}

}  // namespace
}  // namespace vanban
