#include "scan/set_state.h"

#include "scan/driver.h"
#include "scan/evaluate.h"

namespace vern {

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Inventory reduce_for_set_rules(Inventory in) {
  Inventory out;
  for (Workload& w : in.workloads) {
    if (w.surface != Surface::kubernetes && w.surface != Surface::compose) continue;
    for (Container& c : w.containers) {
      Container slim;
      slim.name = std::move(c.name);
      slim.where = c.where;
      slim.role = c.role;
      slim.image = std::move(c.image);
      c = std::move(slim);
    }
    w.volumes.clear();
    w.suppressions.clear();
    w.other_images.clear();
    out.workloads.push_back(std::move(w));
  }
  out.network_policies = std::move(in.network_policies);
  out.namespaces = std::move(in.namespaces);
  out.service_accounts = std::move(in.service_accounts);
  out.compose_projects = std::move(in.compose_projects);
  return out;
}

void SetState::add(Inventory part) {
  for (Workload& w : part.workloads) {
    // A Kubernetes workload matters to set rules when it is the first of its
    // namespace (missing-network-policy) or may mount a token (service-account-token-mounted).
    if (w.surface == Surface::kubernetes) {
      bool first = m_namespaces_seen.insert(w.ns).second;
      if (!first && w.automount_sa_token.is(false)) continue;
    }
    m_merged.workloads.push_back(std::move(w));
  }
  append(m_merged.network_policies, part.network_policies);
  append(m_merged.namespaces, part.namespaces);
  append(m_merged.service_accounts, part.service_accounts);
  append(m_merged.compose_projects, part.compose_projects);
}

std::vector<Finding> SetState::evaluate(const Config& config) const {
  FindingList found;
  vern::evaluate(m_merged, RuleScope::set, config.rule_options, found);
  std::vector<Finding> out;
  for (Finding& f : found.findings()) {
    if (apply_config(config, f)) out.push_back(std::move(f));
  }
  return out;
}

}  // namespace vern
