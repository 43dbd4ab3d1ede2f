#include "batch/build_folder.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <memory>
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

std::vector<BuildItem> items_of(const FolderJob& job) {
  std::vector<BuildItem> items;
  for (std::size_t i = 0; i < job.count; ++i) items.push_back(*job.item(i).value);
  return items;
}

std::vector<std::string> listed(const FolderOutcome& outcome, Listed list) {
  std::vector<std::string> names;
  outcome.ledger->for_each(list, [&](std::string_view name) { names.emplace_back(name); });
  return names;
}

std::vector<BuiltDocument> written(const FolderOutcome& outcome) {
  std::vector<BuiltDocument> docs;
  outcome.ledger->for_each_written([&](const BuiltDocument& d) { docs.push_back(d); });
  return docs;
}

std::size_t manifest_entries(const fs::path& dir) {
  std::size_t n = 0;
  read_manifest(dir.string(), [&](std::string_view, const ManifestEntry&) { ++n; });
  return n;
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
  BuildRun one = build(samples(dir.path() / "one"), 1);
  BuildRun three = build(samples(dir.path() / "three"), 3);
  ASSERT_EQ(one.outcome.written(), 6u) << one.messages;
  EXPECT_TRUE(one.outcome.rejected.empty());
  const BuiltDocument first = written(one.outcome).front();
  one.outcome.ledger.reset();  // and its scratch file
  three.outcome.ledger.reset();
  EXPECT_EQ(names_in(dir.path() / "one"), names_in(dir.path() / "three"));
  for (const std::string& name : names_in(dir.path() / "one"))
    EXPECT_EQ(read_bytes(dir.path() / "one" / name), read_bytes(dir.path() / "three" / name)) << name;
  EXPECT_EQ(first.name, "bao-cao-dang");
  EXPECT_EQ(first.kind, "bao-cao");
  EXPECT_GE(first.pages, 2);  // its table runs over two pages
  EXPECT_EQ(first.pdf_bytes, fs::file_size(dir.path() / "one" / "bao-cao-dang.pdf"));
}

TEST(BuildFolder, PutsTheShippedFontsBesideThePages) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 6u);
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
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 0u);
  struct stat after {};
  ASSERT_EQ(stat((out / "fonts/LiberationSerif-Regular.ttf").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
}

TEST(BuildFolder, MessagesInJobOrderWhateverTheThreadCount) {
  TempDir dir;
  const auto broken = [&](const std::string& out) {
    FolderJob job = samples(dir.path() / out);
    std::vector<BuildItem> items = items_of(job);
    for (std::size_t i : {1u, 4u}) items[i].markup = "<document type='x'";
    list_items(job, std::move(items));
    return job;
  };
  const BuildRun one = build(broken("one"), 1);
  const BuildRun three = build(broken("three"), 3);
  EXPECT_EQ(listed(one.outcome, Listed::Failed), (std::vector<std::string>{"bao-cao-nha-nuoc", "cong-van-dang"}));
  EXPECT_EQ(listed(three.outcome, Listed::Failed), listed(one.outcome, Listed::Failed));
  EXPECT_EQ(three.messages, one.messages);
  const std::size_t first = one.messages.find("bao-cao-nha-nuoc.xml:");
  const std::size_t second = one.messages.find("cong-van-dang.xml:");
  EXPECT_NE(first, std::string::npos);
  EXPECT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_EQ(one.outcome.written(), 4u);
}

TEST(BuildFolder, RerunWritesNothingUntilTheEngineChanges) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 6u);
  struct stat before {};
  ASSERT_EQ(stat((out / "chi-thi-dang.pdf").c_str(), &before), 0);
  const std::string manifest = read_bytes(out / kManifestFile);

  const BuildRun again = build(samples(out), 2);
  EXPECT_EQ(again.outcome.written(), 0u);
  EXPECT_EQ(again.outcome.count(Listed::Unchanged), 6u);
  struct stat after {};
  ASSERT_EQ(stat((out / "chi-thi-dang.pdf").c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  EXPECT_EQ(read_bytes(out / kManifestFile), manifest);

  // A file deleted by hand is written again; a new engine fingerprint renders everything.
  fs::remove(out / "cong-van-dang.html");
  EXPECT_EQ(build(samples(out), 2).outcome.written(), 1u);
  EXPECT_EQ(build(samples(out), 2, [] { return true; }, "engine-2").outcome.written(), 6u);
}

TEST(BuildFolder, RemovesOutputsOfDocumentsThatAreGoneOrFail) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 6u);
  fs::create_directories(out);
  testing::write_bytes(out / "notes.txt", "not vanban's");

  FolderJob job = samples(out);
  std::vector<BuildItem> items = items_of(job);
  items.erase(items.begin());  // bao-cao-dang is no longer generated
  items[0].markup = "<document";   // bao-cao-nha-nuoc is now broken
  list_items(job, std::move(items));
  const BuildRun run = build(std::move(job), 2);
  EXPECT_EQ(listed(run.outcome, Listed::Removed), (std::vector<std::string>{"bao-cao-dang", "bao-cao-nha-nuoc"}));
  EXPECT_EQ(listed(run.outcome, Listed::Failed), (std::vector<std::string>{"bao-cao-nha-nuoc"}));
  ASSERT_FALSE(run.outcome.rejected.empty());
  EXPECT_EQ(run.outcome.rejected.front().file, (kSource / "content/documents/bao-cao-nha-nuoc.xml").string());
  EXPECT_NE(run.messages.find("bao-cao-nha-nuoc.xml:"), std::string::npos);
  EXPECT_FALSE(fs::exists(out / "bao-cao-dang.pdf"));
  EXPECT_FALSE(fs::exists(out / "bao-cao-nha-nuoc.html"));
  EXPECT_TRUE(fs::exists(out / "notes.txt"));
  EXPECT_EQ(manifest_entries(out), 4u);
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
  testing::write_bytes(out / kManifestFile,
                       "vanban-manifest 3\n" + hash + " 8 8 8 8 ../victim/file\n" + hash + " 8 8 8 8 " +
                           (victim / "file").string() + "\n");
  const BuildRun run = build(samples(out), 2);
  EXPECT_EQ(run.outcome.written(), 6u) << run.messages;
  EXPECT_EQ(run.outcome.count(Listed::Removed), 0u);
  for (const char* name : {"file.pdf", "file.html", "file-a5.pdf", "file.article"})
    EXPECT_EQ(read_bytes(victim / name), "precious") << name;
  EXPECT_EQ(manifest_entries(out), 6u);
}

TEST(BuildFolder, KeepsOldOutputsWhenTheInputCouldNotBeRead) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 6u);
  FolderJob unreadable;
  unreadable.label = "documents";
  unreadable.output_dir = out.string();
  unreadable.input_complete = false;
  EXPECT_EQ(build(std::move(unreadable), 2).outcome.count(Listed::Removed), 0u);
  EXPECT_TRUE(fs::exists(out / "bao-cao-dang.pdf"));
}

// An item the job cannot make (what it is read from cannot be read) is reported; nothing stale
// is removed then, as the item may still be what an old output is. Made when planned, it may
// fail when made again to render: it then fails, and its old outputs stay.
TEST(BuildFolder, AnItemThatCannotBeMadeIsReportedAndRemovesNothing) {
  TempDir dir;
  const fs::path out = dir.path() / "out";
  ASSERT_EQ(build(samples(out), 2).outcome.written(), 6u);
  const auto before = fs::last_write_time(out / "cong-van-dang.pdf");
  FolderJob job = samples(out);
  auto calls = std::make_shared<std::atomic<int>>(0);
  job.item = [items = items_of(job), calls](std::size_t i) {
    if (i == 0) return Result<BuildItem>::failure({"store", 0, 0, "cannot read item 0"});
    if (items[i].name == "cong-van-dang" && ++*calls == 2)  // planned, then not made again
      return Result<BuildItem>::failure({"store", 0, 0, "cannot read item " + std::to_string(i)});
    BuildItem item = items[i];
    item.name += "-renamed";  // the old names are no longer generated
    if (items[i].name == "cong-van-dang") item.name = items[i].name;
    return Result<BuildItem>{std::move(item), {}};
  };
  const BuildRun run = build(std::move(job), 2);
  ASSERT_EQ(run.outcome.rejected.size(), 2u) << run.messages;
  EXPECT_EQ(run.outcome.rejected[0].message, "cannot read item 0");
  EXPECT_EQ(run.outcome.rejected[1].message.rfind("cannot read item ", 0), 0u);
  EXPECT_EQ(listed(run.outcome, Listed::Failed), std::vector<std::string>{"cong-van-dang"});
  EXPECT_EQ(run.outcome.written(), 4u);
  EXPECT_EQ(run.outcome.count(Listed::Removed), 0u);
  EXPECT_EQ(fs::last_write_time(out / "cong-van-dang.pdf"), before);
  EXPECT_TRUE(fs::exists(out / "bao-cao-dang.pdf"));
}

TEST(BuildFolder, RefusesUnsafeAndDuplicateOutputNames) {
  TempDir dir;
  FolderJob job = samples(dir.path() / "out");
  std::vector<BuildItem> items = items_of(job);
  items.resize(3);
  items[1].name = "../escape";
  items[2].name = items[0].name;
  list_items(job, std::move(items));
  const BuildRun run = build(std::move(job), 2);
  EXPECT_EQ(run.outcome.written(), 1u);
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
  const std::vector<BuildItem> originals = items_of(job);
  std::vector<BuildItem> items = originals;
  for (int copy = 1; copy < 5; ++copy)
    for (BuildItem item : originals) {
      item.name += "-" + std::to_string(copy);
      items.push_back(std::move(item));
    }
  list_items(job, std::move(items));
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
  BuildRun stopped = build(many_samples(out), 1, [&] { return pdfs_in(out) == 0; });
  EXPECT_TRUE(stopped.outcome.interrupted);
  const std::size_t done = stopped.outcome.written();
  EXPECT_GE(done, 1u);
  EXPECT_LT(done, 30u);
  EXPECT_EQ(manifest_entries(out), done);
  stopped.outcome.ledger.reset();  // and its scratch file
  for (const auto& e : fs::directory_iterator(out)) EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos);

  const BuildRun rest = build(many_samples(out), 2);
  EXPECT_FALSE(rest.outcome.interrupted);
  EXPECT_EQ(rest.outcome.count(Listed::Unchanged), done);
  EXPECT_EQ(rest.outcome.written(), 30u - done);
}

}  // namespace
}  // namespace vanban
