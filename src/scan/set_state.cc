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
    if (w.surface == Surface::kubernetes) {
      // Set rules read a Kubernetes workload's pod-level facts only; its
      // containers and networks are dropped, storage included, since the
      // state lives until the whole scan is read.
      std::vector<Container>().swap(w.containers);
      std::vector<Located<std::string>>().swap(w.networks);
      std::string().swap(w.api_version);
    }
    for (Container& c : w.containers) {
      Container slim;
      slim.name = std::move(c.name);
      slim.where = c.where;
      slim.role = c.role;
      slim.image = std::move(c.image);
      c = std::move(slim);
    }
    std::vector<Volume>().swap(w.volumes);
    std::vector<InlineSuppression>().swap(w.suppressions);
    std::vector<Located<ImageRef>>().swap(w.other_images);
    out.workloads.push_back(std::move(w));
  }
  out.network_policies = std::move(in.network_policies);
  out.namespaces = std::move(in.namespaces);
  out.service_accounts = std::move(in.service_accounts);
  out.compose_projects = std::move(in.compose_projects);
  return out;
}

void SetState::add(Inventory part) {
  if (!part.compose_projects.empty()) {
    // Compose rules look up a service's project by its file, so this file's
    // services and projects are all they need.
    Inventory compose;
    compose.compose_projects = std::move(part.compose_projects);
    std::erase_if(part.workloads, [&](Workload& w) {
      if (w.surface != Surface::compose) return false;
      compose.workloads.push_back(std::move(w));
      return true;
    });
    evaluate_into(compose, m_compose_findings);
  }
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

void SetState::evaluate_into(const Inventory& inventory, std::vector<Finding>& out) const {
  FindingList found;
  vern::evaluate(inventory, RuleScope::set, m_config.rule_options, found);
  for (Finding& f : found.findings()) {
    if (apply_config(m_config, f)) out.push_back(std::move(f));
  }
}

std::vector<Finding> SetState::evaluate() const {
  std::vector<Finding> out = m_compose_findings;
  evaluate_into(m_merged, out);
  return out;
}

}  // namespace vern
