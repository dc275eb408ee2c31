// Argo Workflows: each template that runs a pod is a workload. A template's
// pod takes the workflow's pod-level settings (securityContext, service
// account, volumes) unless the template sets its own.
#include <array>

#include "sources/kubernetes/objects.h"

namespace vern::k8s {

namespace {

constexpr std::array<GroupKind, 4> k_argo_kinds = {{
    {"argoproj.io/", "Workflow"},
    {"argoproj.io/", "CronWorkflow"},
    {"argoproj.io/", "WorkflowTemplate"},
    {"argoproj.io/", "ClusterWorkflowTemplate"},
}};

// The template when it sets `key`, else the workflow (whose value may be absent too).
const yaml::Node* owner_of(const yaml::Node& tmpl, const yaml::Node& spec, std::string_view key) {
  return tmpl.get(key) ? &tmpl : &spec;
}

Workload translate_template(const ObjectHeader& h, const yaml::Node& spec, const yaml::Node& tmpl,
                            YamlReader& r) {
  Workload w = pod_workload(h, tmpl.where(), tmpl.where(), r);
  std::string template_name;
  if (const yaml::Node* n = r.scalar(tmpl.get("name"), "template name")) template_name = n->text();

  PodLevel pod;
  pod.sc =
      r.mapping(owner_of(tmpl, spec, "securityContext")->get("securityContext"), "securityContext");
  const yaml::Node* meta = r.mapping(tmpl.get("metadata"), "template metadata");
  if (!meta) meta = r.mapping(spec.get("podMetadata"), "podMetadata");
  pod.annotations = meta ? r.mapping(meta->get("annotations"), "annotations") : nullptr;

  // hostNetwork is a workflow-wide setting; the others a template may set.
  w.host_network = r.boolean(&spec, "hostNetwork", tmpl.where());
  w.host_pid = Located<bool>::absent(tmpl.where());
  w.host_ipc = Located<bool>::absent(tmpl.where());
  w.automount_sa_token = r.boolean(owner_of(tmpl, spec, "automountServiceAccountToken"),
                                   "automountServiceAccountToken", tmpl.where());
  Located<std::string> sa =
      r.string(owner_of(tmpl, spec, "serviceAccountName"), "serviceAccountName", tmpl.where());
  w.service_account = sa.is_literal() && !sa.value.empty() ? sa.value : "default";

  auto add = [&](const yaml::Node* c, ContainerRole role) {
    if (!c) return;
    Container out = translate_container(*c, role, pod, r);
    // Argo names a template's container "main"; the template names it for the reader.
    if (out.name.empty()) out.name = template_name;
    w.containers.push_back(std::move(out));
  };
  if (const yaml::Node* inits = r.sequence(tmpl.get("initContainers"), "initContainers")) {
    for (const yaml::Node* c : inits->items())
      add(r.mapping(c, "an init container"), ContainerRole::init);
  }
  add(r.mapping(tmpl.get("container"), "container"), ContainerRole::main);
  add(r.mapping(tmpl.get("script"), "script"), ContainerRole::main);
  if (const yaml::Node* set = r.mapping(tmpl.get("containerSet"), "containerSet")) {
    if (const yaml::Node* list = r.sequence(set->get("containers"), "containerSet.containers")) {
      for (const yaml::Node* c : list->items())
        add(r.mapping(c, "a container"), ContainerRole::main);
    }
  }
  // Sidecars run beside the main container for the whole step.
  if (const yaml::Node* sidecars = r.sequence(tmpl.get("sidecars"), "sidecars")) {
    for (const yaml::Node* c : sidecars->items())
      add(r.mapping(c, "a sidecar"), ContainerRole::main);
  }
  if (w.containers.empty()) return w;  // steps, dag, suspend, resource: no pod of their own
  for (const yaml::Node* owner : {&spec, &tmpl}) {
    if (const yaml::Node* vols = r.sequence(owner->get("volumes"), "volumes")) {
      for (const yaml::Node* v : vols->items()) {
        if (const yaml::Node* m = r.mapping(v, "a volume"))
          w.volumes.push_back(translate_volume(*m, r));
      }
    }
  }
  return w;
}

}  // namespace

bool is_argo_workflow(std::string_view api_version, std::string_view kind) {
  return is_one_of(k_argo_kinds, api_version, kind);
}

void translate_argo_workflow(const ObjectHeader& h, const yaml::Node& object, YamlReader& r,
                             Inventory& out) {
  const yaml::Node* spec = r.mapping(object.get("spec"), "spec");
  if (spec && h.kind == "CronWorkflow") {
    spec = r.mapping(spec->get("workflowSpec"), "spec.workflowSpec");
  }
  if (!spec) return;
  const yaml::Node* templates = r.sequence(spec->get("templates"), "spec.templates");
  if (!templates) return;
  for (const yaml::Node* item : templates->items()) {
    const yaml::Node* tmpl = r.mapping(item, "a template");
    if (!tmpl) continue;
    Workload w = translate_template(h, *spec, *tmpl, r);
    if (!w.containers.empty()) out.workloads.push_back(std::move(w));
  }
}

}  // namespace vern::k8s
