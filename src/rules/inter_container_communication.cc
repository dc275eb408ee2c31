// inter-container-communication: containers on the default bridge can talk to each other
// (daemon.json or the live daemon).
#include <string>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "inter-container-communication",
    .title = "Containers on the default bridge can talk to each other",
    .severity = Severity::medium,
    .surfaces = {Surface::host, Surface::daemon_config},
    .rationale =
        "With `icc` left at its default (true), every container on the default bridge network can "
        "reach every other one on every port: one compromised container can probe and attack the "
        "rest.",
    .remedy =
        "Set \"icc\": false in daemon.json and link the containers that must talk through "
        "user-defined networks.",
    .cis = "2.2",
};

Finding finding(const DaemonConfig& c, Location where, std::string message) {
  return make_object_finding(k_info, c.file, where, c.label, std::move(message));
}

void check_one(const DaemonConfig& c, FindingSink& out) {
  if (c.icc.is(false)) return;
  std::string why = c.icc.is(true) ? "icc is true" : "icc is not set (default true)";
  out.add(finding(c, c.icc.where, why + ": containers on the default bridge reach each other"));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const DaemonConfig& c : inventory.daemon_configs) check_one(c, out);
}

}  // namespace

extern const Rule k_inter_container_communication{k_info, RuleScope::unit, check};

}  // namespace vern
