// disallowed-volume-type: a Kubernetes pod volume type outside the Pod
// Security "restricted" list.
#include <algorithm>
#include <array>
#include <string_view>

#include "rules/helpers.h"
#include "rules/subject.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "disallowed-volume-type",
    .title = "Pod uses a volume type outside the restricted list",
    .severity = Severity::medium,
    .surfaces = {Surface::kubernetes, Surface::enforcement},
    .rationale =
        "Pod Security \"restricted\" admits only volume types that cannot reach the node's "
        "filesystem or arbitrary storage backends. hostPath, nfs, iscsi and the other "
        "in-tree types give the pod access the platform cannot scope.",
    .remedy =
        "Use configMap, emptyDir, projected, secret, downwardAPI, persistentVolumeClaim, "
        "ephemeral or csi volumes.",
};

constexpr std::array<std::string_view, 8> k_restricted = {
    "configMap", "emptyDir", "projected", "secret", "downwardAPI", "persistentVolumeClaim",
    "ephemeral", "csi"};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w) || !kubernetes_semantics(w)) continue;
    for (const Volume& v : w.volumes) {
      // A volume with no source is defaulted to emptyDir by the API server.
      if (v.type.empty()) continue;
      if (std::find(k_restricted.begin(), k_restricted.end(), v.type) != k_restricted.end()) {
        continue;
      }
      std::string name = v.name.empty() ? "volume" : "volume \"" + v.name + "\"";
      out.add(make_finding(k_info, w, nullptr, v.where, name + " has type " + v.type));
    }
  }
}

}  // namespace

extern const Rule k_disallowed_volume_type;
const Rule k_disallowed_volume_type{k_info, RuleScope::unit, &check};

}  // namespace vern
