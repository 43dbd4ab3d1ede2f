// Progress of a build on standard error: a bar redrawn in place on a terminal, plain lines
// (each phase, every 10%) otherwise, nothing with --quiet. Messages (errors, warnings) are
// printed in every mode, on their own line, the bar redrawn under them.
#pragma once

#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace vanban {

enum class ProgressMode { Quiet, Lines, Bar };

// "[#########-----------] 1.234/10.512  412 doc/s  0:21 left": `width` characters of bar.
std::string progress_bar_text(std::size_t done, std::size_t total, double seconds, int width);

class Progress {
 public:
  Progress(ProgressMode mode, std::ostream& err) : mode_(mode), err_(err) {}

  // A step of the build ("2026-10: reading meetings.xml"); not shown with --quiet.
  void phase(const std::string& text);
  // Rendering of `total` documents begins under `label`.
  void start(const std::string& label, std::size_t total);
  void update(std::size_t done);
  // Ends the bar's line.
  void finish();
  // Always shown.
  void message(const std::string& line);

 private:
  using Clock = std::chrono::steady_clock;
  void draw();
  void clear_bar();

  ProgressMode mode_;
  std::ostream& err_;
  std::string label_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  int tenths_shown_ = 0;  // Lines: the last 10% step printed
  bool bar_shown_ = false;
  Clock::time_point started_;
  Clock::time_point drawn_;
};

}  // namespace vanban
