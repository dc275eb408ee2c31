// host-network: the workload shares the host's network namespace.
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "host-network",
    .title = "Container shares the host's network namespace",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "With the host's network namespace the container sees every host interface, can bind "
        "any host port, reach services listening on the host's localhost (D-Bus, the kubelet, "
        "databases bound to 127.0.0.1) and sniff or spoof host traffic. Network policies and "
        "port publishing no longer apply to it.",
    .remedy =
        "Remove host networking (network_mode: host, --network host, hostNetwork: true) and "
        "publish only the ports the service needs.",
    .cis = "5.10",
};

std::string_view spelling(const Workload& w) {
  if (kubernetes_semantics(w)) return "hostNetwork: true";
  switch (w.surface) {
    case Surface::compose:
      return "network_mode: host";
    case Surface::host:
      return "NetworkMode: host";
    default:
      return "--network host";
  }
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    // Translators map the Docker mode onto host_network; the mode is read too
    // so a workload that only records `network_mode: host` is still covered.
    const bool by_flag = w.host_network.is(true);
    if (!by_flag && !w.network_mode.is("host")) continue;
    Location where = by_flag ? w.host_network.where : w.network_mode.where;
    out.add(make_finding(k_info, w, nullptr, where,
                         workload_subject(w) + " shares the host's network namespace (" +
                             std::string(spelling(w)) + ")"));
  }
}

}  // namespace

extern const Rule k_host_network{k_info, RuleScope::unit, check};

}  // namespace vern
