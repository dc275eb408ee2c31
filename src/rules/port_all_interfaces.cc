// port-all-interfaces: a published port binds every host interface.
#include <string>

#include "rules/helpers.h"
#include "rules/ports.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "port-all-interfaces",
    .title = "Published port binds every host interface",
    .severity = Severity::low,
    .surfaces = {Surface::compose, Surface::run, Surface::host},
    .rationale =
        "A port published without a host address (or with 0.0.0.0 or ::) listens on every "
        "interface of the host, including public ones. Docker inserts its own iptables rules "
        "for published ports, ahead of UFW and firewalld, so a host firewall does not protect "
        "it.",
    .remedy =
        "Bind the port to the interface that needs it, e.g. 127.0.0.1:8080:80 (-p "
        "127.0.0.1:8080:80), or put a reverse proxy in front.",
    .cis = "5.14",
};

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const PortMapping& p : c.ports) {
        // A database/admin port is exposed-database-port's finding, not a second one here.
        if (!binds_every_interface(p) || exposes_database_port(p)) continue;
        if (publication_discarded(w, p)) continue;
        out.add(make_finding(
            k_info, w, &c, p.where,
            subject(w, c) + " publishes port " + describe_port(p) + " on every host interface"));
      }
    }
  }
}

}  // namespace

extern const Rule k_port_all_interfaces{k_info, RuleScope::unit, check};

}  // namespace vern
