#include "serve/month_builds.h"

#include <filesystem>
#include <ostream>
#include <streambuf>

#include "batch/build_run.h"
#include "output/file_bytes.h"

namespace vanban::serve {

namespace {

bool is_month(const std::string& m) {
  if (m.size() != 7 || m[4] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6})
    if (m[i] < '0' || m[i] > '9') return false;
  return (m[5] == '0' && m[6] >= '1') || (m[5] == '1' && m[6] <= '2');
}

}  // namespace

// The build's standard error, read by the page while the build writes it.
struct MonthBuilds::Run : std::streambuf {
  int overflow(int c) override {
    if (c != traits_type::eof()) {
      std::lock_guard lock(mutex);
      status.log += static_cast<char>(c);
    }
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::lock_guard lock(mutex);
    status.log.append(s, n);
    return n;
  }
  std::mutex mutex;
  MonthBuildStatus status;
};

MonthBuilds::~MonthBuilds() {
  if (thread_.joinable()) thread_.join();
}

std::optional<int> MonthBuilds::start(const std::string& month, std::string& error) {
  if (!is_month(month)) {
    error = "Tháng viết theo dạng YYYY-MM, ví dụ 2026-10.";
    return std::nullopt;
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(std::filesystem::path(setup_.content_dir) / month, ec)) {
    error = "Không có thư mục " + setup_.content_dir + "/" + month + ".";
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  if (current_) {
    std::lock_guard run_lock(current_->mutex);
    if (current_->status.running) {
      error = "Đang dựng tháng " + current_->status.month + "; chờ xong rồi dựng tiếp.";
      return std::nullopt;
    }
  }
  if (thread_.joinable()) thread_.join();
  auto run = std::make_shared<Run>();
  run->status = {current_ ? current_->status.id + 1 : 1, month, true, -1, {}, {}};
  current_ = run;
  thread_ = std::thread([this, run, month] {
    BuildRequest request;
    request.content_dir = setup_.content_dir;
    request.output_dir = setup_.output_dir;
    request.month = month;
    request.jobs = 1;  // the server keeps answering the page meanwhile
    request.progress = ProgressMode::Lines;
    request.data_dir = setup_.data_dir;
    request.engine_fingerprint = setup_.engine_fingerprint;
    std::ostream err(run.get());
    const int status = run_build(engine_, request, err);
    const std::string report = read_file_bytes(setup_.output_dir + "/" + month + "/run-report.json").value_or("");
    std::lock_guard run_lock(run->mutex);
    run->status.running = false;
    run->status.exit_status = status;
    run->status.run_report = report;
  });
  return run->status.id;
}

std::optional<MonthBuildStatus> MonthBuilds::status(int id) {
  std::lock_guard lock(mutex_);
  if (!current_) return std::nullopt;
  std::lock_guard run_lock(current_->mutex);
  if (current_->status.id != id) return std::nullopt;
  return current_->status;
}

}  // namespace vanban::serve
