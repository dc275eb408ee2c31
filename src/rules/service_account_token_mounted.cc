// service-account-token-mounted: a pod mounts its service account's API token.
#include <string>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "service-account-token-mounted",
    .title = "Pod mounts a service account token",
    .severity = Severity::low,
    .surfaces = {Surface::kubernetes},
    .rationale =
        "Unless told otherwise Kubernetes mounts a token for the pod's service account into "
        "every container. Most applications never call the API server, but an attacker who "
        "gets code execution in the pod can use the token with whatever RBAC grants the "
        "account, often more than intended.",
    .remedy =
        "Set automountServiceAccountToken: false on the pod (or on its ServiceAccount) and "
        "mount a projected token only where the API is needed.",
};

const ServiceAccount* find_account(const Inventory& inv, const std::string& name,
                                   const std::string& ns) {
  for (const ServiceAccount& sa : inv.service_accounts) {
    // A ServiceAccount without metadata.namespace lands in "default".
    const std::string& sa_ns = sa.ns.empty() ? std::string("default") : sa.ns;
    if (sa.name == name && sa_ns == ns) return &sa;
  }
  return nullptr;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inv.workloads) {
    if (!applies(k_info, w)) continue;
    const Located<bool>& automount = w.automount_sa_token;
    if (automount.is(false) || automount.is_dynamic()) continue;
    std::string account = w.service_account.empty() ? "default" : w.service_account;
    std::string ns = w.ns.empty() ? "default" : w.ns;
    Location where = automount.where.known() ? automount.where : w.pod_spec_where;
    if (!where.known()) where = w.where;
    std::string message = workload_subject(w);
    if (automount.is(true)) {
      message += " sets automountServiceAccountToken: true (service account \"" + account + "\")";
    } else {
      // The ServiceAccount's own setting counts when it is in the scan.
      const ServiceAccount* sa = find_account(inv, account, ns);
      if (sa && sa->automount.is(false)) continue;
      message += " mounts the token of service account \"" + account +
                 "\": automountServiceAccountToken: false is set neither on the pod";
      message += sa ? " nor on the ServiceAccount" : " nor on a ServiceAccount in the scan";
    }
    out.add(make_finding(k_info, w, nullptr, where, message));
  }
}

}  // namespace

extern const Rule k_service_account_token_mounted{k_info, RuleScope::set_workload, check};

}  // namespace vern
