#include "activity.hpp"

#include <algorithm>
#include <exception>
#include <utility>

namespace slakit::cli {
namespace {

// One command runs per process; its steps nest on one thread.
std::string& current_step() {
  static std::string step;
  return step;
}
char command_name[32] = "";  // a command's name, cut short if need be

}  // namespace

Activity::Activity(std::string what) : exceptions_(std::uncaught_exceptions()) {
  previous_ = std::exchange(current_step(), std::move(what));
}

Activity::~Activity() {
  // Left by an exception: keep the name for main's message. Swapping back
  // allocates nothing.
  if (std::uncaught_exceptions() > exceptions_) return;
  current_step().swap(previous_);
}

const char* Activity::current() noexcept {
  return current_step().c_str();
}

const char* Activity::command() noexcept {
  return command_name;
}

void Activity::set_command(std::string_view name) noexcept {
  const auto n = std::min(name.size(), sizeof command_name - 1);
  std::copy_n(name.data(), n, command_name);
  command_name[n] = '\0';
}

std::string compiling_step(const std::vector<std::string>& paths) {
  if (paths.empty()) return "compiling";
  auto step = "compiling " + paths.front();
  if (paths.size() > 1) step += " and " + std::to_string(paths.size() - 1) + " more files";
  return step;
}

}  // namespace slakit::cli
