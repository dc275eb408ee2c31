// invalid-command: a docker run/create line the docker CLI would reject (an
// unknown flag such as `--d`, a flag missing its value, no image).
#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "invalid-command",
    .title = "docker run line the docker CLI would reject",
    .severity = Severity::low,
    .surfaces = {Surface::run},
    .rationale =
        "A typo in a flag (`--d` for `-d`, `--priviliged`) or a flag without its value makes "
        "the docker CLI refuse the whole command: the script, CI job or documented step fails, "
        "and any hardening flag around it was never checked either.",
    .remedy = "Fix the command: use a flag listed by `docker run --help` and give each value.",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const CommandIssue& i : inventory.command_issues) {
    out.add(make_object_finding(k_info, i.file, i.where, i.object, i.message));
  }
}

}  // namespace

extern const Rule k_invalid_command{k_info, RuleScope::unit, check};

}  // namespace vern
