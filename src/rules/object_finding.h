// Findings about objects that are not workloads (Namespaces, NetworkPolicies,
// PodSecurityPolicies, any Kubernetes object's apiVersion), for the
// Kubernetes policy rules.
#pragma once

#include <string>
#include <string_view>

#include "model/located.h"
#include "rules/rule.h"

namespace vern {

// A finding of `info` on the object named `object` in `file` at `where`, with
// the rule's default severity, remedy and CIS id.
Finding make_object_finding(const RuleInfo& info, std::string file, Location where,
                            std::string object, std::string message);

// "Namespace prod", "Deployment prod/web", "PodSecurityPolicy restricted":
// names a Kubernetes object in findings (`ns` empty for cluster-scoped kinds).
std::string kube_object_label(std::string_view kind, std::string_view ns, std::string_view name);

}  // namespace vern
