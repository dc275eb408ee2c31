// Subcommands: each lives in its own file and registers in the table of
// commands.cc; `vern help` is generated from that table.
#pragma once

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vern::cli {

// Exit codes (design.md): 0 nothing at or above the threshold, 1 findings at or
// above it, 2 an input could not be read or parsed, or a usage error.
inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_error = 2;

// Where a command writes; tests pass files, main passes stdout/stderr.
struct Io {
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool out_is_terminal = false;
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `vern help`
  std::string_view usage;    // full help text for `vern help NAME` / `NAME --help`
  int (*run)(const std::vector<std::string>& args, const Io& io) = nullptr;
};

// Every subcommand, in the order `vern help` lists them.
std::span<const Command> commands();

// Runs the program with argv[1..]; returns the exit code.
int run_main(const std::vector<std::string>& args, const Io& io);

}  // namespace vern::cli
