// Runs a reference program (dpkg, rpm) with an argv array and captures its
// standard output, for differential tests of the version comparators.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace vern::vulndb::testing {

struct ProgramResult {
  int exit_code = -1;  // -1 when the program could not run
  std::string out;
};

inline ProgramResult run_program(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  pid_t pid = fork();
  if (pid < 0) return {};
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(fds[1]);
  ProgramResult r;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) r.out.append(buf, std::size_t(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

inline bool program_exists(const std::string& name) {
  return run_program({"sh", "-c", "command -v \"$0\" >/dev/null", name}).exit_code == 0;
}

// Random versions built from pieces that exercise each comparator's rules,
// with a fixed seed so failures reproduce.
class VersionGenerator {
 public:
  explicit VersionGenerator(std::uint32_t seed) : m_rng(seed) {}

  std::uint32_t below(std::uint32_t n) { return m_rng() % n; }

  std::string pick(const std::vector<std::string>& options) {
    return options[below(std::uint32_t(options.size()))];
  }

  // A dot-separated run of numbers and short words, starting with a digit.
  std::string upstream(const std::vector<std::string>& extras) {
    std::string v = std::to_string(below(4));
    int parts = int(below(4));
    for (int i = 0; i < parts; ++i) {
      switch (below(5)) {
        case 0:
          v += pick(extras);
          break;
        case 1:
          v += std::string(1, char('a' + below(3)));
          break;
        default:
          v += "." + std::string(below(4) == 0 ? "0" : "") + std::to_string(below(12));
      }
    }
    return v;
  }

  // A second version close to `a`, so pairs often share a prefix.
  std::string mutate(const std::string& a, const std::vector<std::string>& extras) {
    switch (below(4)) {
      case 0:
        return a;
      case 1:
        return a + pick(extras);
      case 2:
        return a.substr(0, below(std::uint32_t(a.size()) + 1)) + pick(extras);
      default:
        return a.substr(0, a.size() > 1 ? a.size() - 1 : a.size());
    }
  }

 private:
  std::mt19937 m_rng;
};

}  // namespace vern::vulndb::testing
