#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <slakit/lang/diagnostic.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "cli.hpp"
#include "support/utf8.hpp"

namespace slakit::cli {

Output::Output(const std::optional<std::string>& path) {
  buffer_.reserve(kBlock + 4096);
  if (!path || *path == "-") {
    name_ = "standard output";
    file_ = stdout;
    return;
  }
  name_ = "'" + *path + "'";
  path_ = *path;
  // A device or a pipe is written directly, and so is a symbolic link (to
  // the file it names: renaming onto the link would replace the link, and
  // /dev/stdout would stop being the shell's redirection).
  struct stat existing {};
  struct stat link {};
  if ((::stat(path->c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) ||
      (::lstat(path->c_str(), &link) == 0 && S_ISLNK(link.st_mode))) {
    file_ = std::fopen(path->c_str(), "wb");
    if (file_ == nullptr) fail(errno);
    return;
  }
  std::string temporary = *path + ".slakit-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail(errno);
  temporary_ = temporary;
  // mkstemp makes the file private (0600); the output gets the mode any new
  // file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    const int error = errno;
    ::close(fd);
    fail(error);
  }
}

Output::~Output() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
  if (!finished_ && !temporary_.empty()) std::remove(temporary_.c_str());
}

void Output::fail(int error) const {
  throw UsageError{fmt::format("error writing {}: {}", name_, std::strerror(error))};
}

void Output::write(std::string_view data) {
  if (data.size() < kBlock) {
    buffer_ += data;
    flush_if_full();
    return;
  }
  flush();
  errno = 0;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    fail(errno != 0 ? errno : EIO);
  }
}

void Output::flush() {
  if (buffer_.empty()) return;
  errno = 0;
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    fail(errno != 0 ? errno : EIO);
  }
  buffer_.clear();
}

void Output::finish() {
  flush();
  errno = 0;
  if (std::fflush(file_) != 0 || std::ferror(file_)) fail(errno != 0 ? errno : EIO);
  if (file_ != stdout) {
    std::FILE* file = file_;
    file_ = nullptr;
    if (std::fclose(file) != 0) fail(errno);
    if (!temporary_.empty() && std::rename(temporary_.c_str(), path_.c_str()) != 0) fail(errno);
  }
  finished_ = true;
}

void refuse_output_over_input(const Arguments& args, const SourceMap* included) {
  std::vector<std::string> inputs = args.files;
  for (std::uint32_t i = 0; included != nullptr && i < included->size(); ++i) {
    inputs.push_back(included->file(i).path);
  }
  for (const char* option : {"--tickets", "--batch", "--agents"}) {
    if (auto path = args.value(option)) inputs.push_back(std::move(*path));
  }
  for (const char* option : {"--output", "--junit"}) {
    const auto output = args.value(option);
    if (!output || *output == "-") continue;
    struct stat out {};
    const bool out_exists = ::stat(output->c_str(), &out) == 0;
    // A device or a pipe (/dev/null) is written directly, never replaced.
    if (out_exists && !S_ISREG(out.st_mode)) continue;
    const auto out_path = std::filesystem::absolute(*output).lexically_normal();
    for (const auto& input : inputs) {
      if (input == "-" || input == "--") continue;
      struct stat in {};
      const bool same_file = out_exists && ::stat(input.c_str(), &in) == 0 &&
                             in.st_dev == out.st_dev && in.st_ino == out.st_ino;
      if (same_file || std::filesystem::absolute(input).lexically_normal() == out_path) {
        throw UsageError{
            fmt::format("{} '{}' is also an input ('{}'): writing it would destroy "
                        "what is read; write to another file",
                        option, *output, input)};
      }
    }
  }
}

void refuse_two_outputs_in_one(const Arguments& args) {
  const auto junit = args.value("--junit");
  if (!junit) return;
  const auto output = args.value("--output").value_or("-");
  // The file each names ("-": whatever standard output is, /dev/stdout
  // too): a regular file or a pipe written twice loses one of the two (a
  // terminal or /dev/null shows or drops both, and is allowed).
  const auto identity = [](const std::string& path, struct stat& st) {
    return path == "-" ? ::fstat(STDOUT_FILENO, &st) == 0 : ::stat(path.c_str(), &st) == 0;
  };
  struct stat a {};
  struct stat b {};
  bool same = *junit == output;
  if (!same && identity(*junit, a) && identity(output, b)) {
    same =
        a.st_dev == b.st_dev && a.st_ino == b.st_ino && (S_ISREG(a.st_mode) || S_ISFIFO(a.st_mode));
  } else if (!same && *junit != "-" && output != "-") {
    same = std::filesystem::absolute(*junit).lexically_normal() ==
           std::filesystem::absolute(output).lexically_normal();
  }
  if (same) {
    throw UsageError{fmt::format(
        "--junit '{}' is also where the report goes ({}): one would overwrite the other; "
        "give them different files",
        *junit, output == "-" ? "standard output" : "--output '" + output + "'")};
  }
}

void print_summary(std::string_view command, std::string_view record, const BatchCounts& counts) {
  std::fputs(fmt::format("slakit {}: {} {}{} read, {} written, {} rejected\n", command, counts.read,
                         record, counts.read == 1 ? "" : "s", counts.written, counts.rejected)
                 .c_str(),
             stderr);
}

bool stop_on_empty_input(std::string_view command, std::string_view path, const BatchCounts& counts,
                         bool allowed) {
  if (counts.read != 0) return false;
  const auto from =
      path == "-" ? std::string{"standard input"} : fmt::format("'{}'", detail::one_line(path));
  std::fputs(
      fmt::format("slakit {}: {}no tickets read from {}{}\n", command, allowed ? "note: " : "",
                  from, allowed ? "" : "; nothing written (--allow-empty accepts an empty input)")
          .c_str(),
      stderr);
  return !allowed;
}

std::string line_error(std::string_view path, std::size_t line, bool colored,
                       std::string_view message) {
  return render_line(fmt::format("{}:{}", path, line), Severity::error, "", message,
                     TextStyle{.color = colored});
}

}  // namespace slakit::cli
