// A progress line on stderr for the commands that read long ticket files
// (diff, report): "report: 1200000 tickets", rewritten in place twice a
// second, and only when stderr is a terminal, so logs and pipes never see
// it. Erased when the command is done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace slakit::cli {

class Progress {
 public:
  explicit Progress(std::string command);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more ticket; safe from any thread. Counted only when shown: the
  /// locked increment, on a line every thread writes, held about 1.3% of
  /// `report`'s samples on one core (docs/benchmarks.md), and more across
  /// cores.
  void tick() noexcept {
    if (shown_) count_.fetch_add(1, std::memory_order_relaxed);
  }

 private:
  void show();

  std::string command_;
  bool shown_ = false;  // stderr is a terminal; set before any thread ticks
  std::atomic<std::uint64_t> count_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::thread thread_;  // only when stderr is a terminal
};

/// Writes lines (a bad line's report) to stderr, first erasing a progress
/// line that may stand unfinished on the terminal, so that the report
/// starts a line of its own.
void print_above_progress(const std::string& lines);

}  // namespace slakit::cli
