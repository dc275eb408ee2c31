#include "sources/shell/prefixes.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "sources/shell/tokenizer.h"

namespace vern::shell {
namespace {

bool starts_option(std::string_view w) { return w.size() > 1 && w[0] == '-'; }

bool is_assignment_text(std::string_view w) {
  std::size_t eq = w.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  for (std::size_t k = 0; k < eq; ++k) {
    char c = w[k];
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
              (k > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// Skips the options of a prefix command starting at k; options listed in
// `with_value` take the next word unless written attached (`-uroot`).
std::size_t skip_options(const std::vector<ShellWord>& words, std::size_t k,
                         std::initializer_list<std::string_view> with_value) {
  while (k < words.size() && starts_option(words[k].text)) {
    std::string_view w = words[k].text;
    ++k;
    if (w == "--") break;
    if (std::find(with_value.begin(), with_value.end(), w) != with_value.end()) ++k;
  }
  return k;
}

constexpr std::array<std::string_view, 12> k_reserved = {
    "if", "then", "else", "elif", "do", "while", "until", "{", "!", "builtin", "nohup", "command"};

}  // namespace

std::size_t command_index(const std::vector<ShellWord>& words,
                          const std::vector<bool>& assignment) {
  std::size_t k = 0;
  while (k < words.size() && k < assignment.size() && assignment[k]) ++k;
  while (k < words.size()) {
    if (!words[k].literal) return k;
    std::string_view p = program_name(words[k]);
    if (std::find(k_reserved.begin(), k_reserved.end(), p) != k_reserved.end()) {
      k = skip_options(words, k + 1, {});
    } else if (p == "sudo" || p == "doas") {
      k = skip_options(words, k + 1,
                       {"-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T", "-R"});
      while (k < words.size() && is_assignment_text(words[k].text)) ++k;
    } else if (p == "exec") {
      k = skip_options(words, k + 1, {"-a"});
    } else if (p == "time") {
      k = skip_options(words, k + 1, {"-f", "-o"});
    } else if (p == "env") {
      k = skip_options(words, k + 1, {"-u", "-C", "-S", "--unset", "--chdir"});
      while (k < words.size() && is_assignment_text(words[k].text)) ++k;
    } else if (p == "nice" || p == "ionice" || p == "stdbuf" || p == "chrt" || p == "taskset") {
      k = skip_options(words, k + 1, {"-n", "-c", "-p", "-i", "-o", "-e"});
    } else if (p == "xargs") {
      // With `-I {}` the input replaces words anywhere in the command, so
      // what is written is not what runs: xargs stays the program.
      for (std::size_t j = k + 1; j < words.size() && starts_option(words[j].text); ++j) {
        std::string_view o = words[j].text;
        if (o.starts_with("-I") || o.starts_with("-i") || o.starts_with("--replace")) return k;
      }
      k = skip_options(words, k + 1,
                       {"-a", "-d", "-E", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter",
                        "--max-args", "--max-lines", "--max-procs", "--max-chars"});
    } else if (p == "timeout") {
      k = skip_options(words, k + 1, {"-s", "-k", "--signal", "--kill-after"});
      if (k < words.size()) ++k;  // the duration
    } else {
      return k;
    }
  }
  return k;
}

}  // namespace vern::shell
