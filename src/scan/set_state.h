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

class SetState {
 public:
  // Merges one file's reduced inventory.
  void add(Inventory part);
  // Runs the set-level rules; findings have the config applied.
  std::vector<Finding> evaluate(const Config& config) const;

 private:
  Inventory m_merged;
  std::set<std::string> m_namespaces_seen;
};

}  // namespace vern
