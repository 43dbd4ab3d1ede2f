#include "batch/build_folder.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <sstream>

#include "batch/documents_job.h"
#include "batch/manifest.h"
#include "font/font_set.h"
#include "temp_dir.h"

namespace vanban {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::TempDir;

const fs::path kSource = VANBAN_SOURCE_DIR;

const Engine& engine() {
  static const Result<Engine> loaded = Engine::load({kSource.string(), (kSource / "fonts").string(), std::nullopt});
  EXPECT_TRUE(loaded.ok());
  return *loaded.value;
}

struct BuildRun {
  FolderOutcome outcome;
  std::string messages;
};

BuildRun build(FolderJob job, unsigned jobs, const std::function<bool()>& keep_going = [] { return true; },
          const std::string& fingerprint = "engine-1") {
  std::ostringstream err;
  Progress progress(ProgressMode::Quiet, err);
  FolderOutcome outcome = build_folder(engine(), std::move(job), {jobs, fingerprint, 2, nullptr, {}}, progress, keep_going);
  return {std::move(outcome), err.str()};
}

FolderJob samples(const fs::path& out) {
  return documents_job((kSource / "content/documents").string(), out.string());
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(BuildFolder, SameBytesWithOneOrThreeThreads) {
  TempDir dir;
  const BuildRun one = build(samples(dir.path() / "one"), 1);
  const BuildRun three = build(samples(dir.path() / "three"), 3);
  ASSERT_EQ(one.outcome.written.size(), 6u) << one.messages;
  EXPECT_TRUE(one.outcome.rejected.empty());
  EXPECT_EQ(names_in(dir.path() / "one"), names_in(dir.path() / "three"));
  for (const std::string& name : names_in(dir.path() / "one"))
    EXPECT_EQ(read_bytes(dir.path() / "one" / name), read_bytes(dir.path() / "three" / name)) << name;
  const BuiltDocument& first = one.outcome.written.front();
  EXPECT_EQ(first.name, "bao-cao-dang");
  EXPECT_EQ(first.kind, "bao-cao");
  EXPECT_GE(first.pages, 2);  // its table runs over two pages
  EXPECT_EQ(first.pdf_bytes, fs::file_size(dir.path() / "one" / "bao-cao-dang.pdf"));
}

TEST(BuildFolder, PutsTheShippedFontsBesideThePages) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written.size(), 6u);
  // Every url() of every page's stylesheet is a file of the folder, with the shipped bytes.
  const std::string html = read_bytes(out / "cong-van-dang.html");
  std::size_t fonts = 0;
  for (std::size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1), ++fonts) {
    const std::string url = html.substr(at + 4, html.find(')', at) - at - 4);
    ASSERT_EQ(url.rfind("fonts/", 0), 0u) << url;
    EXPECT_EQ(read_bytes(out / url), read_bytes(kSource / url)) << url;
  }
  EXPECT_EQ(fonts, 4u);
  EXPECT_EQ(read_bytes(out / "fonts/LICENSE"), read_bytes(kSource / "fonts/LICENSE"));

  // A rerun leaves them as they are.
  struct stat before {};
  ASSERT_EQ(stat((out / "fonts/LiberationSerif-Regular.ttf").c_str(), &before), 0);
  ASSERT_TRUE(build(samples(out), 2).outcome.written.empty());
  struct stat after {};
  ASSERT_EQ(stat((out / "fonts/LiberationSerif-Regular.ttf").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
}

TEST(BuildFolder, MessagesInJobOrderWhateverTheThreadCount) {
  TempDir dir;
  const auto broken = [&](const std::string& out) {
    FolderJob job = samples(dir.path() / out);
    for (std::size_t i : {1u, 4u}) job.items[i].markup = "<document type='x'";
    return job;
  };
  const BuildRun one = build(broken("one"), 1);
  const BuildRun three = build(broken("three"), 3);
  EXPECT_EQ(one.outcome.failed, (std::vector<std::string>{"bao-cao-nha-nuoc", "cong-van-dang"}));
  EXPECT_EQ(three.outcome.failed, one.outcome.failed);
  EXPECT_EQ(three.messages, one.messages);
  const std::size_t first = one.messages.find("bao-cao-nha-nuoc.xml:");
  const std::size_t second = one.messages.find("cong-van-dang.xml:");
  EXPECT_NE(first, std::string::npos);
  EXPECT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_EQ(one.outcome.written.size(), 4u);
}

TEST(BuildFolder, RerunWritesNothingUntilTheEngineChanges) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written.size(), 6u);
  struct stat before {};
  ASSERT_EQ(stat((out / "chi-thi-dang.pdf").c_str(), &before), 0);
  const std::string manifest = read_bytes(out / Manifest::kFileName);

  const BuildRun again = build(samples(out), 2);
  EXPECT_TRUE(again.outcome.written.empty());
  EXPECT_EQ(again.outcome.unchanged.size(), 6u);
  struct stat after {};
  ASSERT_EQ(stat((out / "chi-thi-dang.pdf").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  EXPECT_EQ(read_bytes(out / Manifest::kFileName), manifest);

  // A file deleted by hand is written again; a new engine fingerprint renders everything.
  fs::remove(out / "cong-van-dang.html");
  EXPECT_EQ(build(samples(out), 2).outcome.written.size(), 1u);
  EXPECT_EQ(build(samples(out), 2, [] { return true; }, "engine-2").outcome.written.size(), 6u);
}

TEST(BuildFolder, RemovesOutputsOfDocumentsThatAreGoneOrFail) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written.size(), 6u);
  fs::create_directories(out);
  testing::write_bytes(out / "notes.txt", "not vanban's");

  FolderJob job = samples(out);
  job.items.erase(job.items.begin());  // bao-cao-dang is no longer generated
  job.items[0].markup = "<document";   // bao-cao-nha-nuoc is now broken
  const BuildRun run = build(std::move(job), 2);
  EXPECT_EQ(run.outcome.removed, (std::vector<std::string>{"bao-cao-nha-nuoc", "bao-cao-dang"}));
  EXPECT_EQ(run.outcome.failed, (std::vector<std::string>{"bao-cao-nha-nuoc"}));
  ASSERT_FALSE(run.outcome.rejected.empty());
  EXPECT_EQ(run.outcome.rejected.front().file, (kSource / "content/documents/bao-cao-nha-nuoc.xml").string());
  EXPECT_NE(run.messages.find("bao-cao-nha-nuoc.xml:"), std::string::npos);
  EXPECT_FALSE(fs::exists(out / "bao-cao-dang.pdf"));
  EXPECT_FALSE(fs::exists(out / "bao-cao-nha-nuoc.html"));
  EXPECT_TRUE(fs::exists(out / "notes.txt"));
  EXPECT_EQ(Manifest::load(out.string()).entries().size(), 4u);
}

// A planted or edited manifest names files outside the folder: they are never deleted.
TEST(BuildFolder, NeverDeletesFilesOutsideTheOutputFolder) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  const fs::path victim = dir.path() / "victim";
  fs::create_directories(out);
  fs::create_directories(victim);
  for (const char* name : {"file.pdf", "file.html", "file-a5.pdf", "file.article"})
    testing::write_bytes(victim / name, "precious");
  const std::string hash(64, 'a');
  testing::write_bytes(out / Manifest::kFileName,
                       "vanban-manifest 3\n" + hash + " 8 8 8 8 ../victim/file\n" + hash + " 8 8 8 8 " +
                           (victim / "file").string() + "\n");
  const BuildRun run = build(samples(out), 2);
  EXPECT_EQ(run.outcome.written.size(), 6u) << run.messages;
  EXPECT_TRUE(run.outcome.removed.empty());
  for (const char* name : {"file.pdf", "file.html", "file-a5.pdf", "file.article"})
    EXPECT_EQ(read_bytes(victim / name), "precious") << name;
  EXPECT_EQ(Manifest::load(out.string()).entries().size(), 6u);
}

TEST(BuildFolder, KeepsOldOutputsWhenTheInputCouldNotBeRead) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written.size(), 6u);
  FolderJob unreadable;
  unreadable.label = "documents";
  unreadable.output_dir = out.string();
  unreadable.input_complete = false;
  EXPECT_TRUE(build(std::move(unreadable), 2).outcome.removed.empty());
  EXPECT_TRUE(fs::exists(out / "bao-cao-dang.pdf"));
}

TEST(BuildFolder, RefusesUnsafeAndDuplicateOutputNames) {
  TempDir dir;
  FolderJob job = samples(dir.path() / "out");
  job.items.resize(3);
  job.items[1].name = "../escape";
  job.items[2].name = job.items[0].name;
  const BuildRun run = build(std::move(job), 2);
  EXPECT_EQ(run.outcome.written.size(), 1u);
  ASSERT_EQ(run.outcome.rejected.size(), 2u);
  EXPECT_EQ(run.outcome.rejected[0].message, "'../escape' cannot be an output name");
  EXPECT_EQ(run.outcome.rejected[1].message,
            "output name 'bao-cao-dang' is already taken in " + (dir.path() / "out").string());
  EXPECT_FALSE(fs::exists(dir.path() / "escape.pdf"));
}

// Five copies of the samples (30 documents), so that a run stopped after its first document
// cannot have started them all: one worker runs at most a window of 4 results ahead.
FolderJob many_samples(const fs::path& out) {
  FolderJob job = samples(out);
  const std::vector<BuildItem> originals = job.items;
  for (int copy = 1; copy < 5; ++copy)
    for (BuildItem item : originals) {
      item.name += "-" + std::to_string(copy);
      job.items.push_back(std::move(item));
    }
  return job;
}

std::size_t pdfs_in(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".pdf") ++n;
  return n;
}

TEST(BuildFolder, StoppedRunSavesWhatItWroteAndTheNextRunCompletes) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  // Keep going until the first document is on disk (whatever the machine's speed), then stop.
  const BuildRun stopped = build(many_samples(out), 1, [&] { return pdfs_in(out) == 0; });
  EXPECT_TRUE(stopped.outcome.interrupted);
  const std::size_t done = stopped.outcome.written.size();
  EXPECT_GE(done, 1u);
  EXPECT_LT(done, 30u);
  EXPECT_EQ(Manifest::load(out.string()).entries().size(), done);
  for (const auto& e : fs::directory_iterator(out)) EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos);

  const BuildRun rest = build(many_samples(out), 2);
  EXPECT_FALSE(rest.outcome.interrupted);
  EXPECT_EQ(rest.outcome.unchanged.size(), done);
  EXPECT_EQ(rest.outcome.written.size(), 30u - done);
}

}  // namespace
}  // namespace vanban
