// live-restore-disabled: containers stop when the daemon stops (daemon.json or the live daemon).
#include <string>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "live-restore-disabled",
    .title = "Containers stop when the daemon stops",
    .severity = Severity::low,
    .surfaces = {Surface::host, Surface::daemon_config},
    .rationale =
        "Without `live-restore`, restarting or upgrading dockerd stops every container. Operators "
        "then postpone daemon security updates to avoid downtime.",
    .remedy = "Set \"live-restore\": true in daemon.json.",
    .cis = "2.15",
};

Finding finding(const DaemonConfig& c, Location where, std::string message) {
  return make_object_finding(k_info, c.file, where, c.label, std::move(message));
}

void check_one(const DaemonConfig& c, FindingSink& out) {
  if (c.live_restore.is(true)) return;
  std::string why = c.live_restore.is(false) ? "is false" : "is not set";
  out.add(finding(c, c.live_restore.where,
                  "live-restore " + why + ": restarting the daemon stops every container"));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const DaemonConfig& c : inventory.daemon_configs) check_one(c, out);
}

}  // namespace

extern const Rule k_live_restore_disabled{k_info, RuleScope::unit, check};

}  // namespace vern
