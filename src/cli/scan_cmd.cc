#include "cli/command.h"

namespace vern::cli {

extern const std::string_view k_scan_usage = "usage: vern scan [PATH...]\n";

int run_scan(const std::vector<std::string>&, const Io&) { return k_exit_ok; }

}  // namespace vern::cli
