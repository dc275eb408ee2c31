#include "sources/shell/stdin_script.h"

#include <optional>
#include <string_view>
#include <vector>

#include "sources/shell/tokenizer.h"

namespace vern::shell {
namespace {

// True iff `args` (the words after a shell's name) leave the shell reading its
// program from standard input: no `-c`, and no script file unless after `-s`.
bool shell_args_read_stdin(const std::vector<std::string_view>& args) {
  for (std::size_t k = 0; k < args.size(); ++k) {
    std::string_view a = args[k];
    if (a == "-" || a == "-s" || a == "--") return true;
    if (a == "-o" || a == "+o" || a == "-O" || a == "+O") {
      ++k;  // `-o pipefail`: the option's name follows
      continue;
    }
    if (a.size() > 1 && (a[0] == '-' || a[0] == '+') && a[1] != '-') {
      if (a.find('c') != std::string_view::npos) return false;
      if (a.find('s') != std::string_view::npos) return true;
      continue;
    }
    if (a.starts_with("--")) continue;  // --login, --norc
    return false;                       // a script file
  }
  return true;
}

// The remote command of an ssh command line: the words after the host.
// nullopt when the words cannot be told apart.
std::optional<std::vector<std::string_view>> ssh_remote_command(const ShellCommand& c) {
  // Options of ssh that take a value as the next word.
  constexpr std::string_view k_with_value = "BbcDEeFIiJLlmOoPpQRSWw";
  std::size_t k = c.command_index + 1;
  for (; k < c.words.size(); ++k) {
    std::string_view a = c.words[k].text;
    if (a == "--") {
      ++k;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    if (a.size() == 2 && k_with_value.find(a[1]) != std::string_view::npos) ++k;
  }
  if (k >= c.words.size()) return std::nullopt;  // no host
  std::vector<std::string_view> out;
  for (++k; k < c.words.size(); ++k) {
    // `ssh host 'bash -s'`: the remote side splits a quoted command on blanks.
    std::string_view w = c.words[k].text;
    while (!w.empty()) {
      std::size_t blank = w.find_first_of(" \t");
      if (blank != 0) out.push_back(w.substr(0, blank));
      if (blank == std::string_view::npos) break;
      w.remove_prefix(blank + 1);
    }
  }
  return out;
}

}  // namespace

bool is_shell_name(std::string_view n) {
  return n == "sh" || n == "bash" || n == "zsh" || n == "dash" || n == "ksh" || n == "ash";
}

bool reads_script_from_stdin(const ShellCommand& c) {
  const ShellWord* prog = c.program();
  if (!prog || !prog->literal) return false;
  std::string_view name = program_name(*prog);
  std::vector<std::string_view> args;
  if (name == "ssh") {
    std::optional<std::vector<std::string_view>> remote = ssh_remote_command(c);
    if (!remote) return false;
    if (remote->empty()) return true;  // the remote login shell reads it
    if (!is_shell_name(program_name(remote->front()))) return false;
    args.assign(remote->begin() + 1, remote->end());
    return shell_args_read_stdin(args);
  }
  if (!is_shell_name(name)) return false;
  for (std::size_t k = c.command_index + 1; k < c.words.size(); ++k)
    args.push_back(c.words[k].text);
  return shell_args_read_stdin(args);
}

}  // namespace vern::shell
