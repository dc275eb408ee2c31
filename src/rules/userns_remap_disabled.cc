// userns-remap-disabled: user namespace remapping is not enabled (daemon.json or the live daemon).
#include <string>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "userns-remap-disabled",
    .title = "User namespace remapping is not enabled",
    .severity = Severity::medium,
    .surfaces = {Surface::host, Surface::daemon_config},
    .rationale =
        "Without `userns-remap`, root in a container is UID 0 on the host. With it, container UIDs "
        "map to an unprivileged range of host UIDs, so a process that escapes the container, or "
        "writes through a host mount, has no privileges on the host.",
    .remedy = "Set \"userns-remap\": \"default\" in daemon.json (check volume ownership first).",
    .cis = "2.9",
};

Finding finding(const DaemonConfig& c, Location where, std::string message) {
  return make_object_finding(k_info, c.file, where, c.label, std::move(message));
}

void check_one(const DaemonConfig& c, FindingSink& out) {
  if (c.userns_remap.is_literal() && !c.userns_remap.value.empty()) return;
  std::string why = c.userns_remap.is_literal() ? "is empty" : "is not set";
  out.add(finding(c, c.userns_remap.where,
                  "userns-remap " + why + ": container root is root on the host"));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const DaemonConfig& c : inventory.daemon_configs) check_one(c, out);
}

}  // namespace

extern const Rule k_userns_remap_disabled{k_info, RuleScope::unit, check};

}  // namespace vern
