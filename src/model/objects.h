// The non-workload objects that set-level and policy rules read: Kubernetes
// NetworkPolicies, Namespaces, ServiceAccounts, PodSecurityPolicies, every
// object's apiVersion, Compose networks, and the Docker daemon configuration.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/located.h"

namespace vern {

// Identity of any Kubernetes object, for deprecated-api and messages.
struct KubeObject {
  std::string file;
  std::string api_version;
  std::string kind;
  std::string name;
  std::string ns;  // "default" when unset (cluster-scoped kinds keep it empty)
  Location where;
  Location api_version_where;
};

struct NetworkPolicy {
  std::string file;
  std::string name;
  std::string ns;
  Location where;
  bool selects_all_pods = false;   // `podSelector: {}`
  bool ingress_type = false;       // policyTypes lists Ingress
  bool egress_type = false;        // policyTypes lists Egress
  bool has_ingress_rules = false;  // a non-empty `ingress` list
  bool has_egress_rules = false;
  // REQUIRES nothing. True iff this policy denies all traffic to and from every pod.
  bool default_deny() const {
    return selects_all_pods && ingress_type && egress_type && !has_ingress_rules &&
           !has_egress_rules;
  }
};

struct Namespace {
  std::string file;
  std::string name;
  Location where;                       // the object
  Location labels_where;                // `metadata.labels`, or `metadata` when absent
  Located<std::string> enforce_level;   // label pod-security.kubernetes.io/enforce
  std::vector<std::string> suppressed;  // vern.dev/ignore annotation
};

struct ServiceAccount {
  std::string name;
  std::string ns;
  Located<bool> automount;
};

// A numeric range of a PodSecurityPolicy strategy (runAsUser, fsGroup, ...).
struct IdRange {
  std::int64_t min = 0;
  std::int64_t max = 0;
};

struct IdStrategy {
  Located<std::string> rule;
  std::vector<IdRange> ranges;
};

struct PodSecurityPolicy {
  std::string file;
  std::string name;
  Location where;
  Location spec_where;
  Located<bool> privileged;
  Located<bool> allow_privilege_escalation;
  std::vector<std::string> required_drop_capabilities;
  Location required_drop_where;
  std::vector<Located<std::string>> volumes;
  Located<bool> host_network;
  Located<bool> host_ipc;
  Located<bool> host_pid;
  IdStrategy run_as_user;
  IdStrategy supplemental_groups;
  IdStrategy fs_group;
  std::vector<std::string> suppressed;
};

// A Kubernetes PersistentVolume. With `spec.hostPath` its storage is a folder
// of the node, which every pod that claims the volume mounts.
struct PersistentVolume {
  std::string file;
  std::string name;
  Location where;
  Located<std::string> host_path;  // spec.hostPath.path or spec.local.path; absent for other storage
  std::vector<std::string> suppressed;
};

// A network declared in a Compose file's top-level `networks:`.
struct ComposeNetwork {
  std::string name;
  Location where;
  Located<bool> internal;
  Located<bool> external;
};

struct ComposeProject {
  std::string file;
  Location where;  // `services:` key
  std::vector<ComposeNetwork> networks;
};

// The Docker daemon configuration (daemon.json, or the live daemon's).
struct DaemonConfig {
  std::string file;                         // path of daemon.json; empty for a live daemon
  std::string label;                        // object name in findings ("daemon.json", "daemon")
  Location where;                           // the top-level object
  std::vector<Located<std::string>> hosts;  // `hosts` entries
  Located<bool> tls_verify;
  Located<std::string> userns_remap;
  Located<bool> icc;
  Located<bool> no_new_privileges;
  Located<bool> live_restore;
};

}  // namespace vern
