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

// True iff every container port of `p` is a database/admin port.
bool only_database_ports(const PortMapping& p) {
  int last = p.container_last < p.container_first ? p.container_first : p.container_last;
  return database_ports(p).size() == std::size_t(last - p.container_first + 1);
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const PortMapping& p : c.ports) {
        if (!binds_every_interface(p) || publication_discarded(w, p)) continue;
        // A database/admin port is exposed-database-port's finding, not a
        // second one here; a range that also holds other ports
        // ("3300-3310") is reported here for those.
        bool database = exposes_database_port(p);
        if (database && only_database_ports(p)) continue;
        std::string message =
            subject(w, c) + " publishes port " + describe_port(p) + " on every host interface";
        if (database) message += " (its database ports are exposed-database-port)";
        out.add(make_finding(k_info, w, &c, p.where, std::move(message)));
      }
    }
  }
}

}  // namespace

extern const Rule k_port_all_interfaces{k_info, RuleScope::unit, check};

}  // namespace vern
