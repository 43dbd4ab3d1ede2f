// `vanban build --month YYYY-MM` started from the page: one build at a time, on a thread of its
// own, its progress lines kept for the page to poll, and when it ends its exit status and
// OUT/YYYY-MM/run-report.json (every document written and every rejection with its place).
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "render/engine.h"

namespace vanban::serve {

struct MonthBuildSetup {
  std::string content_dir, output_dir, data_dir;
  std::string engine_fingerprint;  // batch/engine_fingerprint.h
};

struct MonthBuildStatus {
  int id = 0;
  std::string month;
  bool running = false;
  int exit_status = -1;     // when done: vanban build's exit status
  std::string log;          // the progress lines so far
  std::string run_report;   // OUT/MONTH/run-report.json when done
};

class MonthBuilds {
 public:
  MonthBuilds(const Engine& engine, MonthBuildSetup setup) : engine_(engine), setup_(std::move(setup)) {}
  ~MonthBuilds();

  // The new build's id, or empty with `error` saying why (a bad month, one already running).
  std::optional<int> start(const std::string& month, std::string& error);
  // The latest build's status, when `id` is it.
  std::optional<MonthBuildStatus> status(int id);

 private:
  struct Run;
  const Engine& engine_;
  MonthBuildSetup setup_;
  std::mutex mutex_;
  std::shared_ptr<Run> current_;
  std::thread thread_;
};

}  // namespace vanban::serve
