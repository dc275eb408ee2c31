// psp-not-restricted: a PodSecurityPolicy admits more than the restricted one.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "rules/helpers.h"
#include "rules/object_finding.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "psp-not-restricted",
    .title = "PodSecurityPolicy weaker than restricted",
    .severity = Severity::medium,
    .surfaces = {Surface::kubernetes},
    .rationale =
        "A PodSecurityPolicy is only as strong as its loosest field: any pod whose service "
        "account may use it can be privileged, join host namespaces, mount host paths or run "
        "as root if the policy allows it. The restricted reference policy closes each of "
        "these.",
    .remedy =
        "Tighten the policy to the restricted reference one, or better, replace "
        "PodSecurityPolicy (removed in Kubernetes 1.25) with Pod Security Admission labels.",
};

// The Pod Security "restricted" volume types (rules.md, disallowed-volume-type).
constexpr std::array<std::string_view, 8> k_restricted_volumes = {
    "configMap", "emptyDir", "projected", "secret", "downwardAPI", "persistentVolumeClaim",
    "ephemeral", "csi",
};

// rules.md conventions: non-root when MustRunAsNonRoot, or MustRunAs with
// every range's min >= 1.
bool run_as_non_root(const IdStrategy& s) {
  if (s.rule.is("MustRunAsNonRoot")) return true;
  if (!s.rule.is("MustRunAs") || s.ranges.empty()) return false;
  return std::all_of(s.ranges.begin(), s.ranges.end(), [](const IdRange& r) { return r.min >= 1; });
}

// True iff the group strategy lets a pod use GID 0. An unknown rule is not reported.
bool admits_group_zero(const IdStrategy& s) {
  if (s.rule.is("RunAsAny")) return true;
  if (!s.rule.is("MustRunAs") && !s.rule.is("MayRunAs")) return false;
  return std::any_of(s.ranges.begin(), s.ranges.end(), [](const IdRange& r) { return r.min <= 0; });
}

std::vector<std::string> weaknesses(const PodSecurityPolicy& p) {
  std::vector<std::string> out;
  // Unset, `privileged` is false: the API defaults it so, as it does the host namespaces.
  if (p.privileged.is(true)) out.push_back("privileged: true");
  if (!p.allow_privilege_escalation.is(false) && !p.allow_privilege_escalation.is_dynamic()) {
    out.push_back("allowPrivilegeEscalation not false");
  }
  bool drops_all =
      std::any_of(p.required_drop_capabilities.begin(), p.required_drop_capabilities.end(),
                  [](const std::string& c) { return normalize_capability(c) == "ALL"; });
  if (!drops_all) out.push_back("requiredDropCapabilities lacks ALL");
  std::string volumes;
  for (const Located<std::string>& v : p.volumes) {
    if (!v.is_literal()) continue;
    if (std::find(k_restricted_volumes.begin(), k_restricted_volumes.end(), v.value) !=
        k_restricted_volumes.end()) {
      continue;
    }
    volumes += volumes.empty() ? v.value : ", " + v.value;
  }
  if (!volumes.empty()) out.push_back("volumes allow " + volumes);
  if (p.host_network.is(true)) out.push_back("hostNetwork: true");
  if (p.host_ipc.is(true)) out.push_back("hostIPC: true");
  if (p.host_pid.is(true)) out.push_back("hostPID: true");
  if (!run_as_non_root(p.run_as_user) && !p.run_as_user.rule.is_dynamic()) {
    std::string rule = p.run_as_user.rule.is_literal() ? p.run_as_user.rule.value : "not set";
    out.push_back("runAsUser rule " + rule + " admits root");
  }
  if (admits_group_zero(p.supplemental_groups)) out.push_back("supplementalGroups admit GID 0");
  if (admits_group_zero(p.fs_group)) out.push_back("fsGroup admits GID 0");
  return out;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const PodSecurityPolicy& p : inv.pod_security_policies) {
    std::vector<std::string> weak = weaknesses(p);
    if (weak.empty()) continue;
    std::string message = "PodSecurityPolicy \"" + p.name + "\" is weaker than restricted: ";
    for (size_t i = 0; i < weak.size(); ++i) message += (i ? "; " : "") + weak[i];
    Location where = p.spec_where.known() ? p.spec_where : p.where;
    out.add(make_object_finding(k_info, p.file, where,
                                kube_object_label("PodSecurityPolicy", "", p.name), message));
  }
}

}  // namespace

extern const Rule k_psp_not_restricted{k_info, RuleScope::unit, check};

}  // namespace vern
