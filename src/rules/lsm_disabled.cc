// lsm-disabled: neither AppArmor nor SELinux is enforcing on the host.
#include <string>

#include "rules/host_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "lsm-disabled",
    .title = "No Linux security module is enforcing",
    .severity = Severity::medium,
    .surfaces = {Surface::host},
    .rationale =
        "Docker confines containers with an AppArmor profile (docker-default) or SELinux labels "
        "on top of namespaces and capabilities. With neither enforcing, a process that breaks "
        "out of its namespaces meets no mandatory access control on the host.",
    .remedy =
        "Enable AppArmor (Debian/Ubuntu/SUSE) or SELinux in enforcing mode "
        "(RHEL/Fedora, and `selinux-enabled` in daemon.json).",
    .cis = "5.2, 5.3",
};

std::string state(const char* name, const LsmState& s) {
  std::string out = std::string(name) + ' ' + std::string(lsm_mode_name(s.mode));
  if (!s.detail.empty()) out += " (" + s.detail + ")";
  return out;
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const HostFacts& h : inventory.hosts) {
    if (h.apparmor.mode == LsmMode::enforcing || h.selinux.mode == LsmMode::enforcing) continue;
    // Nothing could be read: say nothing rather than guess.
    if (h.apparmor.mode == LsmMode::unknown && h.selinux.mode == LsmMode::unknown) continue;
    out.add(make_host_finding(
        k_info, h,
        "neither AppArmor nor SELinux is enforcing: " + state("AppArmor", h.apparmor) + "; " +
            state("SELinux", h.selinux)));
  }
}

}  // namespace

extern const Rule k_lsm_disabled{k_info, RuleScope::unit, check};

}  // namespace vern
