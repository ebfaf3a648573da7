#include "progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace slakit::cli {

Progress::Progress(std::string command) : command_(std::move(command)) {
  shown_ = ::isatty(STDERR_FILENO) != 0;
  if (shown_) thread_ = std::thread{[this] { show(); }};
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock{mutex_};
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::fputs("\r\033[K", stderr);  // the line goes, the output stays clean
}

void Progress::show() {
  std::unique_lock lock{mutex_};
  while (!wake_.wait_for(lock, std::chrono::milliseconds{500}, [this] { return done_; })) {
    std::fprintf(stderr, "\r%s: %llu tickets\033[K", command_.c_str(),
                 static_cast<unsigned long long>(count_.load(std::memory_order_relaxed)));
    std::fflush(stderr);
  }
}

void print_above_progress(const std::string& lines) {
  // One write, so that the progress thread's cannot come between the two.
  if (::isatty(STDERR_FILENO) != 0) {
    std::fputs(("\r\033[K" + lines).c_str(), stderr);
  } else {
    std::fputs(lines.c_str(), stderr);
  }
}

}  // namespace slakit::cli
