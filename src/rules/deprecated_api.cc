// deprecated-api: a PodSecurityPolicy, or an object written with an apiVersion
// that Kubernetes has removed.
#include <array>
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/object_finding.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "deprecated-api",
    .title = "Removed Kubernetes API",
    .severity = Severity::info,
    .surfaces = {Surface::kubernetes},
    .rationale =
        "Current clusters reject objects written with a removed apiVersion, so the manifest "
        "either fails to apply or was written for a cluster too old to receive security "
        "fixes. PodSecurityPolicy is gone altogether since Kubernetes 1.25: a policy written "
        "as one no longer protects anything.",
    .remedy =
        "Move the object to its current apiVersion; replace PodSecurityPolicy with Pod "
        "Security Admission labels on the namespace.",
};

struct RemovedApi {
  std::string_view api_version;
  std::string_view kind;  // empty: every kind of that group version
  std::string_view removed_in;
  std::string_view replacement;  // empty when the kind has no successor
};

// Group versions removed by Kubernetes (deprecation guide, 1.16 to 1.32).
constexpr std::array<RemovedApi, 30> k_removed = {{
    {"extensions/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1"},
    {"extensions/v1beta1", "NetworkPolicy", "1.16", "networking.k8s.io/v1"},
    {"extensions/v1beta1", "", "1.16", "apps/v1"},
    {"apps/v1beta1", "", "1.16", "apps/v1"},
    {"apps/v1beta2", "", "1.16", "apps/v1"},
    {"batch/v1beta1", "", "1.25", "batch/v1"},
    {"batch/v2alpha1", "", "1.21", "batch/v1"},
    {"policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1"},
    {"policy/v1beta1", "", "1.25", ""},
    {"networking.k8s.io/v1beta1", "", "1.22", "networking.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1beta1", "", "1.22", "rbac.authorization.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1alpha1", "", "1.22", "rbac.authorization.k8s.io/v1"},
    {"admissionregistration.k8s.io/v1beta1", "", "1.22", "admissionregistration.k8s.io/v1"},
    {"apiextensions.k8s.io/v1beta1", "", "1.22", "apiextensions.k8s.io/v1"},
    {"apiregistration.k8s.io/v1beta1", "", "1.22", "apiregistration.k8s.io/v1"},
    {"authentication.k8s.io/v1beta1", "", "1.22", "authentication.k8s.io/v1"},
    {"authorization.k8s.io/v1beta1", "", "1.22", "authorization.k8s.io/v1"},
    {"certificates.k8s.io/v1beta1", "", "1.22", "certificates.k8s.io/v1"},
    {"coordination.k8s.io/v1beta1", "", "1.22", "coordination.k8s.io/v1"},
    {"scheduling.k8s.io/v1beta1", "", "1.22", "scheduling.k8s.io/v1"},
    {"scheduling.k8s.io/v1alpha1", "", "1.17", "scheduling.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "CSIStorageCapacity", "1.27", "storage.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "", "1.22", "storage.k8s.io/v1"},
    {"discovery.k8s.io/v1beta1", "", "1.25", "discovery.k8s.io/v1"},
    {"events.k8s.io/v1beta1", "", "1.25", "events.k8s.io/v1"},
    {"autoscaling/v2beta1", "", "1.25", "autoscaling/v2"},
    {"autoscaling/v2beta2", "", "1.26", "autoscaling/v2"},
    {"node.k8s.io/v1beta1", "", "1.25", "node.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "", "1.26", "flowcontrol.apiserver.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "", "1.29", "flowcontrol.apiserver.k8s.io/v1"},
}};

const RemovedApi* removed_api(const KubeObject& o) {
  // The first match wins: kind-specific rows come before their group's catch-all.
  for (const RemovedApi& r : k_removed) {
    if (r.api_version == o.api_version && (r.kind.empty() || r.kind == o.kind)) return &r;
  }
  return nullptr;
}

void check(const Inventory& inv, const RuleOptions&, FindingSink& out) {
  for (const KubeObject& o : inv.kube_objects) {
    std::string message;
    if (o.kind == "PodSecurityPolicy") {
      message = "PodSecurityPolicy (" + o.api_version +
                ") was removed in Kubernetes 1.25; use Pod Security Admission labels";
    } else if (const RemovedApi* r = removed_api(o)) {
      message = o.kind + " uses apiVersion " + o.api_version + ", removed in Kubernetes " +
                std::string(r->removed_in);
      if (!r->replacement.empty()) message += "; use " + std::string(r->replacement);
    } else {
      continue;
    }
    Location where = o.api_version_where.known() ? o.api_version_where : o.where;
    out.add(make_object_finding(k_info, o.file, where, kube_object_label(o.kind, o.ns, o.name),
                                message));
  }
}

}  // namespace

extern const Rule k_deprecated_api{k_info, RuleScope::unit, check};

}  // namespace vern
