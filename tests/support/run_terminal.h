// run_terminal: runs a program with its standard output on a pseudo-terminal,
// with extra environment variables, so tests can see what a user at a
// terminal sees (colours) and how NO_COLOR changes it.
#pragma once

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "support/run_process.h"

namespace vern::testing {

// REQUIRES: argv non-empty; argv[0] is a path. `env` entries are set (name,
// value) in the child before exec; `unset` names are removed. Standard error
// goes to the same terminal, so `err` stays empty.
inline ProcessResult run_in_terminal(const std::vector<std::string>& argv,
                                     const std::vector<std::pair<std::string, std::string>>& env,
                                     const std::vector<std::string>& unset = {}) {
  ProcessResult result;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid < 0) return result;
  if (pid == 0) {
    for (const std::string& name : unset) unsetenv(name.c_str());
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    execv(args[0], args.data());
    _exit(127);
  }
  char buf[4096];
  while (true) {
    ssize_t n = read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO once the child has exited and the terminal closed
    result.out.append(buf, size_t(n));
  }
  close(master);
  int status = 0;
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

}  // namespace vern::testing
