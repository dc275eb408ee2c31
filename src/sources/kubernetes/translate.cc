#include "sources/kubernetes/translate.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "sources/kubernetes/objects.h"

namespace vern {

namespace {

using k8s::ObjectHeader;

std::vector<InlineSuppression> read_ignore_annotation(const yaml::Node* annotations) {
  std::vector<InlineSuppression> out;
  const yaml::Node* v = annotations ? annotations->get("vern.dev/ignore") : nullptr;
  if (!v || !v->is_scalar()) return out;
  const std::string text(v->text());
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string slug = text.substr(start, comma - start);
    size_t b = slug.find_first_not_of(" \t");
    size_t e = slug.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back({slug.substr(b, e - b + 1), v->where()});
    start = comma + 1;
  }
  return out;
}

// Built-in kinds that live outside namespaces (a custom resource's scope is in
// its definition, which the scan may not hold: such objects keep a namespace).
constexpr std::string_view k_cluster_scoped_kinds[] = {
    "APIService",
    "CSIDriver",
    "CSINode",
    "CertificateSigningRequest",
    "ClusterRole",
    "ClusterRoleBinding",
    "ComponentStatus",
    "CustomResourceDefinition",
    "FlowSchema",
    "IngressClass",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding",
    "MutatingWebhookConfiguration",
    "Namespace",
    "Node",
    "PersistentVolume",
    "PodSecurityPolicy",
    "PriorityClass",
    "PriorityLevelConfiguration",
    "RuntimeClass",
    "SelfSubjectAccessReview",
    "SelfSubjectRulesReview",
    "StorageClass",
    "StorageVersionMigration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration",
    "VolumeAttachment",
};

bool is_cluster_scoped(std::string_view kind) {
  return std::find(std::begin(k_cluster_scoped_kinds), std::end(k_cluster_scoped_kinds), kind) !=
         std::end(k_cluster_scoped_kinds);
}

void translate_object(const yaml::Node& object, YamlReader& r, Inventory& out);

void translate_list(const yaml::Node& list, YamlReader& r, Inventory& out) {
  const yaml::Node* items = r.sequence(list.get("items"), "items");
  if (!items) return;
  for (const yaml::Node* item : items->items()) {
    if (const yaml::Node* m = r.mapping(item, "a List item")) translate_object(*m, r, out);
  }
}

void translate_object(const yaml::Node& object, YamlReader& r, Inventory& out) {
  const yaml::Node* api = object.get("apiVersion");
  const yaml::Node* kind = object.get("kind");
  if (!api || !kind || !api->is_scalar() || !kind->is_scalar()) return;
  ObjectHeader h;
  h.api_version = api->text();
  h.kind = kind->text();
  h.where = object.where();
  if (h.kind == "List" || (h.kind.size() > 4 && h.kind.ends_with("List") && object.get("items"))) {
    translate_list(object, r, out);
    return;
  }
  h.metadata = r.mapping(object.get("metadata"), "metadata");
  if (h.metadata) {
    if (const yaml::Node* n = r.scalar(h.metadata->get("name"), "metadata.name"))
      h.name = n->text();
    // Objects created with a server-made name (Jobs, Argo Workflows) are known
    // by the prefix they give it.
    if (h.name.empty()) {
      if (const yaml::Node* n = r.scalar(h.metadata->get("generateName"), "metadata.generateName"))
        h.name = n->text();
    }
    if (const yaml::Node* n = r.scalar(h.metadata->get("namespace"), "metadata.namespace")) {
      h.ns = n->text();
    }
    h.suppressions =
        read_ignore_annotation(r.mapping(h.metadata->get("annotations"), "metadata.annotations"));
  }
  bool cluster_scoped = is_cluster_scoped(h.kind);
  if (h.ns.empty() && !cluster_scoped) h.ns = "default";
  if (cluster_scoped) h.ns.clear();

  KubeObject obj;
  obj.file = std::string(r.file());
  obj.api_version = h.api_version;
  obj.kind = h.kind;
  obj.name = h.name;
  obj.ns = h.ns;
  obj.where = h.where;
  obj.api_version_where = api->where();
  out.kube_objects.push_back(std::move(obj));

  if (k8s::is_workload(h.api_version, h.kind)) {
    k8s::PodTemplate t = k8s::find_pod_template(object, h, r);
    if (t.pod_spec) out.workloads.push_back(k8s::translate_pod(h, t, r));
  } else if (h.kind == "NetworkPolicy") {
    k8s::translate_network_policy(h, object, r, out);
  } else if (h.kind == "Namespace") {
    k8s::translate_namespace(h, object, r, out);
  } else if (h.kind == "ServiceAccount") {
    k8s::translate_service_account(h, object, r, out);
  } else if (h.kind == "PodSecurityPolicy") {
    k8s::translate_pod_security_policy(h, object, r, out);
  } else if (h.kind == "PersistentVolume") {
    k8s::translate_persistent_volume(h, object, r, out);
  } else if (k8s::is_argo_workflow(h.api_version, h.kind)) {
    k8s::translate_argo_workflow(h, object, r, out);
  } else if (k8s::has_pod_template_shape(object)) {
    k8s::PodTemplate t = k8s::find_pod_template(object, h, r);
    if (t.pod_spec) out.workloads.push_back(k8s::translate_pod(h, t, r));
  }
}

bool looks_like_object(const yaml::Node* root) {
  if (!root || !root->is_mapping()) return false;
  const yaml::Node* api = root->get("apiVersion");
  const yaml::Node* kind = root->get("kind");
  return api && kind && api->is_scalar() && kind->is_scalar();
}

}  // namespace

Translation translate_kubernetes(std::string_view path, const yaml::Document* docs, size_t count) {
  Translation t;
  t.recognised = false;
  YamlReader reader(path, t.errors, /*yaml11=*/true);
  for (size_t i = 0; i < count; ++i) {
    const yaml::Node* root = docs[i].root;
    if (!looks_like_object(root)) continue;
    t.recognised = true;
    translate_object(*root, reader, t.inventory);
  }
  return t;
}

Translation translate_kubernetes(std::string_view path, std::string_view content) {
  yaml::Stream stream = yaml::parse(content);
  Translation t = translate_kubernetes(path, stream.documents.data(), stream.documents.size());
  for (std::size_t i = 0; i < stream.errors.size(); ++i) {
    Error e = stream.errors[i];
    e.file = std::string(path);
    t.errors.insert(t.errors.begin() + std::ptrdiff_t(i), std::move(e));
    t.recognised = true;
  }
  return t;
}

}  // namespace vern
