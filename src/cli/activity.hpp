// What the command is doing, for the one line an out-of-memory failure gets
// (docs/cli.md, "Exit codes": `slakit check: out of memory while compiling
// rules.sla`). A step that can need much memory names itself for as long as
// it runs; when an exception leaves the step, its name stays, so that main
// can say where memory ran out without allocating anything.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace slakit::cli {

class Activity {
 public:
  /// `what` reads after "while": "compiling rules.sla".
  explicit Activity(std::string what);
  ~Activity();
  Activity(const Activity&) = delete;
  Activity& operator=(const Activity&) = delete;

  /// The step running, or that an exception left; "" outside any.
  [[nodiscard]] static const char* current() noexcept;
  /// The command running ("check"), or "" before one is known.
  [[nodiscard]] static const char* command() noexcept;
  static void set_command(std::string_view name) noexcept;

 private:
  std::string previous_;
  int exceptions_ = 0;  // std::uncaught_exceptions() when the step began
};

/// The step of compiling rule files, for an Activity: "compiling
/// rules.sla", "compiling rules.sla and 2 more files".
[[nodiscard]] std::string compiling_step(const std::vector<std::string>& paths);

}  // namespace slakit::cli
