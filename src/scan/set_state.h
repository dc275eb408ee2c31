// SetState: the part of every file's inventory that set-level rules need
// (namespaces, network policies, service accounts, Compose projects and a
// slimmed copy of the workloads), merged across one scan.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/inventory.h"
#include "rules/finding.h"
#include "scan/config.h"

namespace vern {

// Drops from `inventory` what no set-level rule reads (container details,
// volumes, policy objects checked per file), so the merged state stays small.
Inventory reduce_for_set_rules(Inventory inventory);

// Memory grows with the Kubernetes objects that may still yield a finding, not
// with the files read: a Compose file is its own project, so its part is
// judged when it is added and only the findings are kept.
class SetState {
 public:
  // REQUIRES: `config` outlives the SetState.
  explicit SetState(const Config& config) : m_config(config) {}
  // Merges one file's reduced inventory.
  void add(Inventory part);
  // Runs the set-level rules over what is merged and returns every set-level
  // finding of the scan; findings have the config applied.
  std::vector<Finding> evaluate() const;

 private:
  void evaluate_into(const Inventory& inventory, std::vector<Finding>& out) const;

  const Config& m_config;
  Inventory m_merged;
  std::vector<Finding> m_compose_findings;
  std::set<std::string> m_namespaces_seen;
};

}  // namespace vern
