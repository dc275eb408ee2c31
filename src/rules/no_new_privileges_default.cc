// no-new-privileges-default: containers may gain privileges by default (daemon.json or the live
// daemon).
#include <string>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "no-new-privileges-default",
    .title = "Containers may gain privileges by default",
    .severity = Severity::low,
    .surfaces = {Surface::host, Surface::daemon_config},
    .rationale =
        "Unless the daemon sets `no-new-privileges` for every container, setuid binaries inside a "
        "container can raise a process's privileges; each container must then remember to set it "
        "itself.",
    .remedy = "Set \"no-new-privileges\": true in daemon.json.",
    .cis = "2.14",
};

Finding finding(const DaemonConfig& c, Location where, std::string message) {
  return make_object_finding(k_info, c.file, where, c.label, std::move(message));
}

void check_one(const DaemonConfig& c, FindingSink& out) {
  if (c.no_new_privileges.is(true)) return;
  std::string why = c.no_new_privileges.is(false) ? "is false" : "is not set";
  out.add(finding(c, c.no_new_privileges.where,
                  "no-new-privileges " + why + " in the daemon defaults"));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const DaemonConfig& c : inventory.daemon_configs) check_one(c, out);
}

}  // namespace

extern const Rule k_no_new_privileges_default{k_info, RuleScope::unit, check};

}  // namespace vern
