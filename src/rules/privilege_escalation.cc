// privilege-escalation: the container's processes may gain privileges through
// setuid binaries or file capabilities (no_new_privs is not set).
#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "privilege-escalation",
    .title = "Privilege escalation is allowed",
    .severity = Severity::medium,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "Without the no_new_privs flag a process can gain privileges it was not started "
        "with, through setuid/setgid binaries or file capabilities, so a compromised "
        "unprivileged process can become root inside the container.",
    .remedy =
        "Set allowPrivilegeEscalation: false (Kubernetes) or security_opt / "
        "--security-opt no-new-privileges:true (Docker).",
    .cis = "5.26",
};

void check_kubernetes(const Workload& w, const Container& c, FindingSink& out) {
  const Located<bool>& ape = c.allow_privilege_escalation;
  if (c.privileged.is(true)) {
    // The API server rejects allowPrivilegeEscalation: false beside privileged:
    // a privileged container always may escalate.
    out.add(make_finding(k_info, w, &c, c.privileged.where,
                         subject(w, c) + " is privileged, which always allows privilege "
                                         "escalation"));
    return;
  }
  if (ape.is(false) || ape.is_dynamic()) return;
  Location where = ape.where.known() ? ape.where : c.where;
  std::string why = ape.is(true) ? " sets allowPrivilegeEscalation: true"
                                 : " allows privilege escalation: "
                                   "allowPrivilegeEscalation: false not set here";
  out.add(make_finding(k_info, w, &c, where, subject(w, c) + why));
}

void check_docker(const Workload& w, const Container& c, FindingSink& out) {
  const Located<bool>& nnp = c.no_new_privileges;
  if (nnp.is(true) || nnp.is_dynamic()) return;
  Location where = nnp.where.known() ? nnp.where : c.where;
  std::string why = nnp.is(false) ? " sets no-new-privileges:false"
                                  : " allows privilege escalation: no-new-privileges not set "
                                    "here";
  out.add(make_finding(k_info, w, &c, where, subject(w, c) + why));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w) || !linux_settings_apply(w)) continue;
    for (const Container& c : w.containers) {
      if (kubernetes_semantics(w)) {
        check_kubernetes(w, c, out);
      } else {
        check_docker(w, c, out);
      }
    }
  }
}

}  // namespace

extern const Rule k_privilege_escalation;
const Rule k_privilege_escalation{k_info, RuleScope::unit, &check};

}  // namespace vern
