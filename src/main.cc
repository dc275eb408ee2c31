// vern: the executable is a thin shell over the cli layer.
#include <unistd.h>

#include <exception>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  vern::cli::Io io;
  io.out_is_terminal = isatty(STDOUT_FILENO) == 1;
  try {
    return vern::cli::run_main(args, io);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vern: internal error: %s\n", e.what());
    return vern::cli::k_exit_error;
  }
}
