#include "batch/progress.h"

#include <cmath>

#include "text/vietnamese_format.h"

namespace vanban {

namespace {

std::string clock_text(double seconds) {
  const long long s = std::llround(seconds);
  const std::string ss = std::to_string(s % 60);
  return std::to_string(s / 60) + ":" + (ss.size() < 2 ? "0" : "") + ss;
}

// Below this many documents Lines mode shows the phases only: 10% steps would be noise.
constexpr std::size_t kLinesFrom = 50;

std::string count_text(std::size_t n) { return text::format_integer(static_cast<long long>(n)); }

}  // namespace

std::string progress_bar_text(std::size_t done, std::size_t total, double seconds, int width) {
  const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int filled = static_cast<int>(fraction * width);
  std::string out = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "] " +
                    count_text(done) + "/" + count_text(total);
  if (seconds > 0 && done > 0) {
    const double rate = static_cast<double>(done) / seconds;
    out += "  " + count_text(static_cast<std::size_t>(std::llround(rate))) + " doc/s  " +
           clock_text(static_cast<double>(total - done) / rate) + " left";
  }
  return out;
}

void Progress::phase(const std::string& text) {
  if (mode_ == ProgressMode::Quiet) return;
  clear_bar();
  err_ << text << '\n' << std::flush;
}

void Progress::start(const std::string& label, std::size_t total) {
  label_ = label;
  total_ = total;
  done_ = 0;
  tenths_shown_ = 0;
  started_ = drawn_ = Clock::now();
  if (total == 0) return;
  if (mode_ == ProgressMode::Lines)
    err_ << label_ << ": rendering " << count_text(total) << " documents\n" << std::flush;
  if (mode_ == ProgressMode::Bar) draw();
}

void Progress::update(std::size_t done) {
  done_ = done;
  if (mode_ == ProgressMode::Bar) {
    if (Clock::now() - drawn_ >= std::chrono::milliseconds(100) || done_ == total_) draw();
  } else if (mode_ == ProgressMode::Lines && total_ >= kLinesFrom) {
    const int tenths = static_cast<int>(done_ * 10 / total_);
    if (tenths > tenths_shown_) {
      tenths_shown_ = tenths;
      const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
      err_ << label_ << ": " << count_text(done_) << "/" << count_text(total_) << " (" << tenths * 10
           << "%), " << count_text(static_cast<std::size_t>(seconds > 0 ? std::llround(done_ / seconds) : 0))
           << " documents/s\n"
           << std::flush;
    }
  }
}

void Progress::finish() {
  if (mode_ == ProgressMode::Bar && bar_shown_) {
    draw();
    err_ << '\n' << std::flush;
    bar_shown_ = false;
  }
  total_ = 0;
}

void Progress::message(const std::string& line) {
  clear_bar();
  err_ << line << '\n' << std::flush;
  if (mode_ == ProgressMode::Bar && total_ > 0 && done_ < total_) draw();
}

void Progress::draw() {
  drawn_ = Clock::now();
  const double seconds = std::chrono::duration<double>(drawn_ - started_).count();
  err_ << "\r\033[K" << label_ << " " << progress_bar_text(done_, total_, seconds, 24) << std::flush;
  bar_shown_ = true;
}

void Progress::clear_bar() {
  if (!bar_shown_) return;
  err_ << "\r\033[K";
  bar_shown_ = false;
}

}  // namespace vanban
