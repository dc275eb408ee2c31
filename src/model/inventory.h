// Inventory: everything one translation unit (a file, a live host, an image)
// produced. The scan driver merges the set-level parts across files.
#pragma once

#include <string>
#include <vector>

#include "model/build.h"
#include "model/host.h"
#include "model/image.h"
#include "model/objects.h"
#include "model/vulnerability.h"
#include "model/workload.h"

namespace vern {

struct Inventory {
  std::vector<Workload> workloads;
  std::vector<KubeObject> kube_objects;
  std::vector<NetworkPolicy> network_policies;
  std::vector<Namespace> namespaces;
  std::vector<ServiceAccount> service_accounts;
  std::vector<PodSecurityPolicy> pod_security_policies;
  std::vector<PersistentVolume> persistent_volumes;
  std::vector<ComposeProject> compose_projects;
  std::vector<DaemonConfig> daemon_configs;
  // Dockerfile build facts and shell commands (model/build.h).
  std::vector<BuildFile> build_files;
  std::vector<ShellScript> scripts;
  std::vector<CommandIssue> command_issues;
  // Image filesystem facts and package inventory (model/image.h).
  std::vector<ImageFacts> images;
  // The live host `vern host` audited (model/host.h); at most one per inventory.
  std::vector<HostFacts> hosts;
  // Packages matched against the vulnerability database (model/vulnerability.h).
  std::vector<VulnerabilityReport> vulnerabilities;

  bool empty() const {
    return workloads.empty() && kube_objects.empty() && network_policies.empty() &&
           namespaces.empty() && service_accounts.empty() && pod_security_policies.empty() &&
           persistent_volumes.empty() && compose_projects.empty() && daemon_configs.empty() &&
           build_files.empty() && scripts.empty() && command_issues.empty() && images.empty() &&
           hosts.empty() && vulnerabilities.empty();
  }
};

}  // namespace vern
