// host-port: a Kubernetes container sets hostPort.
#include <string>

#include "rules/helpers.h"
#include "rules/ports.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "host-port",
    .title = "Kubernetes container sets hostPort",
    .severity = Severity::medium,
    .surfaces = {Surface::kubernetes, Surface::enforcement},
    .rationale =
        "A hostPort opens the port on the node's own addresses, outside Services and "
        "NetworkPolicies, and ties the pod to nodes where the port is free. Pod Security "
        "baseline forbids it.",
    .remedy =
        "Remove hostPort and expose the pod through a Service (ClusterIP, or a "
        "LoadBalancer/Ingress when it must be public).",
};

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const PortMapping& p : c.ports) {
        if (!p.k8s_host_port) continue;
        std::string host = p.host_first > 0 ? std::to_string(p.host_first) : "?";
        std::string container = p.container_first > 0
                                    ? "container port " + describe_container_port(p)
                                    : "no containerPort";
        out.add(make_finding(k_info, w, &c, p.where,
                             subject(w, c) + " sets hostPort " + host + " (" + container + ")"));
      }
    }
  }
}

}  // namespace

extern const Rule k_host_port{k_info, RuleScope::unit, check};

}  // namespace vern
