// missing-network-policy: a namespace with workloads in the scan has no
// default-deny NetworkPolicy.
#include <string>
#include <vector>

#include "rules/helpers.h"
#include "rules/object_finding.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "missing-network-policy",
    .title = "Namespace has no default-deny NetworkPolicy",
    .severity = Severity::medium,
    .surfaces = {Surface::kubernetes},
    .rationale =
        "Without a NetworkPolicy selecting them, pods accept traffic from every pod in the "
        "cluster and may connect anywhere. A default-deny policy (podSelector: {} with both "
        "Ingress and Egress policy types and no rules) makes every allowed flow an explicit "
        "policy, so a compromised pod cannot roam the cluster network.",
    .remedy =
        "Add a NetworkPolicy with podSelector: {} and policyTypes: [Ingress, Egress] to the "
        "namespace, then allow the flows each workload needs.",
};

struct NamespaceUse {
  std::string name;
  const Workload* first = nullptr;
};

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  // Namespaces in order of their first workload, so findings are stable.
  std::vector<NamespaceUse> used;
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    std::string ns = w.ns.empty() ? "default" : w.ns;
    bool seen = false;
    for (const NamespaceUse& u : used) seen = seen || u.name == ns;
    if (!seen) used.push_back({ns, &w});
  }
  for (const NamespaceUse& u : used) {
    int policies = 0;
    bool denied = false;
    for (const NetworkPolicy& p : inv.network_policies) {
      if (p.ns != u.name) continue;
      ++policies;
      denied = denied || p.default_deny();
    }
    if (denied) continue;
    std::string message =
        "namespace \"" + u.name + "\" has workloads but no default-deny NetworkPolicy";
    if (policies > 0) {
      message += policies == 1 ? " (its one NetworkPolicy does not deny all ingress and egress)"
                               : " (none of its " + std::to_string(policies) +
                                     " NetworkPolicies denies all ingress and egress)";
    }
    const Namespace* object = nullptr;
    for (const Namespace& n : inv.namespaces) {
      if (n.name == u.name) {
        object = &n;
        break;
      }
    }
    if (object) {
      out.add(make_object_finding(k_info, object->file, object->where,
                                  kube_object_label("Namespace", "", object->name), message));
    } else {
      out.add(make_finding(k_info, *u.first, nullptr, u.first->where, message));
    }
  }
}

}  // namespace

extern const Rule k_missing_network_policy{k_info, RuleScope::set, check};

}  // namespace vern
