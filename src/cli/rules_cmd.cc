#include "cli/command.h"

namespace vern::cli {

extern const std::string_view k_rules_usage =
    "usage: vern rules [--format table|json]\n\nPrints the rule catalog.\n";

int run_rules(const std::vector<std::string>&, const Io&) { return k_exit_ok; }

}  // namespace vern::cli
