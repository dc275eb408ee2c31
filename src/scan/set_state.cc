#include "scan/set_state.h"

#include <algorithm>

#include "scan/driver.h"
#include "scan/evaluate.h"

namespace vern {

namespace {

// Workloads handed to the per-workload rules at once.
constexpr std::size_t k_workload_batch = 4096;

// Two definitions of a namespace that label it alike judge alike.
bool same_label(const Namespace& a, const Namespace& b) {
  return a.enforce_level.presence == b.enforce_level.presence &&
         a.enforce_level.value == b.enforce_level.value;
}

}  // namespace

Inventory reduce_for_set_rules(Inventory in) {
  Inventory out;
  for (Workload& w : in.workloads) {
    // Compose projects are judged file by file (judge_compose_project).
    if (w.surface != Surface::kubernetes) continue;
    // Set rules read a Kubernetes workload's pod-level facts only; its
    // containers and networks are dropped, storage included, since the
    // state lives until the whole scan is read.
    std::vector<Container>().swap(w.containers);
    std::vector<Located<std::string>>().swap(w.networks);
    std::string().swap(w.api_version);
    std::vector<Volume>().swap(w.volumes);
    std::vector<InlineSuppression>().swap(w.suppressions);
    std::vector<Located<ImageRef>>().swap(w.other_images);
    out.workloads.push_back(std::move(w));
  }
  out.network_policies = std::move(in.network_policies);
  out.namespaces = std::move(in.namespaces);
  out.service_accounts = std::move(in.service_accounts);
  return out;
}

void judge_compose_project(Inventory& file, const RuleOptions& options, FindingSink& out) {
  if (file.compose_projects.empty()) return;
  // The file's services and projects are all the Compose rules look at (they
  // find a service's project by its file); they are moved out and back.
  Inventory compose;
  compose.compose_projects = std::move(file.compose_projects);
  std::erase_if(file.workloads, [&](Workload& w) {
    if (w.surface != Surface::compose) return false;
    compose.workloads.push_back(std::move(w));
    return true;
  });
  evaluate(compose, RuleScope::set, options, out);
  evaluate(compose, RuleScope::set_workload, options, out);
  file.compose_projects = std::move(compose.compose_projects);
  for (Workload& w : compose.workloads) file.workloads.push_back(std::move(w));
}

void SetState::add(Inventory& part) {
  for (Workload& w : part.workloads) {
    if (w.surface != Surface::kubernetes) continue;
    // A token that is not mounted needs no look at the ServiceAccount.
    if (!w.automount_sa_token.is(false)) m_spill.push(w);
    // The first workload of a namespace is what missing-network-policy needs.
    if (m_namespaces_seen.insert(w.ns).second) m_merged.workloads.push_back(std::move(w));
  }
  for (Namespace& n : part.namespaces) add_namespace(n);
  for (NetworkPolicy& p : part.network_policies) add_policy(p);
  for (ServiceAccount& sa : part.service_accounts) {
    // A ServiceAccount without metadata.namespace lands in "default"; the
    // first of a name is the one rules look up.
    std::string key = (sa.ns.empty() ? std::string("default") : sa.ns) + '/' + sa.name;
    if (m_accounts_seen.insert(std::move(key)).second) {
      m_merged.service_accounts.push_back(std::move(sa));
    }
  }
}

void SetState::add_namespace(Namespace& n) {
  std::vector<std::size_t>& defs = m_namespace_defs[n.name];
  for (std::size_t i : defs) {
    if (same_label(m_merged.namespaces[i], n)) return;
  }
  defs.push_back(m_merged.namespaces.size());
  m_merged.namespaces.push_back(std::move(n));
}

void SetState::add_policy(NetworkPolicy& p) {
  auto [it, first] = m_policies.try_emplace(p.ns);
  if (first) m_policy_order.push_back(p.ns);
  std::vector<NetworkPolicy>& kept = it->second;
  if (!kept.empty() && kept.front().default_deny()) return;  // the namespace is covered
  if (p.default_deny()) kept.clear();
  kept.push_back(std::move(p));
}

void SetState::evaluate_into(const Inventory& inventory, RuleScope scope,
                             std::vector<Finding>& out) const {
  FindingList found;
  vern::evaluate(inventory, scope, m_config.rule_options, found);
  for (Finding& f : found.findings()) {
    if (apply_config(m_config, f)) out.push_back(std::move(f));
  }
}

std::vector<Finding> SetState::aggregate_findings() const {
  Inventory set;
  set.workloads = m_merged.workloads;
  set.namespaces = m_merged.namespaces;
  set.service_accounts = m_merged.service_accounts;
  for (const std::string& ns : m_policy_order) {
    const std::vector<NetworkPolicy>& kept = m_policies.at(ns);
    set.network_policies.insert(set.network_policies.end(), kept.begin(), kept.end());
  }
  std::vector<Finding> out;
  evaluate_into(set, RuleScope::set, out);
  return out;
}

void SetState::workload_findings(const std::function<void(std::vector<Finding>&)>& each) {
  Inventory set;
  set.namespaces = m_merged.namespaces;
  set.service_accounts = m_merged.service_accounts;
  m_spill.replay(k_workload_batch, [&](std::vector<Workload>& batch) {
    set.workloads.swap(batch);
    std::vector<Finding> out;
    evaluate_into(set, RuleScope::set_workload, out);
    set.workloads.swap(batch);
    if (!out.empty()) each(out);
  });
}

std::vector<Finding> SetState::evaluate() {
  std::vector<Finding> out = aggregate_findings();
  workload_findings([&](std::vector<Finding>& batch) {
    out.insert(out.end(), std::make_move_iterator(batch.begin()),
               std::make_move_iterator(batch.end()));
  });
  return out;
}

}  // namespace vern
