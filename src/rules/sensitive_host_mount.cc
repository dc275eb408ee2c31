// sensitive-host-mount: a host folder that holds the system's configuration,
// kernel interfaces or other users' data is mounted into a container.
#include "rules/helpers.h"
#include "rules/host_path.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "sensitive-host-mount",
    .title = "Sensitive host path is mounted",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Mounting /, /etc, /proc, /sys, /dev, /boot, home folders or the engine's state "
        "folders lets the container read host secrets (shadow, SSH keys, kubelet "
        "credentials) or, when writable, change the host itself.",
    .remedy =
        "Mount only the specific application folder the container needs, read-only "
        "where possible.",
    .cis = "5.6",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Volume& v : w.volumes) {
      if (!v.host_path.is_literal()) continue;
      // Engine sockets and their folders are container-socket-mount's findings.
      if (classify_host_path(v.host_path.value) != HostPathKind::sensitive) continue;
      Location where = v.host_path.where.known() ? v.host_path.where : v.where;
      std::string mode = v.read_only ? " (read-only)" : "";
      out.add(make_finding(k_info, w, nullptr, where,
                           mounter(w, v) + " mounts host path " + v.host_path.value + mode));
    }
  }
  check_persistent_volumes(k_info, HostPathKind::sensitive, inventory, out);
}

}  // namespace

extern const Rule k_sensitive_host_mount;
const Rule k_sensitive_host_mount{k_info, RuleScope::unit, &check};

}  // namespace vern
