// SetState: the part of every file's inventory that set-level rules need
// (namespaces, network policies, service accounts and the pod-level facts of
// Kubernetes workloads), merged across one scan.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/inventory.h"
#include "rules/finding.h"
#include "scan/config.h"
#include "scan/workload_spill.h"

namespace vern {

// Drops from `inventory` what no set-level rule reads (container details,
// volumes, policy objects checked per file, Compose files), so the merged
// state stays small.
Inventory reduce_for_set_rules(Inventory inventory);

// A Compose file is a project of its own: sends to `out` the findings of the
// set-level rules over this file's projects and services alone, so they are
// final when the file is checked. Leaves `file` with the same objects (its
// Compose services may come back in another order). Config is not applied.
void judge_compose_project(Inventory& file, const RuleOptions& options, FindingSink& out);

// Memory stays flat however many files a scan reads:
// - of Kubernetes objects, only what can change a finding is kept: the first
//   workload of each namespace, each namespace's definitions that differ in
//   their Pod Security label, a namespace's policies until one denies all
//   traffic (then that one), the first ServiceAccount of each name;
// - workloads that rules judge one by one against the whole set (a pod and
//   its ServiceAccount) wait in a temporary file until the end.
class SetState {
 public:
  // REQUIRES: `config` outlives the SetState.
  explicit SetState(const Config& config) : m_config(config) {}
  SetState(const SetState&) = delete;
  SetState& operator=(const SetState&) = delete;

  // Merges one file's reduced inventory, moving out what it keeps; the rest
  // stays in `part` for the caller to free.
  void add(Inventory& part);
  void add(Inventory&& part) { add(part); }
  // Findings of the rules over the merged set (few: about one per namespace),
  // config applied.
  std::vector<Finding> aggregate_findings() const;
  // Findings of the rules that judge each workload against the whole set, in
  // the order the workloads were added, handed over a batch at a time
  // (several batches may hold findings of one file, one after another).
  void workload_findings(const std::function<void(std::vector<Finding>&)>& each);
  // Everything above, at once: aggregate, then per-workload findings. For
  // callers that hold a small set.
  std::vector<Finding> evaluate();

 private:
  void evaluate_into(const Inventory& inventory, RuleScope scope, std::vector<Finding>& out) const;
  // Each moves `n` / `p` in when it is kept.
  void add_namespace(Namespace& n);
  void add_policy(NetworkPolicy& p);

  const Config& m_config;
  Inventory m_merged;  // aggregate state: no more than the rules need
  std::set<std::string> m_namespaces_seen;
  std::unordered_map<std::string, std::vector<std::size_t>> m_namespace_defs;  // name -> indexes
  // Per namespace: its policies until one denies all traffic, then that one.
  std::unordered_map<std::string, std::vector<NetworkPolicy>> m_policies;
  std::vector<std::string> m_policy_order;          // namespaces in order of their first policy
  std::unordered_set<std::string> m_accounts_seen;  // "namespace/name"
  WorkloadSpill m_spill;
};

}  // namespace vern
