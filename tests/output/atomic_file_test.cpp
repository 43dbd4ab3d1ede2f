#include "output/atomic_file.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace vanban {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vanban-atomic-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  fs::path dir_;
};

TEST_F(AtomicFileTest, CreatesTheFolderAndLeavesOnlyTheTarget) {
  const fs::path nested = dir_ / "a" / "b";
  EXPECT_EQ(write_file_atomically(nested.string(), "x.pdf", "%PDF-1.3 body"), "");
  EXPECT_EQ(read(nested / "x.pdf"), "%PDF-1.3 body");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(nested)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"x.pdf"});
}

// Small pieces are gathered, large ones written as they come: either way in the order given.
TEST_F(AtomicFileTest, PiecesOfEverySizeArriveInOrder) {
  fs::create_directories(dir_);
  std::string error;
  std::unique_ptr<AtomicFile> file = AtomicFile::create(dir_.string(), "report.txt", error);
  ASSERT_TRUE(file) << error;
  std::string expected;
  const auto put = [&](std::string piece) {
    file->write(piece);
    expected += piece;
  };
  for (int i = 0; i < 3000; ++i) put("line " + std::to_string(i) + "\n");  // more than 64 KiB of lines
  put(std::string(5000, 'a'));                                           // a whole small document
  put("between\n");
  put(std::string(4096, 'b'));  // exactly the size written as it comes
  put(std::string(4095, 'c'));  // one byte less: gathered
  put(std::string(70000, 'd'));
  put("last\n");
  EXPECT_EQ(file->commit(), "");
  EXPECT_EQ(read(dir_ / "report.txt"), expected);
  EXPECT_EQ(entries(), std::vector<std::string>{"report.txt"});
}

TEST_F(AtomicFileTest, ReplacesAnExistingFileAndASymlinkWithoutFollowingIt) {
  fs::create_directories(dir_);
  const fs::path outside = dir_ / "outside.txt";
  std::ofstream(outside) << "keep me";
  fs::create_symlink(outside, dir_ / "x.html");
  EXPECT_EQ(write_file_atomically(dir_.string(), "x.html", "<p>new</p>"), "");
  EXPECT_FALSE(fs::is_symlink(dir_ / "x.html"));
  EXPECT_EQ(read(dir_ / "x.html"), "<p>new</p>");
  EXPECT_EQ(read(outside), "keep me");
  EXPECT_EQ(write_file_atomically(dir_.string(), "x.html", "<p>newer</p>"), "");
  EXPECT_EQ(read(dir_ / "x.html"), "<p>newer</p>");
  EXPECT_EQ(entries(), (std::vector<std::string>{"outside.txt", "x.html"}));
}

TEST_F(AtomicFileTest, FailureLeavesNoTemporaryFile) {
  fs::create_directories(dir_ / "x.pdf");  // a folder where the file should go: rename fails
  const std::string error = write_file_atomically(dir_.string(), "x.pdf", "bytes");
  EXPECT_NE(error.find("cannot rename the temporary file to '" + (dir_ / "x.pdf").string() + "'"),
            std::string::npos)
      << error;
  EXPECT_EQ(entries(), std::vector<std::string>{"x.pdf"});
}

// Every writer has its own temporary file: threads never rename or remove each other's.
TEST_F(AtomicFileTest, SeveralThreadsWriteAtOnce) {
  constexpr int kThreads = 8, kFiles = 500;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kThreads);
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kFiles; ++i) {
        const std::string name = "t" + std::to_string(t) + "-" + std::to_string(i) + ".pdf";
        const std::string error = write_file_atomically(dir_.string(), name, std::string(1000 + i, 'a' + t));
        if (!error.empty() && errors[t].empty()) errors[t] = error;
      }
    });
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(entries().size(), static_cast<std::size_t>(kThreads * kFiles));
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kFiles; i += 37)
      EXPECT_EQ(read(dir_ / ("t" + std::to_string(t) + "-" + std::to_string(i) + ".pdf")),
                std::string(1000 + i, 'a' + t));
}

// What a kill -9 left is removed by the next run, and only that: the exact pattern, a process
// that no longer runs, a regular file directly in the folder.
TEST_F(AtomicFileTest, RemovesOnlyItsOwnStaleTemporaryFiles) {
  fs::create_directories(dir_ / "sub");
  const std::string dead = "999999999";  // above any pid_max: no such process
  const std::string alive = std::to_string(::getpid());
  const fs::path outside = dir_.string() + "-outside.pdf";
  std::ofstream(outside) << "keep me";
  for (const std::string& name : std::vector<std::string>{".a.pdf.tmp-" + dead + "-3", ".a-a5.pdf.tmp-" + dead + "-12", ".a.pdf.tmp-" + alive + "-0",
        "a.pdf.tmp-" + dead + "-1", ".a.pdf.tmp-" + dead + "-x", ".a.pdf.tmp-" + dead, ".tmp-" + dead + "-1",
        ".a.pdf.tmp--1", "notes.txt"})
    std::ofstream(dir_ / name) << "x";
  std::ofstream(dir_ / "sub" / (".a.pdf.tmp-" + dead + "-1")) << "x";
  fs::create_directory(dir_ / (".d.tmp-" + dead + "-1"));
  fs::create_symlink(outside, dir_ / (".l.pdf.tmp-" + dead + "-1"));

  std::vector<std::string> removed = remove_stale_temp_files(dir_.string());
  std::sort(removed.begin(), removed.end());
  EXPECT_EQ(removed, (std::vector<std::string>{".a-a5.pdf.tmp-" + dead + "-12", ".a.pdf.tmp-" + dead + "-3"}));
  EXPECT_EQ(entries().size(), 10u);
  EXPECT_TRUE(fs::exists(dir_ / "sub" / (".a.pdf.tmp-" + dead + "-1")));
  EXPECT_TRUE(fs::is_symlink(dir_ / (".l.pdf.tmp-" + dead + "-1")));
  EXPECT_EQ(read(outside), "keep me");
  fs::remove(outside);
}

// A scratch file (the month store's database) is one of the temporary files: made in a folder it
// creates, named so that a killed run's is removed by the next, and gone with its owner.
TEST_F(AtomicFileTest, AScratchFileIsATemporaryFileUntilItIsDestroyed) {
  std::string error;
  std::unique_ptr<ScratchFile> a = ScratchFile::create(dir_.string(), "month.sqlite", error);
  std::unique_ptr<ScratchFile> b = ScratchFile::create(dir_.string(), "month.sqlite", error);
  ASSERT_TRUE(a && b) << error;
  EXPECT_NE(a->path(), b->path());
  EXPECT_EQ(fs::path(a->path()).parent_path(), dir_);
  EXPECT_EQ(fs::file_size(a->path()), 0u);
  EXPECT_TRUE(fs::path(a->path()).filename().string().starts_with(".month.sqlite.tmp-" + std::to_string(::getpid()) + "-"));
  EXPECT_TRUE(remove_stale_temp_files(dir_.string()).empty());  // this process runs

  std::ofstream(dir_ / ".month.sqlite.tmp-999999999-4") << "a killed run's";
  EXPECT_EQ(remove_stale_temp_files(dir_.string()), std::vector<std::string>{".month.sqlite.tmp-999999999-4"});
  a.reset();
  b.reset();
  EXPECT_TRUE(entries().empty());

  std::ofstream(dir_ / "plain") << "not a folder";
  EXPECT_FALSE(ScratchFile::create((dir_ / "plain").string(), "month.sqlite", error));
  EXPECT_NE(error.find("plain"), std::string::npos) << error;
}

TEST_F(AtomicFileTest, AWritableOutputFolderIsLeftAsItWas) {
  fs::create_directories(dir_ / "out");
  EXPECT_EQ(check_output_folder((dir_ / "out").string()), "");
  EXPECT_TRUE(fs::is_empty(dir_ / "out"));
  EXPECT_EQ(check_output_folder((dir_ / "new" / "out").string()), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"out"});
}

TEST_F(AtomicFileTest, AnOutputFolderThatCannotBeWrittenIsOneMessage) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";
  const std::string under_file = (dir_ / "file" / "out").string();
  EXPECT_EQ(check_output_folder(under_file),
            "the output folder '" + under_file + "' cannot be written: Not a directory; choose another with -o DIR");
  // A folder even root cannot create files in.
  const std::string error = check_output_folder("/proc/self");
  EXPECT_EQ(error.rfind("the output folder '/proc/self' cannot be written: ", 0), 0u) << error;
}

}  // namespace
}  // namespace vanban
