// privileged-port: the container listens on a port below 1024.
#include <string>

#include "rules/helpers.h"
#include "rules/ports.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "privileged-port",
    .title = "Container listens on a privileged port",
    .severity = Severity::low,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes},
    .rationale =
        "Binding a port below 1024 traditionally needs root or CAP_NET_BIND_SERVICE, so an "
        "image that listens on one tends to keep privileges it otherwise would not need. A "
        "high port inside the container, mapped to the low one outside, needs neither.",
    .remedy =
        "Listen on a port of 1024 or above inside the container and map it (8080:80, "
        "Service port 80 -> targetPort 8080).",
    .cis = "5.8",
};

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const PortMapping& p : c.ports) {
        // The container side decides: what the process binds, published or not.
        if (p.container_first <= 0 || p.container_first >= 1024) continue;
        out.add(make_finding(
            k_info, w, &c, p.container_where.known() ? p.container_where : p.where,
            subject(w, c) + " listens on privileged port " + describe_container_port(p)));
      }
    }
  }
}

}  // namespace

extern const Rule k_privileged_port{k_info, RuleScope::unit, check};

}  // namespace vern
