// exposed-database-port: a database or admin port is published on every host
// interface, or through a Kubernetes hostPort, or declared by a container on
// the host's network (where nothing needs publishing: the API server even
// sets hostPort to containerPort on such a Pod).
#include <string>

#include "rules/helpers.h"
#include "rules/ports.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "exposed-database-port",
    .title = "Database or admin port published to every interface",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Databases, caches, message brokers and control-plane APIs (Docker, etcd, the kubelet) "
        "are scanned for around the clock; one published on every interface is reachable "
        "from any network the host is on, and Docker's iptables rules bypass the host "
        "firewall. Many of these services ship without authentication.",
    .remedy =
        "Do not publish the port: let other containers reach it over a private network, or "
        "bind it to 127.0.0.1 (127.0.0.1:5432:5432); in Kubernetes use a Service, not hostPort.",
};

std::string port_list(const PortMapping& p) {
  std::string out;
  for (int port : database_ports(p)) {
    if (!out.empty()) out += ", ";
    out += std::to_string(port) + " (" + std::string(database_port_name(port)) + ")";
  }
  return out;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const PortMapping& p : c.ports) {
        bool declared_on_host = w.host_network.is(true) && !p.k8s_host_port;
        if (declared_on_host && !database_ports(p).empty()) {
          out.add(make_finding(k_info, w, &c, p.where,
                               subject(w, c) + " listens on database/admin port " + port_list(p) +
                                   " on every host interface: it runs on the host's network"));
          continue;
        }
        if (!exposes_database_port(p) || publication_discarded(w, p)) continue;
        std::string how = p.k8s_host_port ? " as hostPort " + std::to_string(p.host_first)
                                          : " on every host interface (" + describe_port(p) + ")";
        out.add(
            make_finding(k_info, w, &c, p.where,
                         subject(w, c) + " publishes database/admin port " + port_list(p) + how));
      }
    }
  }
}

}  // namespace

extern const Rule k_exposed_database_port{k_info, RuleScope::unit, check};

}  // namespace vern
