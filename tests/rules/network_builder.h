// Builders for ports and the set-level objects (Namespaces, NetworkPolicies,
// ServiceAccounts, PodSecurityPolicies, Compose networks, Kubernetes object
// identities) used by the network and Kubernetes policy rule tests. Extends
// model_builder.h; positions are fixed lines so tests can assert them.
#pragma once

#include <string>
#include <utility>

#include "rules/model_builder.h"

namespace vern::test {

// A port the container listens on but does not publish (EXPOSE, containerPort,
// compose `expose:`).
inline PortMapping listen_port(int first, int last = 0, Location at = line(40)) {
  PortMapping p;
  p.where = at;
  p.container_first = first;
  p.container_last = last ? last : first;
  p.host_ip.where = at;
  return p;
}

// A published port with no host address (every interface); host 0 = random.
inline PortMapping publish(int container, int host = 0, Location at = line(40)) {
  PortMapping p = listen_port(container, 0, at);
  p.published = true;
  p.host_first = p.host_last = host;
  return p;
}

// A published port bound to `ip` as written.
inline PortMapping publish_on(std::string ip, int container, int host, Location at = line(40)) {
  PortMapping p = publish(container, host, at);
  p.host_ip = lit(std::move(ip), at);
  return p;
}

// A port range published on every interface ("3000-3005:3000-3005").
inline PortMapping publish_range(int first, int last, Location at = line(40)) {
  PortMapping p = publish(first, first, at);
  p.container_last = last;
  p.host_last = last;
  return p;
}

// A Kubernetes containerPort with hostPort.
inline PortMapping k8s_host_port(int container, int host, Location at = line(40)) {
  PortMapping p = publish(container, host, at);
  p.k8s_host_port = true;
  return p;
}

inline Namespace ns_object(std::string name, std::string file = "ns.yaml") {
  Namespace n;
  n.file = std::move(file);
  n.name = std::move(name);
  n.where = line(1);
  n.labels_where = line(4);
  n.enforce_level.where = n.labels_where;
  return n;
}

inline Namespace ns_enforcing(std::string name, std::string level, std::string file = "ns.yaml") {
  Namespace n = ns_object(std::move(name), std::move(file));
  n.enforce_level = lit(std::move(level), line(5));
  return n;
}

// A NetworkPolicy that denies all ingress and egress of every pod in `ns`.
inline NetworkPolicy default_deny(std::string ns) {
  NetworkPolicy p;
  p.file = "netpol.yaml";
  p.name = "default-deny";
  p.ns = std::move(ns);
  p.where = line(1);
  p.selects_all_pods = p.ingress_type = p.egress_type = true;
  return p;
}

inline ServiceAccount service_account(std::string name, std::string ns, Located<bool> automount) {
  return ServiceAccount{std::move(name), std::move(ns), automount};
}

// The restricted reference PodSecurityPolicy; tests loosen one field at a time.
inline PodSecurityPolicy restricted_psp(std::string name = "restricted") {
  PodSecurityPolicy p;
  p.file = "psp.yaml";
  p.name = std::move(name);
  p.where = line(1);
  p.spec_where = line(5);
  p.privileged = lit(false, line(6));
  p.allow_privilege_escalation = lit(false, line(7));
  p.required_drop_capabilities = {"ALL"};
  for (const char* v :
       {"configMap", "emptyDir", "projected", "secret", "downwardAPI", "persistentVolumeClaim"}) {
    p.volumes.push_back(lit(std::string(v), line(9)));
  }
  p.host_network = lit(false, line(10));
  p.host_ipc = lit(false, line(11));
  p.host_pid = lit(false, line(12));
  p.run_as_user.rule = lit(std::string("MustRunAsNonRoot"), line(13));
  p.supplemental_groups.rule = lit(std::string("MustRunAs"), line(14));
  p.supplemental_groups.ranges = {{1, 65535}};
  p.fs_group.rule = lit(std::string("MustRunAs"), line(15));
  p.fs_group.ranges = {{1, 65535}};
  return p;
}

inline ComposeNetwork compose_network(std::string name) {
  ComposeNetwork n;
  n.name = std::move(name);
  n.where = line(50);
  n.internal.where = n.external.where = n.where;
  return n;
}

inline ComposeProject compose_project(std::string file = "input") {
  ComposeProject p;
  p.file = std::move(file);
  p.where = line(1);
  return p;
}

inline KubeObject kube_object(std::string api_version, std::string kind, std::string name = "x",
                              std::string ns = "default") {
  KubeObject o;
  o.file = "k.yaml";
  o.api_version = std::move(api_version);
  o.kind = std::move(kind);
  o.name = std::move(name);
  o.ns = std::move(ns);
  o.where = line(1);
  o.api_version_where = line(1, 13);
  return o;
}

// Messages of a list of findings, for compact expectations.
inline std::vector<std::string> messages_of(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.message);
  return out;
}

}  // namespace vern::test
