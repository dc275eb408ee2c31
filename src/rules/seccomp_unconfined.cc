// seccomp-unconfined: the container runs without a seccomp filter.
#include <strings.h>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "seccomp-unconfined",
    .title = "Seccomp is disabled",
    .severity = Severity::high,
    .surfaces = {Surface::compose, Surface::kubernetes, Surface::run, Surface::host,
                 Surface::enforcement},
    .rationale =
        "The default seccomp profile blocks about 40 system calls (keyctl, unshare, "
        "open_by_handle_at, bpf, ...) that most container escapes and kernel exploits rely "
        "on. Running unconfined exposes the whole kernel system call surface.",
    .remedy =
        "Use the runtime's default profile (seccompProfile.type: RuntimeDefault) or a "
        "custom profile; remove seccomp=unconfined.",
    .cis = "5.22",
};

// True iff `type` names one of Kubernetes' seccomp profile types (in any case,
// as the unconfined check reads them).
bool known_kubernetes_type(const std::string& type) {
  for (const char* known : {k_profile_runtime_default, k_profile_localhost, k_profile_unconfined}) {
    if (strcasecmp(type.c_str(), known) == 0) return true;
  }
  return false;
}

// Kubernetes findings about a profile that does not confine: none set, or one
// the API does not know (`runtime/default` written as a type), which the API
// server rejects and which confines nothing. Medium: the restricted profile's
// requirement, not an explicit Unconfined.
void report_unset(const Workload& w, const Container& c, FindingSink& out) {
  const Located<std::string>& seccomp = c.seccomp;
  std::string message;
  if (seccomp.is_absent()) {
    message = subject(w, c) +
              " has no seccomp profile set; restricted requires RuntimeDefault or "
              "Localhost";
  } else if (seccomp.is_literal() && !known_kubernetes_type(seccomp.value)) {
    message = subject(w, c) + " sets seccomp profile type \"" + seccomp.value +
              "\", which is not RuntimeDefault, Localhost or Unconfined; restricted requires "
              "RuntimeDefault or Localhost";
  } else {
    return;
  }
  Finding f = make_finding(k_info, w, &c, seccomp.where.known() ? seccomp.where : c.where,
                           std::move(message));
  f.severity = Severity::medium;
  out.add(std::move(f));
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w) || !linux_settings_apply(w)) continue;
    for (const Container& c : w.containers) {
      const Located<std::string>& seccomp = c.seccomp;
      if (seccomp.is_literal() && strcasecmp(seccomp.value.c_str(), k_profile_unconfined) == 0) {
        out.add(make_finding(k_info, w, &c, seccomp.where,
                             subject(w, c) + " runs with seccomp profile Unconfined"));
      } else if (kubernetes_semantics(w)) {
        // Docker applies its default profile when none is named; Kubernetes
        // runs containers Unconfined unless a profile is set.
        report_unset(w, c, out);
      }
    }
  }
}

}  // namespace

extern const Rule k_seccomp_unconfined;
const Rule k_seccomp_unconfined{k_info, RuleScope::unit, &check};

}  // namespace vern
