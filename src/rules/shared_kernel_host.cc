// shared-kernel-host: the Docker host is itself a container or shared-kernel VPS.
#include <string>

#include "rules/host_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "shared-kernel-host",
    .title = "Docker host shares its kernel with other tenants",
    .severity = Severity::high,
    .surfaces = {Surface::host},
    .rationale =
        "Containers are isolated by the kernel they share. When the Docker host is itself a "
        "container or a shared-kernel VPS (OpenVZ, LXC, another engine), a container escape "
        "lands in a kernel shared with other tenants, with no hardware virtualization boundary "
        "below it, and the outer engine's settings (seccomp, capabilities) are out of your hands.",
    .remedy =
        "Run Docker on bare metal or in a hardware-virtualized VM (KVM, Xen, Hyper-V, "
        "VMware), not inside a container or an OpenVZ/LXC VPS.",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const HostFacts& h : inventory.hosts) {
    if (h.virtualization != Virtualization::shared_kernel) continue;
    std::string msg = "the Docker host runs inside a shared-kernel " +
                      (h.virtualization_technology.empty() ? std::string("container")
                                                           : h.virtualization_technology) +
                      " environment";
    if (!h.virtualization_evidence.empty()) msg += ": " + h.virtualization_evidence.front();
    out.add(make_host_finding(k_info, h, std::move(msg)));
  }
}

}  // namespace

extern const Rule k_shared_kernel_host{k_info, RuleScope::unit, check};

}  // namespace vern
