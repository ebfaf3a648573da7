// The command-line conventions every command shares (docs/cli.md): options
// parsed from the command's table entry, suggestions for a mistyped name,
// the help text, and the colour decision.
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "cli.hpp"
#include "support/suggestion.hpp"

namespace slakit::cli {
namespace {

const OptionSpec* find_option(const CommandSpec& spec, std::string_view name) {
  for (const auto* list : {&spec.options, &common_options()}) {
    for (const auto& o : *list) {
      if (o.name == name) return &o;
    }
  }
  return nullptr;
}

// "auto, always or never"
std::string or_list(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i != 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::string join(const std::vector<std::string_view>& words, std::string_view between) {
  std::string out;
  for (const auto w : words) {
    if (!out.empty()) out += between;
    out += w;
  }
  return out;
}

ColorChoice color_choice(std::string_view value) {
  if (value == "always") return ColorChoice::always;
  if (value == "never") return ColorChoice::never;
  return ColorChoice::automatic;
}

}  // namespace

const std::vector<OptionSpec>& common_options() {
  static const std::vector<OptionSpec> options = {
      {"--color",
       "WHEN",
       {"auto", "always", "never"},
       "colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always, never"},
      {"--help", "", {}, "print this help and exit"},
  };
  return options;
}

std::optional<std::string_view> closest(std::string_view word,
                                        const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best, prefix_of;
  std::size_t best_distance = 0, prefixes = 0;
  for (const auto c : candidates) {
    const auto d = detail::edit_distance(word, c);
    if (!best || d < best_distance) best = c, best_distance = d;
    if (word.size() > 3 && c.substr(0, word.size()) == word) ++prefixes, prefix_of = c;
  }
  // Close: a third of the word's letters wrong at most (two for short words).
  if (best && best_distance <= std::max<std::size_t>(2, word.size() / 3)) return best;
  if (prefixes == 1) return prefix_of;
  return std::nullopt;
}

bool Arguments::colored(std::FILE* stream) const {
  if (color != ColorChoice::automatic) return color == ColorChoice::always;
  // https://no-color.org: present and not empty means no colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(::fileno(stream)) == 1;
}

Arguments parse_command_line(const CommandSpec& spec, int argc, char** argv, int first) {
  Arguments args;
  bool options_ended = false;
  for (int i = first; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      args.files.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      if (spec.keeps_double_dash) {
        args.files.emplace_back(arg);
      } else {
        options_ended = true;
      }
      continue;
    }
    const auto equals = arg.find('=');
    const auto name = arg.substr(0, equals);
    const OptionSpec* option = find_option(spec, name);
    if (option == nullptr) {
      std::vector<std::string_view> names;
      for (const auto* list : {&spec.options, &common_options()}) {
        for (const auto& o : *list) names.push_back(o.name);
      }
      const auto near = closest(name, names);
      throw UsageError{fmt::format("unknown option '{}'{}", name,
                                   near ? fmt::format("; did you mean '{}'?", *near)
                                        : fmt::format("; see 'slakit {} --help'", spec.name))};
    }
    std::string value;
    if (option->value.empty()) {
      if (equals != std::string_view::npos) {
        throw UsageError{fmt::format("option '{}' takes no value", name)};
      }
    } else if (equals != std::string_view::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      throw UsageError{fmt::format("option '{}' needs a value ({})", name, option->value)};
    }
    if (!option->allowed.empty() &&
        std::find(option->allowed.begin(), option->allowed.end(), value) == option->allowed.end()) {
      throw UsageError{fmt::format("{} takes {}, not '{}'", name, or_list(option->allowed), value)};
    }
    if (!option->repeatable && args.flag(std::string{name})) {
      throw UsageError{fmt::format("option '{}' given twice", name)};
    }
    if (name == "--color") args.color = color_choice(value);
    args.options.emplace_back(name, std::move(value));
  }
  return args;
}

std::string command_help(const CommandSpec& spec) {
  std::string out = fmt::format("usage: slakit {}{}{}\n\n{}\n", spec.name,
                                spec.synopsis.empty() ? "" : " ", spec.synopsis, spec.summary);
  std::vector<std::string> left;
  std::vector<std::string_view> right;
  for (const auto* list : {&spec.options, &common_options()}) {
    for (const auto& o : *list) {
      const auto value = o.allowed.empty() ? std::string{o.value} : join(o.allowed, "|");
      left.push_back(o.value.empty() ? std::string{o.name} : fmt::format("{} {}", o.name, value));
      right.push_back(o.help);
    }
  }
  const auto width =
      std::accumulate(left.begin(), left.end(), std::size_t{0},
                      [](std::size_t w, const auto& l) { return std::max(w, l.size()); });
  out += "\noptions:\n";
  for (std::size_t i = 0; i < left.size(); ++i) {
    out += fmt::format("  {:<{}}  {}\n", left[i], width, right[i]);
  }
  out += "\n";
  out += spec.help;
  // A command whose statuses differ (diff, after diff(1)) or say more
  // (test, report) spells them out in its help; the others share these.
  if (spec.help.find("exit status") == std::string_view::npos) {
    out += "\nexit status: 0 clean, 1 problems found, 2 usage or I/O error (docs/cli.md)\n";
  }
  return out;
}

}  // namespace slakit::cli
