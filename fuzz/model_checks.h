// Shared checks for the translator fuzz targets: a Translation of a file must
// locate everything it says is written, every error must point at a line, and
// the rule catalog (unit and set rules) must run over it and report only
// findings that point at a line of that file.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "scan/evaluate.h"
#include "sources/translation.h"

namespace vern::fuzz {

inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "model invariant broken: %s\n", what);
  std::abort();
}

inline void require_at(Location at, const char* what) {
  require(at.line >= 1 && at.column >= 1, what);
}

// A value that is written (literal or dynamic) points at where it is written.
template <class T>
void require_located(const Located<T>& v, const char* what) {
  if (!v.is_absent()) require_at(v.where, what);
}

inline void check_container(const Container& c) {
  require_at(c.where, "container without a position");
  require_located(c.image, "image");
  require_located(c.user, "user");
  require_located(c.run_as_non_root, "runAsNonRoot");
  require_located(c.run_as_user, "runAsUser");
  require_located(c.privileged, "privileged");
  require_located(c.allow_privilege_escalation, "allowPrivilegeEscalation");
  require_located(c.no_new_privileges, "no-new-privileges");
  require_located(c.seccomp, "seccomp");
  require_located(c.apparmor, "apparmor");
  require_located(c.read_only_rootfs, "read-only root filesystem");
  require_located(c.healthcheck, "healthcheck");
  require_located(c.resources.memory_limit, "memory limit");
  require_located(c.resources.cpu_limit, "cpu limit");
  require_located(c.resources.pids_limit, "pids limit");
  for (const auto& a : c.caps.add) require_located(a, "cap add");
  for (const auto& d : c.caps.drop) require_located(d, "cap drop");
  for (const PortMapping& p : c.ports) {
    require_at(p.where, "port without a position");
    require_located(p.host_ip, "port host ip");
    for (int port : {p.container_first, p.container_last, p.host_first, p.host_last}) {
      require(port >= 0 && port <= 65535, "port number out of range");
    }
    require(p.container_first <= p.container_last || p.container_last == 0, "port range reversed");
    require(p.host_first <= p.host_last || p.host_last == 0, "host port range reversed");
  }
  for (const EnvVar& e : c.env) {
    require_at(e.where, "env var without a position");
    require_located(e.value, "env value");
  }
}

inline void check_inventory(const Inventory& inv, std::string_view path) {
  for (const Workload& w : inv.workloads) {
    require(w.file == path, "workload of another file");
    require_at(w.where, "workload without a position");
    for (const Container& c : w.containers) check_container(c);
    for (const auto& i : w.other_images) require_located(i, "other image");
    require_located(w.host_network, "host network");
    require_located(w.host_pid, "host pid");
    require_located(w.host_ipc, "host ipc");
    require_located(w.network_mode, "network mode");
    require_located(w.userns_mode, "userns mode");
    require_located(w.automount_sa_token, "automountServiceAccountToken");
    for (const Volume& v : w.volumes) {
      require_at(v.where, "volume without a position");
      require_located(v.host_path, "volume host path");
    }
    for (const auto& n : w.networks) require_located(n, "network");
    for (const InlineSuppression& s : w.suppressions) require_at(s.where, "suppression");
  }
  for (const KubeObject& o : inv.kube_objects) {
    require_at(o.where, "object without a position");
    require_at(o.api_version_where, "apiVersion without a position");
  }
  for (const NetworkPolicy& p : inv.network_policies) require_at(p.where, "network policy");
  for (const Namespace& n : inv.namespaces) {
    require_at(n.where, "namespace without a position");
    require_located(n.enforce_level, "enforce label");
  }
  for (const PodSecurityPolicy& p : inv.pod_security_policies) {
    require_at(p.where, "psp without a position");
    for (const auto* b : {&p.privileged, &p.allow_privilege_escalation, &p.host_network,
                          &p.host_ipc, &p.host_pid}) {
      require_located(*b, "psp flag");
    }
    for (const auto& v : p.volumes) require_located(v, "psp volume");
    for (const IdStrategy* s : {&p.run_as_user, &p.supplemental_groups, &p.fs_group}) {
      require_located(s->rule, "psp strategy rule");
    }
  }
  for (const ComposeProject& p : inv.compose_projects) {
    require_at(p.where, "compose project without a position");
    for (const ComposeNetwork& n : p.networks) {
      require_at(n.where, "compose network without a position");
      require_located(n.internal, "network internal");
      require_located(n.external, "network external");
    }
  }
}

// Checks `t` (the translation of `path`), then runs every rule over it with
// options that switch on the optional rules.
inline void check_translation(const Translation& t, std::string_view path) {
  for (const Error& e : t.errors) {
    require(e.file == path, "error names another file");
    // Format detection's verdict is about the whole file; every other error
    // is about something written at a place.
    if (e.message.starts_with("not a recognised format")) continue;
    require(e.line >= 1 && e.column >= 1, "error without a position");
  }
  check_inventory(t.inventory, path);
  RuleOptions options;
  options.allowed_registries = {"docker.io", "registry.example.com"};
  options.allowed_capabilities = {"NET_ADMIN"};
  FindingList found;
  evaluate(t.inventory, RuleScope::unit, options, found);
  evaluate(t.inventory, RuleScope::set, options, found);
  for (const Finding& f : found.findings()) {
    require(f.file == path, "finding names another file");
    require(f.where.line >= 1, "finding without a line");
    require(!f.rule.empty() && !f.message.empty(), "finding without a rule or message");
  }
}

}  // namespace vern::fuzz
