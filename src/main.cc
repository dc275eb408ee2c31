// vern: the executable is a thin shell over the cli layer.
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  vern::cli::Io io;
  io.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  // A report can run to megabytes; off a terminal, write it in large blocks
  // rather than a system call per 4 KiB. glibc ignores the size unless it is
  // given the buffer, which must outlive the final flush at exit.
  static char out_buffer[1 << 16];
  if (!io.out_is_terminal) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  try {
    return vern::cli::run_main(args, io);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vern: internal error: %s\n", e.what());
    return vern::cli::k_exit_error;
  }
}
