#include "cli/options.h"

#include <gtest/gtest.h>

namespace vanban::cli {
namespace {

TEST(ParseOptions, RenderWithEveryOption) {
  const ParsedOptions p = parse_options(
      {"render", "a.xml", "-o", "dist", "--format", "pdf", "--fonts=/f", "--data", "/d", "b.xml"});
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.options.command, Command::Render);
  EXPECT_EQ(p.options.inputs, (std::vector<std::string>{"a.xml", "b.xml"}));
  EXPECT_EQ(p.options.output_dir, "dist");
  EXPECT_TRUE(p.options.formats.pdf);
  EXPECT_FALSE(p.options.formats.html);
  EXPECT_EQ(p.options.fonts_dir, "/f");
  EXPECT_EQ(p.options.data_dir, "/d");
}

TEST(ParseOptions, RenderDefaults) {
  const ParsedOptions p = parse_options({"render", "a.xml"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.options.output_dir, "out");
  EXPECT_TRUE(p.options.formats.pdf);
  EXPECT_TRUE(p.options.formats.html);
  EXPECT_EQ(p.options.fonts_dir, "");
  EXPECT_EQ(p.options.data_dir, "");
}

TEST(ParseOptions, DoubleDashEndsOptions) {
  const ParsedOptions p = parse_options({"render", "--", "-odd.xml", "--help"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.options.inputs, (std::vector<std::string>{"-odd.xml", "--help"}));
}

TEST(ParseOptions, HelpAndVersion) {
  EXPECT_EQ(parse_options({"--help"}).options.command, Command::Help);
  EXPECT_EQ(parse_options({"-h"}).options.help_topic, Command::None);
  EXPECT_EQ(parse_options({"help", "check"}).options.help_topic, Command::Check);
  const ParsedOptions per_command = parse_options({"render", "--help"});
  EXPECT_EQ(per_command.options.command, Command::Help);
  EXPECT_EQ(per_command.options.help_topic, Command::Render);
  EXPECT_EQ(parse_options({"--version"}).options.command, Command::Version);
}

TEST(ParseOptions, BadUsage) {
  EXPECT_EQ(parse_options({}).error, "no command given");
  EXPECT_EQ(parse_options({"draw", "a.xml"}).error, "unknown command 'draw'; expected build, site, render, check, guides, issue, register or sign");
  EXPECT_EQ(parse_options({"render"}).error, "no input files given");
  EXPECT_EQ(parse_options({"render", "a.xml", "--colour"}).error, "unknown option '--colour' for render");
  EXPECT_EQ(parse_options({"check", "a.xml", "-o", "x"}).error, "unknown option '-o' for check");
  EXPECT_EQ(parse_options({"render", "a.xml", "-o"}).error, "option '-o' needs a value");
  EXPECT_EQ(parse_options({"render", "a.xml", "--output="}).error, "option '--output' needs a non-empty value");
  EXPECT_EQ(parse_options({"render", "a.xml", "--format", "pdf,docx"}).error,
            "unknown format 'docx' in --format; expected a list of pdf, html and booklet");
}

TEST(ParseOptions, BuildAloneBuildsEverything) {
  const ParsedOptions p = parse_options({"build"});
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.options.command, Command::Build);
  EXPECT_EQ(p.options.content_dir, "content");
  EXPECT_EQ(p.options.output_dir, "out");
  EXPECT_EQ(p.options.month, "");
  EXPECT_EQ(p.options.jobs, 0u);
  EXPECT_FALSE(p.options.csv);
  EXPECT_FALSE(p.options.quiet);
}

TEST(ParseOptions, BuildWithEveryOption) {
  const ParsedOptions p = parse_options({"build", "--month", "2026-10", "--content=c", "-o", "o", "--jobs", "3",
                                         "--csv", "--quiet", "--fonts", "/f", "--data", "/d"});
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.options.month, "2026-10");
  EXPECT_EQ(p.options.content_dir, "c");
  EXPECT_EQ(p.options.output_dir, "o");
  EXPECT_EQ(p.options.jobs, 3u);
  EXPECT_TRUE(p.options.csv);
  EXPECT_TRUE(p.options.quiet);
  EXPECT_EQ(p.options.fonts_dir, "/f");
  EXPECT_EQ(p.options.data_dir, "/d");
  EXPECT_EQ(parse_options({"build", "-j", "2"}).options.jobs, 2u);
  EXPECT_EQ(parse_options({"help", "build"}).options.help_topic, Command::Build);
}

TEST(ParseOptions, BuildBadUsage) {
  EXPECT_EQ(parse_options({"build", "a.xml"}).error,
            "build takes no input files ('a.xml'); use --content DIR or --month YYYY-MM");
  EXPECT_EQ(parse_options({"build", "--month", "2026-13"}).error,
            "bad --month '2026-13'; expected YYYY-MM, such as 2026-10");
  EXPECT_EQ(parse_options({"build", "--jobs", "0"}).error,
            "bad --jobs '0'; expected a number of threads from 1 to 1024");
  EXPECT_EQ(parse_options({"build", "--jobs=2x"}).error,
            "bad --jobs '2x'; expected a number of threads from 1 to 1024");
  EXPECT_EQ(parse_options({"build", "--quiet=yes"}).error, "option '--quiet' takes no value");
  EXPECT_EQ(parse_options({"build", "--format", "pdf"}).error, "unknown option '--format' for build");
  EXPECT_EQ(parse_options({"render", "a.xml", "--csv"}).error, "unknown option '--csv' for render");
}

TEST(ParseFormats, ListsAndMistakes) {
  OutputFormats f;
  std::string error;
  ASSERT_TRUE(parse_formats("html", f, error));
  EXPECT_FALSE(f.pdf);
  EXPECT_TRUE(f.html);
  ASSERT_TRUE(parse_formats("html,pdf", f, error));
  EXPECT_TRUE(f.pdf && f.html);
  EXPECT_FALSE(f.booklet);
  ASSERT_TRUE(parse_formats("pdf,booklet", f, error));
  EXPECT_TRUE(f.pdf && f.booklet && !f.html);
  EXPECT_FALSE(parse_formats("pdf,", f, error));
  EXPECT_EQ(error, "unknown format '' in --format; expected a list of pdf, html and booklet");
  EXPECT_FALSE(parse_formats("PDF", f, error));
}

TEST(ParseOptions, InputLimits) {
  const ParsedOptions p = parse_options({"check", "a.xml", "--max-input-mb", "200", "--max-elements=2000000"});
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.options.limits.max_bytes, std::size_t{200} << 20);
  EXPECT_EQ(p.options.limits.max_elements, 2000000u);
  EXPECT_EQ(parse_options({"build", "--max-input-mb", "0"}).error,
            "bad --max-input-mb '0'; expected a whole number from 1 to 2047");
  EXPECT_EQ(parse_options({"render", "a.xml", "--max-elements", "1e6"}).error,
            "bad --max-elements '1e6'; expected a whole number from 1 to 100000000");
  EXPECT_EQ(parse_options({"check", "a.xml"}).options.limits.max_bytes, InputLimits{}.max_bytes);
}

}  // namespace
}  // namespace vanban::cli
