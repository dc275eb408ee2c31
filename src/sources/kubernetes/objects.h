// Kubernetes translator internals: one function per object family. Each reads
// one object mapping and appends to the Inventory.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"
#include "sources/yaml_reader.h"
#include "yaml/node.h"

namespace vern::k8s {

// What every object has, read once by the dispatcher.
struct ObjectHeader {
  std::string api_version;
  std::string kind;
  std::string name;
  std::string ns;  // "default" when unset
  Location where;
  const yaml::Node* metadata = nullptr;
  std::vector<InlineSuppression> suppressions;  // vern.dev/ignore
};

// The pod spec of a workload kind, and the pod template's metadata (for
// annotations); pod_spec is nullptr when the kind has no pod template.
struct PodTemplate {
  const yaml::Node* pod_spec = nullptr;
  const yaml::Node* pod_metadata = nullptr;
  Location spec_where;
};

// A kind of an API group other than the core one.
struct GroupKind {
  std::string_view group;  // apiVersion prefix ("argoproj.io/")
  std::string_view kind;
};

// True iff `kind` is one of `kinds` and `api_version` is in its group.
bool is_one_of(std::span<const GroupKind> kinds, std::string_view api_version,
               std::string_view kind);

// True iff the object is one of the workload kinds vern checks: the core
// kinds that hold a pod template, OpenShift's DeploymentConfig, Knative
// Serving's Service, Configuration and Revision, and Argo Rollouts.
bool is_workload(std::string_view api_version, std::string_view kind);

// True iff an object of a kind vern does not know holds what a pod template
// is by convention: `spec.template.spec.containers`, a list (operators'
// custom workloads follow Deployment's shape). Reads quietly: a custom kind
// of another shape is not an error.
bool has_pod_template_shape(const yaml::Node& object);

// Finds the pod template of a workload object (Pod, Deployment, CronJob, ...).
PodTemplate find_pod_template(const yaml::Node& object, const ObjectHeader& h, YamlReader& r);

// A Workload of the object `h` with nothing read yet: what every pod of the
// object shares (file, kind, name, namespace, suppressions), at `where`, its
// pod-level findings at `pod_spec_where`.
Workload pod_workload(const ObjectHeader& h, Location where, Location pod_spec_where,
                      const YamlReader& r);

// Translates a pod spec into a Workload (containers, pod-level settings).
Workload translate_pod(const ObjectHeader& h, const PodTemplate& t, YamlReader& r);

// What a container inherits from its pod: the pod's securityContext
// (runAsNonRoot, runAsUser, seccompProfile...) and annotations (AppArmor).
struct PodLevel {
  const yaml::Node* sc = nullptr;
  const yaml::Node* annotations = nullptr;
  // Pod-level `resources.limits` (Kubernetes 1.32+): they cap every container
  // together, so a container without its own limit is bounded by them.
  Resources limits;
};

// The memory and CPU of a `limits` mapping (nullptr: none), absent at
// `absent_at` when unset; a zero limit is no limit, written out.
Resources read_limits(const yaml::Node* limits, Location absent_at, YamlReader& r);

// One container entry (containers[], initContainers[], an Argo template's
// container) with what it inherits from `pod`.
Container translate_container(const yaml::Node& c, ContainerRole role, const PodLevel& pod,
                              YamlReader& r);

// One entry of a pod's volumes[].
Volume translate_volume(const yaml::Node& v, YamlReader& r);

// True for Argo Workflows' kinds that hold templates: Workflow, CronWorkflow,
// WorkflowTemplate and ClusterWorkflowTemplate (group argoproj.io).
bool is_argo_workflow(std::string_view api_version, std::string_view kind);

// One Workload per template that runs a pod (container, script or
// containerSet), with the workflow's pod-level settings unless the template
// sets its own.
void translate_argo_workflow(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                             Inventory& out);

void translate_network_policy(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                              Inventory& out);
void translate_namespace(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                         Inventory& out);
void translate_service_account(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                               Inventory& out);
void translate_pod_security_policy(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                                   Inventory& out);
void translate_persistent_volume(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                                 Inventory& out);

}  // namespace vern::k8s
